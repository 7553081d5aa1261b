package dev.eddy.conformance;

import static dev.eddy.conformance.Attrs.b;
import static dev.eddy.conformance.Attrs.bool;
import static dev.eddy.conformance.Attrs.item;
import static dev.eddy.conformance.Attrs.l;
import static dev.eddy.conformance.Attrs.m;
import static dev.eddy.conformance.Attrs.n;
import static dev.eddy.conformance.Attrs.ns;
import static dev.eddy.conformance.Attrs.nul;
import static dev.eddy.conformance.Attrs.s;
import static dev.eddy.conformance.Attrs.ss;
import static dev.eddy.conformance.Errors.assertError;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** ConditionExpression on PutItem, UpdateItem and DeleteItem: operators, functions, precedence and errors. */
class ConditionExpressionTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static final String FAILED = "The conditional request failed";
    private static String table;
    private static final Map<String, AttributeValue> ITEM = item(
            "pk", s("cond"), "num", n("5"), "str", s("abc"), "bin", b("abc"), "flag", bool(true), "nothing", nul(),
            "tags", ss("red", "green"), "scores", ns("1", "2", "3"), "lst", l(s("x"), n("7"), m("k", s("v"))),
            "doc", m("inr", m("deep", s("d")), "count", n("2")));

    @BeforeAll
    static void createTable() {
        table = Tables.create("cond", ScalarAttributeType.S, null);
        dynamo.putItem(r -> r.tableName(table).item(ITEM));
    }

    @AfterAll
    static void deleteTable() {
        Tables.delete(table);
    }

    /** Whether a PutItem of the same item with this condition succeeds. */
    private static boolean holds(String condition, Object... values) {
        try {
            put(condition, null, item(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            assertEquals(FAILED, e.awsErrorDetails().errorMessage());
            return false;
        }
    }

    private static void put(String condition, Map<String, String> names, Map<String, AttributeValue> values) {
        dynamo.putItem(r -> {
            r.tableName(table).item(ITEM).conditionExpression(condition);
            if (names != null && !names.isEmpty()) r.expressionAttributeNames(names);
            if (!values.isEmpty()) r.expressionAttributeValues(values);
        });
    }

    private static void putInvalid(String message, String condition, Object... values) {
        assertValidation(message, () -> put(condition, null, item(values)));
    }

    @Test
    void comparatorsOrderNumbersStringsAndBinaries() {
        assertTrue(holds("num = :v", ":v", n("5.0")));
        assertFalse(holds("num <> :v", ":v", n("5")));
        assertTrue(holds("num < :v", ":v", n("10")), "numeric, not textual, order");
        assertTrue(holds("num <= :v", ":v", n("5")));
        assertTrue(holds("num > :v", ":v", n("-5")));
        assertFalse(holds("num >= :v", ":v", n("6")));
        assertTrue(holds("str < :v", ":v", s("abd")));
        assertTrue(holds("str > :v", ":v", s("ABC")), "strings order by UTF-8 bytes");
        assertTrue(holds("bin < :v", ":v", b("abd")));
        assertTrue(holds(":v < num", ":v", n("4")));
    }

    @Test
    void differentTypesAreUnequalAndUnordered() {
        assertFalse(holds("num = :v", ":v", s("5")));
        assertTrue(holds("num <> :v", ":v", s("5")));
        assertFalse(holds("num < :v", ":v", s("9")));
        assertFalse(holds("num >= :v", ":v", s("0")));
        assertFalse(holds("lst < :v", ":v", n("1")), "an item's list is simply not ordered");
    }

    @Test
    void aMissingAttributeIsUnequalToEverythingAndUnordered() {
        assertFalse(holds("absent = :v", ":v", n("5")));
        assertTrue(holds("absent <> :v", ":v", n("5")));
        assertTrue(holds("absent <> other_absent"));
        assertFalse(holds("absent < :v", ":v", n("5")));
        assertFalse(holds("absent BETWEEN :a AND :b", ":a", n("1"), ":b", n("9")));
        assertFalse(holds("absent IN (:a)", ":a", n("5")));
    }

    @Test
    void documentsCompareByValue() {
        assertTrue(holds("doc.inr = :v", ":v", m("deep", s("d"))));
        assertTrue(holds("lst[1] = :v", ":v", n("7")));
        assertTrue(holds("lst[2].k = :v", ":v", s("v")));
        assertTrue(holds("tags = :v", ":v", ss("green", "red")), "sets are equal whatever their order");
        assertFalse(holds("lst[9] = :v", ":v", n("7")));
    }

    @Test
    void betweenIsInclusive() {
        assertTrue(holds("num BETWEEN :a AND :b", ":a", n("5"), ":b", n("5")));
        assertTrue(holds("num BETWEEN :a AND :b", ":a", n("1"), ":b", n("10")));
        assertFalse(holds("num BETWEEN :a AND :b", ":a", n("6"), ":b", n("10")));
        assertTrue(holds("str BETWEEN :a AND :b", ":a", s("ab"), ":b", s("abd")));
    }

    @Test
    void betweenBoundsMustBeOfOneTypeAndInOrder() {
        putInvalid("Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
                        + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:9}",
                "num BETWEEN :a AND :b", ":a", n("1"), ":b", s("9"));
        putInvalid("Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to "
                        + "lower bound; lower bound operand: AttributeValue: {N:9}, upper bound operand: AttributeValue: {N:1}",
                "num BETWEEN :a AND :b", ":a", n("9"), ":b", n("1"));
    }

    @Test
    void inMatchesAnyOfItsValues() {
        assertTrue(holds("str IN (:a, :b)", ":a", s("zzz"), ":b", s("abc")));
        assertFalse(holds("str IN (:a, :b)", ":a", s("zzz"), ":b", s("yyy")));
        assertTrue(holds("num IN (:a)", ":a", n("5")));
    }

    @Test
    void inTakesAtMostOneHundredValues() {
        assertTrue(holds(inList(100), inValues(100)));
        putInvalid("Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101",
                inList(101), inValues(101));
    }

    private static String inList(int count) {
        StringBuilder sb = new StringBuilder("num IN (");
        for (int i = 0; i < count; i++) sb.append(i == 0 ? "" : ",").append(":v").append(i);
        return sb.append(')').toString();
    }

    private static Object[] inValues(int count) {
        Object[] out = new Object[count * 2];
        for (int i = 0; i < count; i++) {
            out[2 * i] = ":v" + i;
            out[2 * i + 1] = n(String.valueOf(i + 1));
        }
        return out;
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        Object[] values = {":one", n("1"), ":five", n("5"), ":abc", s("abc")};
        // num = 5, str = "abc": OR holds on its right side whatever AND's left side says.
        assertTrue(holds("num = :one AND str = :abc OR num = :five", values));
        assertTrue(holds("num = :five OR num = :one AND str = :abc", values));
        assertFalse(holds("(num = :five OR num = :one) AND NOT str = :abc", values));
        assertFalse(holds("NOT num = :five AND num = :one", ":one", n("1"), ":five", n("5")));
        assertTrue(holds("NOT (num = :five AND num = :one)", ":one", n("1"), ":five", n("5")));
        assertTrue(holds("NOT NOT num = :five", ":five", n("5")));
        assertTrue(holds("(num = :five) AND (str = :abc)", ":five", n("5"), ":abc", s("abc")));
    }

    @Test
    void attributeExistsAndNotExistsFollowDocumentPaths() {
        assertTrue(holds("attribute_exists(num)"));
        assertTrue(holds("attribute_exists(doc.inr.deep)"));
        assertTrue(holds("attribute_exists(lst[2].k)"));
        assertTrue(holds("attribute_exists(nothing)"), "a NULL value exists");
        assertFalse(holds("attribute_exists(lst[3])"));
        assertFalse(holds("attribute_exists(num.x)"));
        assertTrue(holds("attribute_not_exists(absent)"));
        assertFalse(holds("attribute_not_exists(pk)"));
    }

    @Test
    void attributeTypeNamesEachType() {
        String[][] cases = {{"num", "N"}, {"str", "S"}, {"bin", "B"}, {"flag", "BOOL"}, {"nothing", "NULL"},
                {"tags", "SS"}, {"scores", "NS"}, {"lst", "L"}, {"doc", "M"}};
        for (String[] c : cases) {
            assertTrue(holds("attribute_type(" + c[0] + ", :t)", ":t", s(c[1])), c[0]);
            assertFalse(holds("attribute_type(" + c[0] + ", :t)", ":t", s(c[1].equals("S") ? "N" : "S")), c[0]);
        }
        assertFalse(holds("attribute_type(absent, :t)", ":t", s("S")));
        // The documentation asks for a path first, but DynamoDB also takes a value.
        assertTrue(holds("attribute_type(:v, :t)", ":v", n("0"), ":t", s("N")));
        assertFalse(holds("attribute_type(:v, :t)", ":v", n("0"), ":t", s("S")));
    }

    @Test
    void attributeTypeRefusesAnUnknownTypeName() {
        var e = assertError("ValidationException", null,
                () -> put("attribute_type(num, :t)", null, item(":t", s("DOG"))));
        assertTrue(e.awsErrorDetails().errorMessage().startsWith(
                "Invalid ConditionExpression: Invalid attribute type name found; type: DOG, valid types: {"),
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void beginsWithTakesStringsAndBinaries() {
        assertTrue(holds("begins_with(str, :p)", ":p", s("ab")));
        assertFalse(holds("begins_with(str, :p)", ":p", s("b")));
        assertTrue(holds("begins_with(bin, :p)", ":p", b("a")));
        assertFalse(holds("begins_with(num, :p)", ":p", s("5")));
        putInvalid("Invalid ConditionExpression: Incorrect operand type for operator or function; "
                + "operator or function: begins_with, operand type: N", "begins_with(str, :p)", ":p", n("1"));
    }

    @Test
    void containsLooksInStringsSetsAndLists() {
        assertTrue(holds("contains(str, :v)", ":v", s("bc")));
        assertTrue(holds("contains(bin, :v)", ":v", b("bc")));
        assertTrue(holds("contains(tags, :v)", ":v", s("red")));
        assertFalse(holds("contains(tags, :v)", ":v", s("blue")));
        assertTrue(holds("contains(scores, :v)", ":v", n("2")));
        assertTrue(holds("contains(lst, :v)", ":v", n("7")));
        assertTrue(holds("contains(lst, :v)", ":v", m("k", s("v"))));
        assertFalse(holds("contains(num, :v)", ":v", n("5")));
    }

    @Test
    void sizeMeasuresStringsBinariesSetsListsAndMaps() {
        assertTrue(holds("size(str) = :v", ":v", n("3")));
        assertTrue(holds("size(bin) = :v", ":v", n("3")));
        assertTrue(holds("size(tags) = :v", ":v", n("2")));
        assertTrue(holds("size(lst) = :v", ":v", n("3")));
        assertTrue(holds("size(doc) = :v", ":v", n("2")));
        assertTrue(holds("size(str) > :v", ":v", n("2")));
        assertTrue(holds("size(lst) BETWEEN :a AND :b", ":a", n("1"), ":b", n("3")));
        assertFalse(holds("size(num) = :v", ":v", n("1")), "a number has no size");
        assertFalse(holds("size(absent) = :v", ":v", n("0")));
        assertTrue(holds("size(str) = size(lst)"));
    }

    @Test
    void aFailedConditionLeavesTheItemAsItWas() {
        String t = table;
        Map<String, AttributeValue> key = item("pk", s("guarded"));
        dynamo.putItem(r -> r.tableName(t).item(item("pk", s("guarded"), "v", n("1"))));
        assertError("ConditionalCheckFailedException", FAILED, () -> dynamo.putItem(r -> r.tableName(t)
                .item(item("pk", s("guarded"), "v", n("2"))).conditionExpression("attribute_not_exists(pk)")));
        assertError("ConditionalCheckFailedException", FAILED, () -> dynamo.updateItem(r -> r.tableName(t).key(key)
                .updateExpression("SET v = :two").conditionExpression("v = :three")
                .expressionAttributeValues(item(":two", n("2"), ":three", n("3")))));
        assertError("ConditionalCheckFailedException", FAILED, () -> dynamo.deleteItem(r -> r.tableName(t).key(key)
                .conditionExpression("v > :v").expressionAttributeValues(item(":v", n("1")))));
        assertEquals(item("pk", s("guarded"), "v", n("1")), dynamo.getItem(r -> r.tableName(t).key(key)).item());
        dynamo.deleteItem(r -> r.tableName(t).key(key).conditionExpression("v = :v")
                .expressionAttributeValues(item(":v", n("1"))));
        assertFalse(dynamo.getItem(r -> r.tableName(t).key(key)).hasItem());
    }

    @Test
    void aConditionOnAMissingItemSeesNoAttributes() {
        String t = table;
        Map<String, AttributeValue> key = item("pk", s("never"));
        assertError("ConditionalCheckFailedException", FAILED, () -> dynamo.deleteItem(r -> r.tableName(t).key(key)
                .conditionExpression("attribute_exists(pk)")));
        dynamo.putItem(r -> r.tableName(t).item(item("pk", s("created"))).conditionExpression("attribute_not_exists(pk)"));
        assertTrue(dynamo.getItem(r -> r.tableName(t).key(item("pk", s("created")))).hasItem());
    }

    @Test
    void syntaxErrorsNameTheTokenAndTheTextNearIt() {
        putInvalid("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"", "num =");
        putInvalid("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :v\"", "num = = :v", ":v", n("1"));
        putInvalid("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"", "attribute_exists(");
        putInvalid("Invalid ConditionExpression: Syntax error; token: \":\", near: \"= : v\"", "num = : v");
        putInvalid("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"num\"", "num");
    }

    @Test
    void emptyAndRedundantlyParenthesizedExpressionsAreRefused() {
        putInvalid("Invalid ConditionExpression: The expression can not be empty;", "");
        putInvalid("Invalid ConditionExpression: The expression has redundant parentheses;", "((num = :v))", ":v", n("5"));
    }

    @Test
    void functionsAreCheckedByNameAndPlace() {
        putInvalid("Invalid ConditionExpression: Invalid function name; function: foo", "foo(num)");
        putInvalid("Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists",
                "if_not_exists(num, :v) = :v", ":v", n("1"));
        putInvalid("Invalid ConditionExpression: Incorrect number of operands for operator or function; "
                + "operator or function: attribute_exists, number of operands: 2", "attribute_exists(num, str)");
        putInvalid("Invalid ConditionExpression: Operator or function requires a document path; "
                + "operator or function: attribute_exists", "attribute_exists(:v)", ":v", n("1"));
    }

    @Test
    void aConditionHasAtMostThreeHundredOperators() {
        // 150 comparisons joined by 149 ORs: 299 operators.
        assertTrue(holds("num = :v" + " OR num = :v".repeat(149), ":v", n("5")));
        putInvalid("Invalid ConditionExpression: The expression contains too many operators; operator count: 301",
                "num = :v" + " OR num = :v".repeat(150), ":v", n("5"));
        putInvalid("Invalid ConditionExpression: The expression contains too many operators; operator count: 301",
                "NOT ".repeat(1000) + "num = :v", ":v", n("5"));
    }

    @Test
    void deeplyNestedParenthesesAreRefusedNotFatal() {
        putInvalid("Invalid ConditionExpression: The expression has redundant parentheses;",
                "(".repeat(2000) + "num = :v" + ")".repeat(2000), ":v", n("5"));
        putInvalid("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"", "(".repeat(4096));
    }

    @Test
    void orderedComparisonsRefuseValuesThatHaveNoOrder() {
        putInvalid("Invalid ConditionExpression: Incorrect operand type for operator or function; "
                + "operator or function: <, operand type: L", "num < :v", ":v", l(n("1")));
        putInvalid("Invalid ConditionExpression: Incorrect operand type for operator or function; "
                + "operator or function: BETWEEN, operand type: BOOL", "num BETWEEN :a AND :b", ":a", bool(false), ":b", bool(true));
    }

    @Test
    void anOperandMayNotBeComparedWithItself() {
        putInvalid("Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this "
                + "operator or function; operator: =, first operand: [num]", "num = num");
        putInvalid("Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this "
                + "operator or function; operator: contains, first operand: [str]", "contains(str, str)");
    }

    @Test
    void anExpressionMayBeAtMostFourKilobytes() {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":v", n("5"));
        String base = "num = :v";
        String padded = base + " ".repeat(4096 - base.length());
        put(padded, null, values);
        assertValidation("Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4097",
                () -> put(padded + " ", null, values));
    }
}
