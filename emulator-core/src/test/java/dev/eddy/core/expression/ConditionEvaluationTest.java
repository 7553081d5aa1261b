package dev.eddy.core.expression;

import static dev.eddy.core.expression.Trees.b;
import static dev.eddy.core.expression.Trees.bool;
import static dev.eddy.core.expression.Trees.l;
import static dev.eddy.core.expression.Trees.m;
import static dev.eddy.core.expression.Trees.map;
import static dev.eddy.core.expression.Trees.n;
import static dev.eddy.core.expression.Trees.ns;
import static dev.eddy.core.expression.Trees.s;
import static dev.eddy.core.expression.Trees.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.core.item.AttributeValue;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConditionEvaluationTest {
    private static final Map<String, AttributeValue> ITEM = map(
            "str", s("hello"),
            "num", n("10"),
            "bin", b(1, 2, 3),
            "flag", bool(true),
            "nothing", AttributeValue.Null.INSTANCE,
            "tags", ss("red", "blue"),
            "nums", ns("1", "2", "3"),
            "lst", l(s("a"), n("1"), m("k", s("v"))),
            "mp", m("nested", m("deep", n("5")), "arr", l(n("7"), n("8"))),
            "emoji", s("\uD83D\uDE00"));
    private static final Map<String, AttributeValue> VALUES = map(
            ":hello", s("hello"), ":hel", s("hel"), ":ell", s("ell"), ":x", s("x"), ":ten", n("10"),
            ":nine", n("9"), ":eleven", n("11"), ":ten_s", s("10"), ":five", n("5"), ":three", n("3"),
            ":two", n("2"), ":one", n("1"), ":zero", n("0"), ":red", s("red"), ":a", s("a"), ":b12", b(1, 2),
            ":b23", b(2, 3), ":kv", m("k", s("v")), ":t_s", s("S"), ":t_ss", s("SS"), ":t_null", s("NULL"),
            ":t_bool", s("BOOL"), ":t_m", s("M"), ":t_l", s("L"), ":true", bool(true), ":null", AttributeValue.Null.INSTANCE,
            ":tags", ss("blue", "red"), ":seven", n("7"), ":v", s("v"));

    private static boolean test(String text) {
        ExpressionContext ctx = new ExpressionContext(Map.of("#s", "str"), VALUES);
        return Expressions.condition(text, ExpressionKind.FILTER, ctx).test(ITEM);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "str = :hello | true",
            "#s = :hello | true",
            "str <> :hello | false",
            "num = :ten | true",
            "num = :ten_s | false",
            "num <> :ten_s | true",
            "num < :eleven | true",
            "num <= :ten | true",
            "num > :nine | true",
            "num >= :eleven | false",
            "str < :x | true",
            "str > :ten | false",
            "str < :ten | false",
            "bin < :b23 | true",
            "bin > :b12 | true",
            "flag = :true | true",
            "nothing = :null | true",
            "tags = :tags | true",
            "mp.nested = :five | false",
            "mp.nested.deep = :five | true",
            "mp.arr[1] > :seven | true",
            "mp.arr[2] = :seven | false",
            "lst[2].k = :v | true",
            "absent = :ten | false",
            "absent <> :ten | false",
            "absent < :ten | false",
            "str.x = :ten | false",
            "num BETWEEN :nine AND :eleven | true",
            "num BETWEEN :ten AND :ten | true",
            "num BETWEEN :eleven AND :eleven | false",
            "str BETWEEN :hel AND :x | true",
            "absent BETWEEN :one AND :two | false",
            "num IN (:one, :ten) | true",
            "num IN (:one, :two) | false",
            "str IN (:ten_s, :hello) | true",
            "absent IN (:one) | false",
            "attribute_exists(str) | true",
            "attribute_exists(absent) | false",
            "attribute_exists(mp.nested.deep) | true",
            "attribute_exists(lst[5]) | false",
            "attribute_not_exists(absent) | true",
            "attribute_not_exists(str) | false",
            "attribute_type(str, :t_s) | true",
            "attribute_type(tags, :t_ss) | true",
            "attribute_type(nothing, :t_null) | true",
            "attribute_type(flag, :t_bool) | true",
            "attribute_type(mp, :t_m) | true",
            "attribute_type(lst, :t_l) | true",
            "attribute_type(str, :t_ss) | false",
            "attribute_type(absent, :t_s) | false",
            "begins_with(str, :hel) | true",
            "begins_with(str, :ell) | false",
            "begins_with(bin, :b12) | true",
            "begins_with(bin, :b23) | false",
            "begins_with(num, :hel) | false",
            "begins_with(absent, :hel) | false",
            "contains(str, :ell) | true",
            "contains(str, :x) | false",
            "contains(bin, :b23) | true",
            "contains(tags, :red) | true",
            "contains(tags, :x) | false",
            "contains(nums, :two) | true",
            "contains(nums, :ten) | false",
            "contains(lst, :a) | true",
            "contains(lst, :kv) | true",
            "contains(lst, :one) | true",
            "contains(lst, :two) | false",
            "contains(num, :one) | false",
            "contains(tags, :tags) | false",
            "size(str) = :five | true",
            "size(bin) = :three | true",
            "size(tags) = :two | true",
            "size(nums) = :three | true",
            "size(lst) = :three | true",
            "size(mp) = :two | true",
            "size(emoji) = :two | true",
            "size(num) = :two | false",
            "size(absent) = :zero | false",
            "size(str) > size(tags) | true",
            "NOT str = :x | true",
            "NOT absent = :x | true",
            "str = :x OR num = :ten | true",
            "str = :x AND num = :ten | false",
            "str = :x AND num = :ten OR flag = :true | true",
            "str = :x AND (num = :ten OR flag = :true) | false",
            "NOT (str = :x OR num = :nine) | true",
    })
    void conditionsEvaluateAsDynamoDb(String text, boolean expected) {
        assertEquals(expected, test(text), text);
    }

    @Test
    void aMissingItemSatisfiesOnlyAbsenceConditions() {
        ExpressionContext ctx = new ExpressionContext(null, VALUES);
        assertEquals(true, Expressions.condition("attribute_not_exists(a)", ExpressionKind.CONDITION, ctx).test(null));
        assertEquals(false, Expressions.condition("a = :v", ExpressionKind.CONDITION, ctx).test(null));
    }
}
