package dev.eddy.core.expression;

import static dev.eddy.core.expression.Trees.l;
import static dev.eddy.core.expression.Trees.m;
import static dev.eddy.core.expression.Trees.map;
import static dev.eddy.core.expression.Trees.n;
import static dev.eddy.core.expression.Trees.ns;
import static dev.eddy.core.expression.Trees.s;
import static dev.eddy.core.expression.Trees.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.item.AttributeValue;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpdateEvaluationTest {
    private static final Map<String, AttributeValue> VALUES = map(
            ":one", n("1"), ":two", n("2"), ":x", s("x"), ":y", s("y"), ":l", l(n("9")),
            ":ab", ss("a", "b"), ":bc", ss("b", "c"), ":abc", ss("a", "b", "c"), ":n12", ns("1", "2"),
            ":big", n("99999999999999999999999999999999999999"));

    private static Update.Result apply(String text, Map<String, AttributeValue> item) {
        return Expressions.update(text, new ExpressionContext(Map.of("#k", "key"), VALUES), Set.of("pk")).apply(item);
    }

    private static String error(String text, Map<String, AttributeValue> item) {
        return assertThrows(DynamoException.class, () -> apply(text, item)).getMessage();
    }

    @Test
    void anUpdateWritesItsAttributesPlusAFixedCostPerAction() {
        Update u = Expressions.update("SET a = :x, #k = :y REMOVE gone", new ExpressionContext(Map.of("#k", "key"), VALUES),
                Set.of("pk"));
        var finished = map("pk", s("k"), "a", s("x"), "key", s("y"), "other", s("untouched"));
        // a (1 + 1) and key (3 + 1), then 3 for the update, 19 per SET and 2 per REMOVE
        assertEquals(2 + 4 + 3 + 19 + 19 + 2, u.writtenSize(finished));
        Update throughIndex = Expressions.update("SET l[0] = :x", new ExpressionContext(Map.of(), VALUES), Set.of("pk"));
        assertEquals((1 + 3 + 2) + 3 + 20, throughIndex.writtenSize(map("l", l(s("x")))));
    }

    @Test
    void setWritesTopLevelAndNestedAttributes() {
        var item = map("pk", s("k"), "a", m("b", m("c", n("1"))));
        assertEquals(map("pk", s("k"), "a", m("b", m("c", s("x"), "d", s("y"))), "e", n("1")),
                apply("SET a.b.c = :x, a.b.d = :y, e = :one", item).item());
    }

    @Test
    void setCreatesAnItemThatDidNotExist() {
        assertEquals(map("a", n("1")), apply("SET a = :one", null).item());
    }

    @Test
    void setAddsAndSubtractsNumbersReadFromTheOldItem() {
        var item = map("a", n("5"), "b", n("3"));
        assertEquals(map("a", n("6"), "b", n("3"), "c", n("2")), apply("SET a = a + :one, c = a - b", item).item());
    }

    @Test
    void everyOperandReadsTheItemAsItWasBeforeTheUpdate() {
        var item = map("a", n("1"), "b", n("2"));
        assertEquals(map("a", n("2"), "b", n("1")), apply("SET a = b, b = a", item).item());
    }

    @Test
    void ifNotExistsKeepsAnExistingValue() {
        assertEquals(map("a", n("5")), apply("SET a = if_not_exists(a, :one)", map("a", n("5"))).item());
        assertEquals(map("a", n("1")), apply("SET a = if_not_exists(a, :one)", map()).item());
        assertEquals(map("a", n("3")), apply("SET a = if_not_exists(a, :two) + :one", map()).item());
    }

    @Test
    void listAppendJoinsListsInOrder() {
        var item = map("a", l(n("1")));
        assertEquals(map("a", l(n("1"), n("9"))), apply("SET a = list_append(a, :l)", item).item());
        assertEquals(map("a", l(n("9"), n("1"))), apply("SET a = list_append(:l, a)", item).item());
    }

    @Test
    void setOfAListIndexReplacesOrAppendsPastTheEnd() {
        var item = map("a", l(n("1"), n("2")));
        assertEquals(map("a", l(s("x"), n("2"))), apply("SET a[0] = :x", item).item());
        assertEquals(map("a", l(n("1"), n("2"), s("y"), s("x"))), apply("SET a[9] = :x, a[5] = :y", item).item());
    }

    @Test
    void removeOfListElementsShiftsTheRestAndUsesOriginalIndexes() {
        var item = map("a", l(n("0"), n("1"), n("2"), n("3"), n("4")));
        assertEquals(map("a", l(n("0"), n("2"), n("4"))), apply("REMOVE a[1], a[3]", item).item());
        assertEquals(map("a", l(n("0"), n("2"), n("4"))), apply("REMOVE a[3], a[1]", item).item());
        assertEquals(item, apply("REMOVE a[7]", item).item());
    }

    @Test
    void removeDeletesAttributesAndMapKeysAndIgnoresMissingOnes() {
        var item = map("a", m("b", n("1"), "c", n("2")), "d", n("3"));
        assertEquals(map("a", m("c", n("2"))), apply("REMOVE a.b, d, e", item).item());
    }

    @Test
    void addAddsNumbersAndCreatesMissingAttributes() {
        var item = map("a", n("5"));
        assertEquals(map("a", n("6"), "b", n("2")), apply("ADD a :one, b :two", item).item());
    }

    @Test
    void addUnitesSets() {
        var item = map("a", ss("a", "b"));
        assertEquals(map("a", ss("a", "b", "c")), apply("ADD a :bc", item).item());
    }

    @Test
    void deleteRemovesElementsAndTheAttributeWhenNoneAreLeft() {
        assertEquals(map("a", ss("c")), apply("DELETE a :ab", map("a", ss("a", "b", "c"))).item());
        assertEquals(map(), apply("DELETE a :abc", map("a", ss("a", "b", "c"))).item());
        assertEquals(map(), apply("DELETE a :ab", map()).item());
    }

    @Test
    void applyNeverChangesTheOldItem() {
        var item = map("a", m("b", n("1")));
        var copy = map("a", m("b", n("1")));
        var result = apply("SET a.c = :one REMOVE a.b", item);
        assertEquals(copy, item);
        assertNotSame(item, result.item());
    }

    @Test
    void runTimeErrorsAreAwsMessages() {
        assertEquals("The document path provided in the update expression is invalid for update",
                error("SET a.b = :one", map()));
        assertEquals("The document path provided in the update expression is invalid for update",
                error("SET a.b = :one", map("a", n("1"))));
        assertEquals("The document path provided in the update expression is invalid for update",
                error("SET a[0].b = :one", map("a", l())));
        assertEquals("The document path provided in the update expression is invalid for update",
                error("SET a[0] = :one", map("a", m())));
        assertEquals("The provided expression refers to an attribute that does not exist in the item",
                error("SET a = b + :one", map()));
        assertEquals("The provided expression refers to an attribute that does not exist in the item",
                error("SET a = list_append(b, :l)", map()));
        assertEquals("An operand in the update expression has an incorrect data type",
                error("SET a = b + :one", map("b", s("x"))));
        assertEquals("An operand in the update expression has an incorrect data type",
                error("SET a = list_append(b, :l)", map("b", s("x"))));
        assertEquals("An operand in the update expression has an incorrect data type",
                error("ADD a :one", map("a", s("x"))));
        assertEquals("An operand in the update expression has an incorrect data type",
                error("ADD a :ab", map("a", ns("1"))));
        assertEquals("An operand in the update expression has an incorrect data type",
                error("DELETE a :ab", map("a", ns("1"))));
        // DynamoDB reports a sum that needs more than 38 digits as an overflow
        assertEquals("Number overflow. Attempting to store a number with magnitude larger than supported range",
                error("SET a = :big + :big", map()));
    }

    @Test
    void updatedValuesHoldOnlyTheUpdatedParts() {
        var item = map("pk", s("k"), "a", m("b", n("1"), "c", n("2")), "d", l(n("0"), n("1"), n("2")), "e", n("5"));
        var result = apply("SET a.b = :two, d[2] = :x REMOVE e", item);
        assertEquals(map("a", m("b", n("1")), "d", l(n("2")), "e", n("5")), result.updatedOld(item));
        assertEquals(map("a", m("b", n("2")), "d", l(s("x"))), result.updatedNew());
    }
}
