package dev.eddy.conformance;

import static dev.eddy.conformance.Attrs.item;
import static dev.eddy.conformance.Attrs.n;
import static dev.eddy.conformance.Attrs.s;
import static dev.eddy.conformance.Attrs.ss;
import static dev.eddy.conformance.Errors.assertError;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The pre-expression parameters: Expected, ConditionalOperator, AttributeUpdates and AttributesToGet. */
class LegacyParametersTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static final String FAILED = "The conditional request failed";
    private static String table;

    @BeforeAll
    static void createTable() {
        table = Tables.create("legacy", ScalarAttributeType.S, null);
    }

    @AfterAll
    static void deleteTable() {
        Tables.delete(table);
    }

    private static Map<String, AttributeValue> key(String pk) {
        return item("pk", s(pk));
    }

    private static ExpectedAttributeValue exists(boolean exists) {
        return ExpectedAttributeValue.builder().exists(exists).build();
    }

    private static ExpectedAttributeValue equalTo(AttributeValue v) {
        return ExpectedAttributeValue.builder().value(v).build();
    }

    private static ExpectedAttributeValue compare(ComparisonOperator op, AttributeValue... values) {
        return ExpectedAttributeValue.builder().comparisonOperator(op).attributeValueList(values).build();
    }

    private static void putIf(Map<String, ExpectedAttributeValue> expected, ConditionalOperator op) {
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("exp"), "v", n("5"), "s", s("abc")))
                .expected(expected).conditionalOperator(op));
    }

    @Test
    void expectedChecksExistenceValuesAndComparisons() {
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("exp"), "v", n("5"), "s", s("abc"))));
        putIf(Map.of("v", exists(true).toBuilder().value(n("5")).build()), null);
        putIf(Map.of("v", equalTo(n("5")), "s", equalTo(s("abc"))), null);
        putIf(Map.of("missing", exists(false)), null);
        putIf(Map.of("v", compare(ComparisonOperator.GT, n("4"))), null);
        putIf(Map.of("v", compare(ComparisonOperator.BETWEEN, n("1"), n("5"))), null);
        putIf(Map.of("s", compare(ComparisonOperator.BEGINS_WITH, s("ab"))), null);
        putIf(Map.of("s", compare(ComparisonOperator.IN, s("x"), s("abc"))), null);
        putIf(Map.of("missing", compare(ComparisonOperator.NULL)), null);
        putIf(Map.of("missing", compare(ComparisonOperator.NE, n("5"))), null);
        putIf(Map.of("s", compare(ComparisonOperator.NOT_CONTAINS, s("z"))), null);
        putIf(Map.of("v", equalTo(n("6")), "s", equalTo(s("abc"))), ConditionalOperator.OR);
        assertError("ConditionalCheckFailedException", FAILED, () -> putIf(Map.of("v", exists(false)), null));
        assertError("ConditionalCheckFailedException", FAILED,
                () -> putIf(Map.of("v", equalTo(n("6")), "s", equalTo(s("abc"))), ConditionalOperator.AND));
        assertError("ConditionalCheckFailedException", FAILED,
                () -> putIf(Map.of("v", compare(ComparisonOperator.LT, s("9"))), null));
        // Unlike NE, NOT_CONTAINS does not hold for a missing attribute.
        assertError("ConditionalCheckFailedException", FAILED,
                () -> putIf(Map.of("missing", compare(ComparisonOperator.NOT_CONTAINS, s("a"))), null));
    }

    @Test
    void expectedArgumentsAreChecked() {
        assertValidation("One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type",
                () -> putIf(Map.of("v", compare(ComparisonOperator.IN, n("3"), s("dog"))), null));
        assertValidation("ConditionalOperator can only be used when Filter or Expected has two or more elements",
                () -> putIf(Map.of(), ConditionalOperator.OR));
    }

    @Test
    void expectedEntriesMustBeConsistent() {
        assertValidation("One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: v",
                () -> putIf(Map.of("v", exists(false).toBuilder().value(n("1")).build()), null));
        assertValidation("One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: v",
                () -> putIf(Map.of("v", exists(true)), null));
        assertValidation("One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together "
                + "for Attribute: v", () -> putIf(Map.of("v", compare(ComparisonOperator.NULL).toBuilder().exists(true).build()), null));
        assertValidation("One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN "
                + "ComparisonOperator", () -> putIf(Map.of("v", compare(ComparisonOperator.BETWEEN, n("1"))), null));
    }

    @Test
    void attributeUpdatesPutAddAndDelete() {
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("au"), "gone", s("x"), "n", n("1"), "tags", ss("a", "b"))));
        var now = dynamo.updateItem(r -> r.tableName(table).key(key("au")).returnValues(ReturnValue.ALL_NEW)
                .attributeUpdates(Map.of(
                        "put", AttributeValueUpdate.builder().action(AttributeAction.PUT).value(s("p")).build(),
                        "n", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("2")).build(),
                        "tags", AttributeValueUpdate.builder().action(AttributeAction.DELETE).value(ss("a")).build(),
                        "more", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(ss("m")).build(),
                        "gone", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build()))).attributes();
        assertEquals(s("p"), now.get("put"));
        assertEquals(n("3"), now.get("n"));
        assertEquals(List.of("b"), now.get("tags").ss());
        assertEquals(List.of("m"), now.get("more").ss());
        assertEquals(Set.of("pk", "put", "n", "tags", "more"), now.keySet());
    }

    @Test
    void attributeUpdatesAddAndDeleteNeedAValueOfTheAttributesType() {
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("au3"), "tags", ss("a"), "n", n("1"))));
        assertValidation("Type mismatch for attribute to update",
                () -> dynamo.updateItem(r -> r.tableName(table).key(key("au3")).attributeUpdates(Map.of("tags",
                        AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("2")).build()))));
        assertValidation("Type mismatch for attribute to update",
                () -> dynamo.updateItem(r -> r.tableName(table).key(key("au3")).attributeUpdates(Map.of("n",
                        AttributeValueUpdate.builder().action(AttributeAction.DELETE).value(ss("a")).build()))));
        assertEquals(item("pk", s("au3"), "tags", ss("a"), "n", n("1")),
                dynamo.getItem(r -> r.tableName(table).key(key("au3"))).item());
    }

    @Test
    void attributeUpdatesRefuseKeyAttributes() {
        assertValidation("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key",
                () -> dynamo.updateItem(r -> r.tableName(table).key(key("au2")).attributeUpdates(Map.of("pk",
                        AttributeValueUpdate.builder().action(AttributeAction.PUT).value(s("other")).build()))));
    }

    @Test
    void attributesToGetPicksTopLevelAttributes() {
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("atg"), "a", n("1"), "b", n("2"))));
        assertEquals(item("a", n("1")), dynamo.getItem(r -> r.tableName(table).key(key("atg"))
                .attributesToGet("a", "missing")).item());
    }

    @Test
    void legacyAndExpressionParametersNeverMix() {
        assertValidation("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}",
                () -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("mix"))).expected(Map.of("a", exists(false)))
                        .conditionExpression("attribute_not_exists(a)")));
        assertValidation("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}",
                () -> dynamo.updateItem(r -> r.tableName(table).key(key("mix")).updateExpression("REMOVE a")
                        .attributeUpdates(Map.of("b", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build()))));
        assertValidation("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}",
                () -> dynamo.getItem(r -> r.tableName(table).key(key("mix")).attributesToGet("a").projectionExpression("a")));
        assertValidation("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}",
                () -> dynamo.deleteItem(r -> r.tableName(table).key(key("mix")).expected(Map.of("a", exists(false)))
                        .conditionExpression("attribute_not_exists(a)")));
    }
}
