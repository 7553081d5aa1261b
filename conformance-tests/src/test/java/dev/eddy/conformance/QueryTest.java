package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static String stringSorted;
    private static String numberSorted;

    @BeforeAll
    static void createTables() {
        stringSorted = Tables.create("query-ss", ScalarAttributeType.S, ScalarAttributeType.S);
        numberSorted = Tables.create("query-sn", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    @AfterAll
    static void deleteTables() {
        Tables.delete(stringSorted);
        Tables.delete(numberSorted);
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    private static String loadNumbers(int count) {
        String pk = UUID.randomUUID().toString();
        for (int i = 0; i < count; i++) {
            int sk = i;
            dynamo.putItem(r -> r.tableName(numberSorted).item(Map.of("pk", s(pk), "sk", n(sk - 5), "odd", AttributeValue.fromBool(sk % 2 == 1))));
        }
        dynamo.putItem(r -> r.tableName(numberSorted).item(Map.of("pk", s(pk + "-other"), "sk", n(0))));
        return pk;
    }

    private static List<Long> sortKeys(QueryResponse r) {
        List<Long> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : r.items()) out.add(Long.parseLong(i.get("sk").n()));
        return out;
    }

    private static QueryResponse query(String pk, String sortCondition, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new java.util.HashMap<>(values);
        all.put(":p", s(pk));
        return dynamo.query(r -> r.tableName(numberSorted)
                .keyConditionExpression("pk = :p" + (sortCondition == null ? "" : " AND " + sortCondition))
                .expressionAttributeValues(all));
    }

    @Test
    void everySortKeyOperatorSelectsItsRangeInOrder() {
        String pk = loadNumbers(10);
        assertEquals(List.of(-5L, -4L, -3L, -2L, -1L, 0L, 1L, 2L, 3L, 4L), sortKeys(query(pk, null, Map.of())));
        assertEquals(List.of(0L), sortKeys(query(pk, "sk = :a", Map.of(":a", n(0)))));
        assertEquals(List.of(-5L, -4L), sortKeys(query(pk, "sk < :a", Map.of(":a", n(-3)))));
        assertEquals(List.of(-5L, -4L, -3L), sortKeys(query(pk, "sk <= :a", Map.of(":a", n(-3)))));
        assertEquals(List.of(4L), sortKeys(query(pk, "sk > :a", Map.of(":a", n(3)))));
        assertEquals(List.of(3L, 4L), sortKeys(query(pk, "sk >= :a", Map.of(":a", n(3)))));
        assertEquals(List.of(-1L, 0L, 1L), sortKeys(query(pk, "sk BETWEEN :a AND :b", Map.of(":a", n(-1), ":b", n(1)))));
    }

    @Test
    void aKeyMayStandOnTheRightOfItsComparison() {
        String pk = loadNumbers(10);
        QueryResponse equal = dynamo.query(r -> r.tableName(numberSorted).keyConditionExpression(":p = pk AND :a = sk")
                .expressionAttributeValues(Map.of(":p", s(pk), ":a", n(0))));
        assertEquals(List.of(0L), sortKeys(equal));
        QueryResponse above = dynamo.query(r -> r.tableName(numberSorted).keyConditionExpression(":p = pk AND :a < sk")
                .expressionAttributeValues(Map.of(":p", s(pk), ":a", n(2))));
        assertEquals(List.of(3L, 4L), sortKeys(above));
    }

    @Test
    void beginsWithSelectsAPrefixOfStringSortKeys() {
        String pk = UUID.randomUUID().toString();
        for (String sk : List.of("a", "ab", "abc", "abd", "ac", "b")) {
            dynamo.putItem(r -> r.tableName(stringSorted).item(Map.of("pk", s(pk), "sk", s(sk))));
        }
        QueryResponse r = dynamo.query(q -> q.tableName(stringSorted).keyConditionExpression("pk = :p AND begins_with(sk, :pre)")
                .expressionAttributeValues(Map.of(":p", s(pk), ":pre", s("ab"))));
        assertEquals(List.of("ab", "abc", "abd"), r.items().stream().map(i -> i.get("sk").s()).toList());
    }

    @Test
    void scanIndexForwardFalseReadsBackwards() {
        String pk = loadNumbers(4);
        QueryResponse r = dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s(pk))).scanIndexForward(false));
        assertEquals(List.of(-2L, -3L, -4L, -5L), sortKeys(r));
    }

    @Test
    void pagesFollowLimitAndLastEvaluatedKeyInBothDirections() {
        String pk = loadNumbers(7);
        for (boolean forward : new boolean[] {true, false}) {
            List<Long> all = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            int pages = 0;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse r = dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s(pk))).limit(3).scanIndexForward(forward)
                        .exclusiveStartKey(from));
                all.addAll(sortKeys(r));
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
                pages++;
            } while (start != null);
            assertEquals(3, pages);
            List<Long> expected = new ArrayList<>(List.of(-5L, -4L, -3L, -2L, -1L, 0L, 1L));
            if (!forward) java.util.Collections.reverse(expected);
            assertEquals(expected, all);
        }
    }

    @Test
    void filtersApplyAfterTheLimitSoCountAndScannedCountDiffer() {
        String pk = loadNumbers(10);
        QueryResponse r = dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :p")
                .filterExpression("odd = :t").expressionAttributeValues(Map.of(":p", s(pk), ":t", AttributeValue.fromBool(true)))
                .limit(4));
        assertEquals(2, r.count());
        assertEquals(4, r.scannedCount());
        assertEquals(n(-2), r.lastEvaluatedKey().get("sk"));
    }

    @Test
    void legacyKeyConditionsAndQueryFilterWorkLikeExpressions() {
        String pk = loadNumbers(10);
        QueryResponse r = dynamo.query(q -> q.tableName(numberSorted)
                .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s(pk)).build(),
                        "sk", Condition.builder().comparisonOperator(ComparisonOperator.GE).attributeValueList(n(0)).build()))
                .queryFilter(Map.of("odd", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                        .attributeValueList(AttributeValue.fromBool(false)).build()))
                .attributesToGet("sk"));
        assertEquals(List.of(Map.of("sk", n(1)), Map.of("sk", n(3))), r.items());
        assertEquals(5, r.scannedCount());
    }

    @Test
    void legacyKeyConditionsGoWithFilterAndProjectionExpressions() {
        String pk = loadNumbers(4);
        QueryResponse r = dynamo.query(q -> q.tableName(numberSorted)
                .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s(pk)).build()))
                .filterExpression("#o = :f").projectionExpression("sk")
                .expressionAttributeNames(Map.of("#o", "odd")).expressionAttributeValues(Map.of(":f", AttributeValue.fromBool(true))));
        assertEquals(List.of(Map.of("sk", n(-4)), Map.of("sk", n(-2))), r.items());
    }

    @Test
    void selectCountAndProjectionShapeTheItems() {
        String pk = loadNumbers(3);
        QueryResponse count = dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s(pk))).select(Select.COUNT));
        assertEquals(3, count.count());
        assertFalse(count.hasItems());
        QueryResponse projected = dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s(pk))).projectionExpression("#o").expressionAttributeNames(Map.of("#o", "odd")));
        assertEquals(Map.of("odd", AttributeValue.fromBool(false)), projected.items().get(0));
    }

    @Test
    void consumedCapacityCountsTheBytesReadRoundedToFourKilobytes() {
        String pk = UUID.randomUUID().toString();
        String big = "x".repeat(3000);
        for (int i = 0; i < 3; i++) {
            int sk = i;
            dynamo.putItem(r -> r.tableName(numberSorted).item(Map.of("pk", s(pk), "sk", n(sk), "big", s(big))));
        }
        QueryResponse eventual = dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s(pk))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(1.5, eventual.consumedCapacity().capacityUnits());
        QueryResponse strong = dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s(pk))).consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(3.0, strong.consumedCapacity().capacityUnits());
        assertEquals(3.0, strong.consumedCapacity().table().capacityUnits());
        QueryResponse none = dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("nothing-here"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(0.5, none.consumedCapacity().capacityUnits());
        assertEquals(0, none.count());
        assertNull(none.hasLastEvaluatedKey() && !none.lastEvaluatedKey().isEmpty() ? "" : null);
    }

    @Test
    void aPageStopsAfterOneMegabyteReadEvenWhenTheFilterKeepsNothing() {
        String pk = UUID.randomUUID().toString();
        String big = "y".repeat(390_000);
        for (int i = 0; i < 4; i++) {
            int sk = i;
            dynamo.putItem(r -> r.tableName(numberSorted).item(Map.of("pk", s(pk), "sk", n(sk), "big", s(big))));
        }
        QueryResponse r = dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :p")
                .filterExpression("attribute_exists(nothing)").expressionAttributeValues(Map.of(":p", s(pk))));
        assertEquals(0, r.count());
        assertEquals(3, r.scannedCount());
        assertEquals(n(2), r.lastEvaluatedKey().get("sk"));
    }

    @Test
    void aKeyConditionNamesOneTopLevelAttributePerCondition() {
        Map<String, AttributeValue> values = Map.of(":a", s("x"), ":b", n(1), ":c", n(2));
        assertValidation("Invalid KeyConditionExpression: KeyConditionExpressions cannot have conditions on nested attributes",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :a AND sk.part = :b")
                        .expressionAttributeValues(Map.of(":a", s("x"), ":b", n(1)))));
        assertValidation("Invalid KeyConditionExpression: KeyConditionExpressions cannot have conditions on nested attributes",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("#k[0] = :a")
                        .expressionAttributeNames(Map.of("#k", "pk")).expressionAttributeValues(Map.of(":a", s("x")))));
        assertValidation("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = sk")));
        assertValidation("Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :a AND :b BETWEEN sk AND :c")
                        .expressionAttributeValues(values)));
        assertValidation("Invalid condition in KeyConditionExpression: No key attribute specified",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :a AND :b < :c")
                        .expressionAttributeValues(values)));
    }

    @Test
    void invalidQueriesAreRefusedWithAwsMessages() {
        assertValidation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.",
                () -> dynamo.query(q -> q.tableName(numberSorted)));
        assertValidation("Query condition missed key schema element: pk",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("sk = :a").expressionAttributeValues(Map.of(":a", n(1)))));
        assertValidation("Query condition missed key schema element: pk",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("colour = :a").expressionAttributeValues(Map.of(":a", n(1)))));
        assertValidation("Query key condition not supported",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk > :a").expressionAttributeValues(Map.of(":a", s("x")))));
        assertValidation("One or more parameter values were invalid: Condition parameter type does not match schema type",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :a").expressionAttributeValues(Map.of(":a", n(1)))));
        assertValidation("Invalid operator used in KeyConditionExpression: OR",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :a OR sk = :b")
                        .expressionAttributeValues(Map.of(":a", s("x"), ":b", n(1)))));
        assertValidation("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :a").filterExpression("sk > :b")
                        .expressionAttributeValues(Map.of(":a", s("x"), ":b", n(1)))));
        assertValidation("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributesToGet} Expression parameters: {KeyConditionExpression}",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :a").attributesToGet("x")
                        .expressionAttributeValues(Map.of(":a", s("x")))));
        assertValidation("1 validation error detected: Cannot specify the ProjectionExpression when choosing to get only the Count",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :a").projectionExpression("x")
                        .select(Select.COUNT).expressionAttributeValues(Map.of(":a", s("x")))));
        assertValidation("1 validation error detected: Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :a")
                        .select(Select.SPECIFIC_ATTRIBUTES).expressionAttributeValues(Map.of(":a", s("x")))));
        assertValidation("1 validation error detected: ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :a")
                        .select(Select.ALL_PROJECTED_ATTRIBUTES).expressionAttributeValues(Map.of(":a", s("x")))));
        // Query names the member as sent, with a capital L (Scan does not)
        assertValidation("1 validation error detected: Value '0' at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :a").limit(0)
                        .expressionAttributeValues(Map.of(":a", s("x")))));
        assertValidation("The table does not have the specified index: nope",
                () -> dynamo.query(q -> q.tableName(numberSorted).indexName("nope").keyConditionExpression("pk = :a")
                        .expressionAttributeValues(Map.of(":a", s("x")))));
        assertValidation("The provided starting key is invalid: The provided key element does not match the schema",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :a")
                        .exclusiveStartKey(Map.of("pk", s("x"), "sk", s("1"))).expressionAttributeValues(Map.of(":a", s("x")))));
        assertValidation("The provided starting key is outside query boundaries based on provided conditions",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditionExpression("pk = :a")
                        .exclusiveStartKey(Map.of("pk", s("y"), "sk", n(1))).expressionAttributeValues(Map.of(":a", s("x")))));
        assertValidation("One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditions(Map.of(
                        "pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("x")).build(),
                        "sk", Condition.builder().comparisonOperator(ComparisonOperator.BETWEEN).attributeValueList(n(1)).build()))));
        Errors.assertError("ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.query(q -> q.tableName("no-such-table").keyConditionExpression("pk = :a")
                        .expressionAttributeValues(Map.of(":a", s("x")))));
        assertTrue(true);
    }

    @Test
    void legacyKeyConditionsAreCheckedValuesFirstThenTheirNumberThenTheTableThenTheOperator() {
        // Each condition's values are checked before the table is looked up...
        assertValidation("One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type",
                () -> dynamo.query(q -> q.tableName("no-such-table").keyConditions(Map.of("pk",
                        condition(ComparisonOperator.IN, s("b"), n(1))))));
        assertValidation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound",
                () -> dynamo.query(q -> q.tableName("no-such-table").keyConditions(Map.of("pk",
                        condition(ComparisonOperator.BETWEEN, s("b"), s("a"))))));
        // ...and so is their number...
        assertValidation("Conditions can be of length 1 or 2 only",
                () -> dynamo.query(q -> q.tableName("no-such-table").keyConditions(Map.of("a", condition(ComparisonOperator.NULL),
                        "b", condition(ComparisonOperator.NULL), "c", condition(ComparisonOperator.NULL)))));
        // ...but an operator no key range can use only once the table is found.
        Errors.assertError("ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.query(q -> q.tableName("no-such-table").keyConditions(Map.of("z", condition(ComparisonOperator.NULL)))));
        assertValidation("Attempted conditional constraint is not an indexable operation",
                () -> dynamo.query(q -> q.tableName(numberSorted).keyConditions(Map.of("pk", condition(ComparisonOperator.NULL)))));
    }

    private static Condition condition(ComparisonOperator op, AttributeValue... values) {
        return Condition.builder().comparisonOperator(op).attributeValueList(values).build();
    }
}
