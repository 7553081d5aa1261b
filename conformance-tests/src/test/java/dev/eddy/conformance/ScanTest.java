package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class ScanTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static String table;
    private static final int ITEMS = 200;

    @BeforeAll
    static void load() {
        table = Tables.create("scan-n", ScalarAttributeType.N, null);
        for (int i = 0; i < ITEMS; i++) {
            int k = i;
            dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromN(Integer.toString(k)),
                    "even", AttributeValue.fromBool(k % 2 == 0))));
        }
    }

    @AfterAll
    static void drop() {
        Tables.delete(table);
    }

    @Test
    void pagedScanReturnsEveryItemOnce() {
        Set<String> seen = new HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse r = dynamo.scan(s -> s.tableName(table).limit(17).exclusiveStartKey(from));
            for (Map<String, AttributeValue> i : r.items()) assertTrue(seen.add(i.get("pk").n()));
            start = r.lastEvaluatedKey().isEmpty() ? null : r.lastEvaluatedKey();
        } while (start != null);
        assertEquals(ITEMS, seen.size());
    }

    @Test
    void parallelScanSegmentsAreDisjointAndTogetherCoverTheTable() {
        for (int total : new int[] {1, 3, 8}) {
            Set<String> seen = new HashSet<>();
            for (int segment = 0; segment < total; segment++) {
                int seg = segment;
                Map<String, AttributeValue> start = null;
                do {
                    Map<String, AttributeValue> from = start;
                    ScanResponse r = dynamo.scan(s -> s.tableName(table).segment(seg).totalSegments(total).limit(50).exclusiveStartKey(from));
                    for (Map<String, AttributeValue> i : r.items()) assertTrue(seen.add(i.get("pk").n()));
                    start = r.lastEvaluatedKey().isEmpty() ? null : r.lastEvaluatedKey();
                } while (start != null);
            }
            assertEquals(ITEMS, seen.size());
        }
    }

    @Test
    void aParallelScanRefusesAStartKeyFromAnotherSegment() {
        // An item of segment 1 of 2, as the scan of that segment finds it.
        Map<String, AttributeValue> ofSegmentOne = dynamo.scan(s -> s.tableName(table).segment(1).totalSegments(2).limit(1))
                .items().get(0);
        assertValidation("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey "
                        + "with correct Segment. TotalSegments: 2 Segment: 0",
                () -> dynamo.scan(s -> s.tableName(table).segment(0).totalSegments(2)
                        .exclusiveStartKey(Map.of("pk", ofSegmentOne.get("pk")))));
        assertTrue(dynamo.scan(s -> s.tableName(table).segment(1).totalSegments(2)
                .exclusiveStartKey(Map.of("pk", ofSegmentOne.get("pk")))).hasItems());
    }

    @Test
    void filtersAndCountsAgreeWithLegacyScanFilter() {
        ScanResponse expression = dynamo.scan(s -> s.tableName(table).filterExpression("even = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))).select(Select.COUNT));
        assertEquals(ITEMS / 2, expression.count());
        assertEquals(ITEMS, expression.scannedCount());
        ScanResponse legacy = dynamo.scan(s -> s.tableName(table).scanFilter(Map.of("even", Condition.builder()
                .comparisonOperator(ComparisonOperator.EQ).attributeValueList(AttributeValue.fromBool(true)).build())));
        assertEquals(ITEMS / 2, legacy.count());
        ScanResponse projected = dynamo.scan(s -> s.tableName(table).projectionExpression("pk").limit(1));
        assertEquals(Set.of("pk"), projected.items().get(0).keySet());
    }

    @Test
    void invalidScansAreRefusedWithAwsMessages() {
        assertValidation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present",
                () -> dynamo.scan(s -> s.tableName(table).segment(1)));
        assertValidation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present",
                () -> dynamo.scan(s -> s.tableName(table).totalSegments(2)));
        assertValidation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not less than TotalSegments: 2",
                () -> dynamo.scan(s -> s.tableName(table).segment(2).totalSegments(2)));
        assertValidation("Cannot specify the ProjectionExpression when choosing to get only the Count",
                () -> dynamo.scan(s -> s.tableName(table).select(Select.COUNT).projectionExpression("pk")));
        assertValidation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName",
                () -> dynamo.scan(s -> s.tableName(table).select(Select.ALL_PROJECTED_ATTRIBUTES)));
        assertValidation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}",
                () -> dynamo.scan(s -> s.tableName(table).filterExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":x", AttributeValue.fromS("x")))));
        assertValidation("The provided starting key is invalid: The provided key element does not match the schema",
                () -> dynamo.scan(s -> s.tableName(table).exclusiveStartKey(Map.of("pk", AttributeValue.fromS("x")))));
    }
}
