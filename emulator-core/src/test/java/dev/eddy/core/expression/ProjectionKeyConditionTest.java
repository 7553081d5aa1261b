package dev.eddy.core.expression;

import static dev.eddy.core.expression.Trees.l;
import static dev.eddy.core.expression.Trees.m;
import static dev.eddy.core.expression.Trees.map;
import static dev.eddy.core.expression.Trees.n;
import static dev.eddy.core.expression.Trees.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.KeySchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectionKeyConditionTest {
    private static final Map<String, AttributeValue> ITEM = map(
            "a", m("b", n("1"), "c", n("2"), "d", m("e", n("3"))),
            "lst", l(n("0"), m("x", n("1"), "y", n("2")), n("2"), n("3")),
            "s", s("str"));
    private static final Map<String, AttributeValue> VALUES = map(
            ":p", s("p"), ":one", n("1"), ":two", n("2"), ":pre", s("pr"), ":s", s("s"));

    private static Map<String, AttributeValue> project(String text) {
        return Expressions.projection(text, new ExpressionContext(Map.of("#a", "a"), null)).apply(ITEM);
    }

    @Test
    void projectionKeepsOnlyProjectedKeysOfNestedMaps() {
        assertEquals(map("a", m("b", n("1"), "d", m("e", n("3")))), project("#a.b, a.d.e"));
        assertEquals(map("s", s("str"), "a", ITEM.get("a")), project("s, a"));
    }

    @Test
    void projectedListIndexesGiveTheSelectedElementsInIndexOrder() {
        assertEquals(map("lst", l(n("0"), n("3"))), project("lst[3], lst[0], lst[9]"));
        assertEquals(map("lst", l(m("y", n("2")))), project("lst[1].y"));
    }

    @Test
    void projectedPartsThatDoNotExistAreLeftOut() {
        assertEquals(map(), project("nope, a.z, s.x, lst[7], lst[0].q"));
    }

    @Test
    void attributesToGetProjectsTopLevelAttributes() {
        assertEquals(map("s", s("str")), Projection.ofAttributes(List.of("s", "gone")).apply(ITEM));
    }

    private static KeyCondition key(String text) {
        return Expressions.keyCondition(text, new ExpressionContext(Map.of("#k", "sk"), VALUES));
    }

    @Test
    void keyConditionGivesThePartitionValueAndTheSortKeyCondition() {
        KeyCondition.KeyQuery q = key("pk = :p AND #k BETWEEN :one AND :two")
                .resolve("pk", AttributeValue.Type.S, "sk", AttributeValue.Type.N);
        assertEquals(s("p"), q.partitionKeyValue());
        assertEquals(KeyCondition.Operator.BETWEEN, q.sortKeyCondition().operator());
        assertTrue(q.sortKeyCondition().test(n("1.5")));
        assertFalse(q.sortKeyCondition().test(n("3")));
        assertFalse(q.sortKeyCondition().test(s("1.5")));
    }

    @Test
    void keyConditionMayNameTheSortKeyFirstAndUseBeginsWith() {
        KeyCondition.KeyQuery q = key("begins_with(sk, :pre) AND pk = :p")
                .resolve("pk", AttributeValue.Type.S, "sk", AttributeValue.Type.S);
        assertEquals(KeyCondition.Operator.BEGINS_WITH, q.sortKeyCondition().operator());
        assertTrue(q.sortKeyCondition().test(s("prefix")));
        assertNull(key("pk = :p").resolve("pk", AttributeValue.Type.S, "sk", AttributeValue.Type.S).sortKeyCondition());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pk = :p OR sk = :one | Invalid operator used in KeyConditionExpression: OR",
            "pk = :p AND NOT sk = :one | Invalid operator used in KeyConditionExpression: NOT",
            "pk IN (:p) | Invalid operator used in KeyConditionExpression: IN",
            "pk <> :p | Invalid operator used in KeyConditionExpression: <>",
            "pk = :p AND attribute_exists(sk) | Invalid operator used in KeyConditionExpression: attribute_exists",
            "pk = :p AND contains(sk, :s) | Invalid operator used in KeyConditionExpression: contains",
            "pk = :p AND sk > :one AND sk < :two | Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key",
            "pk = :p AND begins_with(sk, :one) | Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
            "pk.x = :p | Invalid KeyConditionExpression: KeyConditionExpressions cannot have conditions on nested attributes",
            "pk = :p AND sk[0] = :one | Invalid KeyConditionExpression: KeyConditionExpressions cannot have conditions on nested attributes",
            "size(pk) = :p | Invalid KeyConditionExpression: KeyConditionExpressions cannot contain nested operations",
            "pk = sk | Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
            ":p = :p | Invalid condition in KeyConditionExpression: No key attribute specified",
            "pk = :p AND :one BETWEEN sk AND :two | Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand",
            "pk = :p AND begins_with(:p, sk) | Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand",
            "pk = :p AND | Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"",
            "pk = :nope | Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope",
    })
    void keyConditionErrorsAreAwsMessages(String text, String message) {
        assertEquals(message, assertThrows(DynamoException.class, () -> key(text)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sk = :one | Query condition missed key schema element: pk",
            "pk < :p | Query key condition not supported",
            "pk = :one | One or more parameter values were invalid: Condition parameter type does not match schema type",
            "pk = :p AND sk = :s | One or more parameter values were invalid: Condition parameter type does not match schema type",
            "pk = :p AND attr = :one | Query condition missed key schema element: sk",
            "attr = :one | Query condition missed key schema element: pk",
    })
    void keyConditionsAreCheckedAgainstTheKeySchema(String text, String message) {
        KeyCondition k = key(text);
        assertEquals(message, assertThrows(DynamoException.class,
                () -> k.resolve("pk", AttributeValue.Type.S, "sk", AttributeValue.Type.N)).getMessage());
    }

    /** A global index keyed HASH (h1 S, h2 S), RANGE (r1 N, r2 S, r3 S). */
    private static final KeySchema MULTI = new KeySchema(
            List.of(new KeyAttribute("h1", AttributeValue.Type.S), new KeyAttribute("h2", AttributeValue.Type.S)),
            List.of(new KeyAttribute("r1", AttributeValue.Type.N), new KeyAttribute("r2", AttributeValue.Type.S),
                    new KeyAttribute("r3", AttributeValue.Type.S)));

    @Test
    void aMultiAttributeKeyConditionGivesThePartitionValuesTheFixedSortPrefixAndTheLastCondition() {
        KeyCondition.KeyQuery q = key("r2 > :s AND h2 = :p AND r1 = :one AND h1 = :pre").resolve(MULTI);
        assertEquals(List.of(s("pr"), s("p")), q.partitionKeyValues());
        assertEquals(List.of(n("1")), q.sortKeyPrefix());
        assertEquals("r2", q.sortKeyCondition().attribute());
        KeyCondition.KeyQuery all = key("h1 = :p AND h2 = :p AND r1 = :one AND r2 = :s AND r3 = :s").resolve(MULTI);
        assertEquals(List.of(n("1"), s("s")), all.sortKeyPrefix());
        assertEquals(KeyCondition.Operator.EQ, all.sortKeyCondition().operator());
        KeyCondition.KeyQuery partitionOnly = key("h1 = :p AND h2 = :p").resolve(MULTI);
        assertEquals(List.of(), partitionOnly.sortKeyPrefix());
        assertNull(partitionOnly.sortKeyCondition());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "h1 = :p | HASH key attributes h2 must have equality conditions specified in the query",
            "h1 = :p AND h2 > :p | HASH key attributes h2 must have equality conditions specified in the query",
            "r1 = :one | HASH key attributes h1, h2 must have equality conditions specified in the query",
            "h1 = :p AND h2 = :p AND r2 = :s | RANGE key attributes r1 must have equality conditions specified in the query because a condition is present on key attribute r2",
            "h1 = :p AND h2 = :p AND r1 > :one AND r2 = :s | RANGE key attributes r1 must have equality conditions specified in the query because a condition is present on key attribute r2",
            "h1 = :p AND h2 = :p AND r3 = :s | RANGE key attributes r1, r2 must have equality conditions specified in the query because a condition is present on key attribute r3",
            "h1 = :p AND h2 = :p AND x = :s | Query key condition not supported",
            "h1 = :one AND h2 = :p | One or more parameter values were invalid: Condition parameter type does not match schema type",
            "h1 = :p AND h2 = :p AND begins_with(r1, :s) | One or more parameter values were invalid: Condition parameter type does not match schema type",
    })
    void multiAttributeKeyConditionsAreCheckedAgainstTheKeySchema(String text, String message) {
        KeyCondition k = key(text);
        assertEquals(message, assertThrows(DynamoException.class, () -> k.resolve(MULTI)).getMessage());
    }

    @Test
    void aSingleAttributeKeyTakesAtMostTwoConditions() {
        KeySchema single = new KeySchema(new KeyAttribute("pk", AttributeValue.Type.S), new KeyAttribute("sk", AttributeValue.Type.N));
        KeyCondition k = key("pk = :p AND sk = :one AND x = :two");
        assertEquals("Query key condition not supported", assertThrows(DynamoException.class, () -> k.resolve(single)).getMessage());
    }

    @Test
    void unusedPlaceholdersAreRefusedNamesFirst() {
        ExpressionContext ctx = new ExpressionContext(Map.of("#a", "a", "#b", "b", "#c", "c"), map(":v", n("1"), ":w", n("2")));
        Expressions.condition("#a = :v", ExpressionKind.CONDITION, ctx);
        assertEquals("Value provided in ExpressionAttributeNames unused in expressions: keys: {#c, #b}",
                assertThrows(DynamoException.class, ctx::checkAllUsed).getMessage());
        Expressions.projection("#b, #c", ctx);
        assertEquals("Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}",
                assertThrows(DynamoException.class, ctx::checkAllUsed).getMessage());
        Expressions.condition("a = :w", ExpressionKind.FILTER, ctx);
        ctx.checkAllUsed();
    }

    @Test
    void placeholderMapsMustBeNonEmptyAndWellFormed() {
        assertEquals("ExpressionAttributeNames must not be empty",
                assertThrows(DynamoException.class, () -> new ExpressionContext(Map.of(), null).checkPlaceholders()).getMessage());
        assertEquals("ExpressionAttributeValues must not be empty",
                assertThrows(DynamoException.class, () -> new ExpressionContext(null, Map.of()).checkPlaceholders()).getMessage());
        assertEquals("ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\"",
                assertThrows(DynamoException.class, () -> new ExpressionContext(Map.of("#a-b", "x"), null).checkPlaceholders()).getMessage());
        assertEquals("ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"",
                assertThrows(DynamoException.class, () -> new ExpressionContext(null, map("v", n("1"))).checkPlaceholders()).getMessage());
        new ExpressionContext(Map.of("#a_1", "x"), map(":V9", n("1"))).checkPlaceholders();
    }
}
