package dev.eddy.core.expression;

import static dev.eddy.core.expression.Trees.l;
import static dev.eddy.core.expression.Trees.map;
import static dev.eddy.core.expression.Trees.n;
import static dev.eddy.core.expression.Trees.s;
import static dev.eddy.core.expression.Trees.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.expression.Legacy.AttributeUpdate;
import dev.eddy.core.expression.Legacy.ExpectedAttribute;
import dev.eddy.core.item.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LegacyTest {
    private static final Map<String, AttributeValue> ITEM = map("a", n("5"), "s", s("hello"), "t", ss("x", "y"));

    private static String error(Runnable r) {
        return assertThrows(DynamoException.class, r::run).getMessage();
    }

    private static Map<String, ExpectedAttribute> expected(Object... kv) {
        Map<String, ExpectedAttribute> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) out.put((String) kv[i], (ExpectedAttribute) kv[i + 1]);
        return out;
    }

    @Test
    void expectedValueAndExistsBecomeConditions() {
        assertTrue(Legacy.expected(expected("a", new ExpectedAttribute(n("5"), null, null, null)), null).test(ITEM));
        assertTrue(Legacy.expected(expected("z", new ExpectedAttribute(null, false, null, null)), null).test(ITEM));
        assertFalse(Legacy.expected(expected("a", new ExpectedAttribute(null, false, null, null)), null).test(ITEM));
        assertTrue(Legacy.expected(Map.of(), null).test(null));
    }

    @Test
    void expectedComparisonsCombineWithTheConditionalOperator() {
        var e = expected(
                "a", new ExpectedAttribute(null, null, "GT", List.of(n("9"))),
                "s", new ExpectedAttribute(null, null, "BEGINS_WITH", List.of(s("he"))));
        assertFalse(Legacy.expected(e, "AND").test(ITEM));
        assertTrue(Legacy.expected(e, "OR").test(ITEM));
    }

    @Test
    void filterOperatorsMatchAsDynamoDb() {
        assertTrue(filter("a", "BETWEEN", n("1"), n("5")));
        assertTrue(filter("a", "IN", n("1"), n("5")));
        assertTrue(filter("t", "CONTAINS", s("x")));
        assertTrue(filter("t", "NOT_CONTAINS", s("z")));
        assertFalse(filter("z", "NOT_CONTAINS", s("z")), "a missing attribute contains nothing, yet fails NOT_CONTAINS");
        assertTrue(filter("z", "NE", s("z")));
        assertTrue(filter("z", "NULL"));
        assertTrue(filter("a", "NOT_NULL"));
        assertTrue(filter("a", "LE", n("5")));
        assertFalse(filter("a", "LT", n("5")));
    }

    private static boolean filter(String name, String op, AttributeValue... args) {
        return Legacy.comparison(name, op, List.of(args)).test(ITEM);
    }

    @Test
    void legacyConditionErrorsAreAwsMessages() {
        assertEquals("One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator",
                error(() -> filter("a", "EQ")));
        assertEquals("One or more parameter values were invalid: Invalid number of argument(s) for the NULL ComparisonOperator",
                error(() -> filter("a", "NULL", n("1"))));
        assertEquals("One or more parameter values were invalid: ComparisonOperator LT is not valid for SS AttributeValue type",
                error(() -> filter("a", "LT", ss("a"))));
        assertEquals("One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type",
                error(() -> filter("a", "BEGINS_WITH", n("1"))));
        assertEquals("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound",
                error(() -> filter("a", "BETWEEN", n("2"), n("1"))));
        assertEquals("One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a",
                error(() -> Legacy.expected(expected("a", new ExpectedAttribute(null, true, null, null)), null)));
        assertEquals("One or more parameter values were invalid: Value must be provided when Exists is null for Attribute: a",
                error(() -> Legacy.expected(expected("a", new ExpectedAttribute(null, null, null, null)), null)));
        assertEquals("One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: a",
                error(() -> Legacy.expected(expected("a", new ExpectedAttribute(n("1"), false, null, null)), null)));
        assertEquals("One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together for Attribute: a",
                error(() -> Legacy.expected(expected("a", new ExpectedAttribute(null, true, "NULL", null)), null)));
        assertEquals("One or more parameter values were invalid: Value and AttributeValueList cannot be used together for Attribute: a",
                error(() -> Legacy.expected(expected("a", new ExpectedAttribute(n("1"), null, "EQ", List.of(n("1")))), null)));
        assertEquals("One or more parameter values were invalid: Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a",
                error(() -> Legacy.expected(expected("a", new ExpectedAttribute(null, null, "EQ", null)), null)));
        assertEquals("One or more parameter values were invalid: AttributeValueList can only be used with a ComparisonOperator for Attribute: a",
                error(() -> Legacy.expected(expected("a", new ExpectedAttribute(null, null, null, List.of())), null)));
        assertEquals("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}",
                error(() -> Legacy.checkNotMixed(List.of("Expected"), List.of("ConditionExpression"))));
    }

    @Test
    void attributeUpdatesPutAddAndDelete() {
        Map<String, AttributeUpdate> u = new LinkedHashMap<>();
        u.put("a", new AttributeUpdate("ADD", n("1")));
        u.put("s", new AttributeUpdate(null, s("bye")));
        u.put("t", new AttributeUpdate("DELETE", ss("x")));
        u.put("l", new AttributeUpdate("ADD", l(n("1"))));
        u.put("gone", new AttributeUpdate("DELETE", null));
        var result = Legacy.attributeUpdates(u, Set.of("pk")).apply(ITEM);
        assertEquals(map("a", n("6"), "s", s("bye"), "t", ss("y"), "l", l(n("1"))), result.item());
    }

    @Test
    void attributeUpdateErrorsAreAwsMessages() {
        assertEquals("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key",
                error(() -> Legacy.attributeUpdates(Map.of("pk", new AttributeUpdate("PUT", s("x"))), Set.of("pk"))));
        assertEquals("One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified",
                error(() -> Legacy.attributeUpdates(Map.of("a", new AttributeUpdate("PUT", null)), Set.of())));
        assertEquals("One or more parameter values were invalid: ADD action is not supported for the type S",
                error(() -> Legacy.attributeUpdates(Map.of("a", new AttributeUpdate("ADD", s("x"))), Set.of())));
        assertEquals("One or more parameter values were invalid: DELETE action with value is not supported for the type N",
                error(() -> Legacy.attributeUpdates(Map.of("a", new AttributeUpdate("DELETE", n("1"))), Set.of())));
    }
}
