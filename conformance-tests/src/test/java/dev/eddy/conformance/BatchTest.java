package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertError;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static String hashTable;
    private static String rangeTable;

    @BeforeAll
    static void create() {
        hashTable = Tables.create("batch-s", ScalarAttributeType.S, null);
        rangeTable = Tables.create("batch-sn", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    @AfterAll
    static void drop() {
        Tables.delete(hashTable);
        Tables.delete(rangeTable);
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(d -> d.key(key)).build();
    }

    @Test
    void batchWritePutsAndDeletesAcrossTablesAndBatchGetReadsThemBack() {
        String id = UUID.randomUUID().toString();
        List<WriteRequest> hashWrites = new ArrayList<>();
        for (int i = 0; i < 10; i++) hashWrites.add(put(Map.of("pk", s(id + i), "v", s("value" + i))));
        List<WriteRequest> rangeWrites = List.of(put(Map.of("pk", s(id), "sk", AttributeValue.fromN("1"))),
                put(Map.of("pk", s(id), "sk", AttributeValue.fromN("2"))));
        BatchWriteItemResponse written = dynamo.batchWriteItem(b -> b.requestItems(Map.of(hashTable, hashWrites, rangeTable, rangeWrites))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertTrue(written.unprocessedItems().isEmpty());
        assertEquals(2, written.consumedCapacity().size());
        dynamo.batchWriteItem(b -> b.requestItems(Map.of(hashTable, List.of(delete(Map.of("pk", s(id + 0)))))));

        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) keys.add(Map.of("pk", s(id + i)));
        BatchGetItemResponse read = dynamo.batchGetItem(b -> b.requestItems(Map.of(
                hashTable, KeysAndAttributes.builder().keys(keys).attributesToGet("v").consistentRead(true).build(),
                rangeTable, KeysAndAttributes.builder().keys(Map.of("pk", s(id), "sk", AttributeValue.fromN("2"))).build()))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(9, read.responses().get(hashTable).size());
        assertEquals(Map.of("v", s("value1")), read.responses().get(hashTable).stream()
                .filter(i -> i.get("v").s().equals("value1")).findFirst().orElseThrow());
        assertEquals(1, read.responses().get(rangeTable).size());
        assertTrue(read.unprocessedKeys().isEmpty());
        double hashUnits = read.consumedCapacity().stream().filter(c -> c.tableName().equals(hashTable)).findFirst().orElseThrow().capacityUnits();
        assertEquals(10.0, hashUnits);
    }

    @Test
    void batchGetReturnsWhatExceedsSixteenMegabytesAsUnprocessedKeys() {
        String id = UUID.randomUUID().toString();
        String big = "z".repeat(390_000);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int batch = 0; batch < 2; batch++) {
            List<WriteRequest> writes = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                String pk = id + "-" + batch + "-" + i;
                writes.add(put(Map.of("pk", s(pk), "big", s(big))));
                keys.add(Map.of("pk", s(pk)));
            }
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(hashTable, writes)));
        }
        BatchGetItemResponse read = dynamo.batchGetItem(b -> b.requestItems(Map.of(hashTable, KeysAndAttributes.builder().keys(keys).build())));
        int got = read.responses().get(hashTable).size();
        int left = read.unprocessedKeys().get(hashTable).keys().size();
        assertEquals(50, got + left);
        assertTrue(left > 0 && got < 50, got + " returned");
    }

    @Test
    void requestsAreCheckedBeforeTheirTablesAreLookedUp() {
        String missing = "batch-missing-" + UUID.randomUUID();
        Map<String, AttributeValue> big = Map.of("pk", s("k"), "v", s("x".repeat(400 * 1024)));
        assertValidation("Item size has exceeded the maximum allowed size",
                () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(missing, List.of(put(big))))));
        Map<String, AttributeValue> key = Map.of("pk", s("k"));
        assertValidation("Provided list of item keys contains duplicates", () -> dynamo.batchGetItem(b -> b.requestItems(
                Map.of(missing, KeysAndAttributes.builder().keys(key, Map.of("pk", s("other")), key).build()))));
        assertError("ResourceNotFoundException", null,
                () -> dynamo.batchGetItem(b -> b.requestItems(Map.of(missing, KeysAndAttributes.builder().keys(key).build()))));
    }

    @Test
    void invalidBatchesAreRefusedWithAwsMessages() {
        List<WriteRequest> tooMany = new ArrayList<>();
        for (int i = 0; i < 26; i++) tooMany.add(put(Map.of("pk", s("k" + i))));
        String refused = assertValidation(null, () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(hashTable, tooMany))))
                .awsErrorDetails().errorMessage();
        // DynamoDB shows the whole map, in a form of its own, and the constraint on its values.
        assertTrue(refused.startsWith("1 validation error detected: Value '{" + hashTable + "=["), refused);
        assertTrue(refused.endsWith("]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: "
                + "[Member must have length less than or equal to 25, Member must have length greater than or equal to 1]"), refused);
        RawHttp.Answer empty = RawHttp.post("DynamoDB_20120810.BatchWriteItem", "{\"RequestItems\":{}}");
        assertEquals("The requestItems parameter is required for BatchWriteItem", empty.json().get("message").asText());
        assertEquals("The requestItems parameter is required for BatchGetItem",
                RawHttp.post("DynamoDB_20120810.BatchGetItem", "{\"RequestItems\":{}}").json().get("message").asText());
        List<WriteRequest> twentyFiveEach = new ArrayList<>(tooMany.subList(0, 13));
        List<WriteRequest> rest = List.of(put(Map.of("pk", s("a"), "sk", AttributeValue.fromN("1"))),
                put(Map.of("pk", s("a"), "sk", AttributeValue.fromN("2"))), put(Map.of("pk", s("a"), "sk", AttributeValue.fromN("3"))),
                put(Map.of("pk", s("a"), "sk", AttributeValue.fromN("4"))), put(Map.of("pk", s("a"), "sk", AttributeValue.fromN("5"))),
                put(Map.of("pk", s("a"), "sk", AttributeValue.fromN("6"))), put(Map.of("pk", s("a"), "sk", AttributeValue.fromN("7"))),
                put(Map.of("pk", s("a"), "sk", AttributeValue.fromN("8"))), put(Map.of("pk", s("a"), "sk", AttributeValue.fromN("9"))),
                put(Map.of("pk", s("a"), "sk", AttributeValue.fromN("10"))), put(Map.of("pk", s("a"), "sk", AttributeValue.fromN("11"))),
                put(Map.of("pk", s("a"), "sk", AttributeValue.fromN("12"))), put(Map.of("pk", s("a"), "sk", AttributeValue.fromN("13"))));
        assertValidation("Too many items requested for the BatchWriteItem call",
                () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(hashTable, twentyFiveEach, rangeTable, rest))));
        assertValidation("Provided list of item keys contains duplicates",
                () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(hashTable, List.of(put(Map.of("pk", s("d"))), delete(Map.of("pk", s("d"))))))));
        // A PutRequest's item without its key, or with a key of another type, gets the message of a
        // bad Key, not PutItem's (as recorded from DynamoDB).
        for (Map<String, AttributeValue> item : List.of(Map.of("nonKey", s("hello")), Map.of("pk", AttributeValue.fromN("1")))) {
            assertValidation("The provided key element does not match the schema",
                    () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(hashTable, List.of(put(item))))));
        }
        assertValidation("The provided key element does not match the schema",
                () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(rangeTable, List.of(put(Map.of("pk", s("only-the-partition-key"))))))));
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) keys.add(Map.of("pk", s("k" + i)));
        Map<String, KeysAndAttributes> split = new HashMap<>();
        split.put(hashTable, KeysAndAttributes.builder().keys(keys.subList(0, 60)).build());
        List<Map<String, AttributeValue>> rangeKeys = new ArrayList<>();
        for (int i = 0; i < 41; i++) rangeKeys.add(Map.of("pk", s("r"), "sk", AttributeValue.fromN(Integer.toString(i))));
        split.put(rangeTable, KeysAndAttributes.builder().keys(rangeKeys).build());
        assertValidation("Too many items requested for the BatchGetItem call", () -> dynamo.batchGetItem(b -> b.requestItems(split)));
        // More than a hundred keys for one table break that list's own limit, named without its value.
        assertValidation("1 validation error detected: Value at 'RequestItems." + hashTable + ".member.Keys' failed to satisfy "
                + "constraint: Member must have length less than or equal to 100", () -> dynamo.batchGetItem(b -> b.requestItems(
                Map.of(hashTable, KeysAndAttributes.builder().keys(keys).build()))));
        assertValidation("Provided list of item keys contains duplicates", () -> dynamo.batchGetItem(b -> b.requestItems(Map.of(hashTable,
                KeysAndAttributes.builder().keys(Map.of("pk", s("x")), Map.of("pk", s("x"))).build()))));
        assertValidation("The provided key element does not match the schema", () -> dynamo.batchGetItem(b -> b.requestItems(Map.of(hashTable,
                KeysAndAttributes.builder().keys(Map.of("nope", s("x"))).build()))));
        assertError("ResourceNotFoundException", "Requested resource not found", () -> dynamo.batchGetItem(b -> b.requestItems(Map.of(
                "no-such-table", KeysAndAttributes.builder().keys(Map.of("pk", s("x"))).build()))));
    }
}
