package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertError;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** PutItem, GetItem and DeleteItem: round trips, return values, capacity and key rules. */
class ItemsTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static String hashTable;
    private static String hashRangeTable;

    @BeforeAll
    static void createTables() {
        hashTable = Tables.create("items-h", ScalarAttributeType.S, null);
        hashRangeTable = Tables.create("items-hr", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    @AfterAll
    static void deleteTables() {
        Tables.delete(hashTable);
        Tables.delete(hashRangeTable);
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    @Test
    void putThenGetReturnsTheItem() {
        Map<String, AttributeValue> item = Map.of("pk", s("a"), "sk", n("1"), "name", s("Alice"));
        dynamo.putItem(r -> r.tableName(hashRangeTable).item(item));
        assertEquals(item, dynamo.getItem(r -> r.tableName(hashRangeTable).key(Map.of("pk", s("a"), "sk", n("1")))).item());
        assertEquals(item, dynamo.getItem(r -> r.tableName(hashRangeTable).consistentRead(true)
                .key(Map.of("pk", s("a"), "sk", n("1.0")))).item(), "1.0 and 1 are the same sort key");
    }

    @Test
    void gettingAMissingItemReturnsNoItem() {
        var r = dynamo.getItem(b -> b.tableName(hashTable).key(Map.of("pk", s("missing"))));
        assertFalse(r.hasItem());
    }

    @Test
    void putReturnsTheOldItemWhenAsked() {
        dynamo.putItem(r -> r.tableName(hashTable).item(Map.of("pk", s("old"), "v", n("1"))));
        PutItemResponse first = dynamo.putItem(r -> r.tableName(hashTable).item(Map.of("pk", s("old"), "v", n("2")))
                .returnValues(ReturnValue.ALL_OLD));
        assertEquals(Map.of("pk", s("old"), "v", n("1")), first.attributes());
        PutItemResponse none = dynamo.putItem(r -> r.tableName(hashTable).item(Map.of("pk", s("new-one")))
                .returnValues(ReturnValue.ALL_OLD));
        assertFalse(none.hasAttributes());
    }

    @Test
    void putRejectsReturnValuesOtherThanNoneAndAllOld() {
        assertValidation("Return values set to invalid value", () -> dynamo.putItem(r -> r.tableName(hashTable)
                .item(Map.of("pk", s("x"))).returnValues(ReturnValue.ALL_NEW)));
    }

    @Test
    void deleteRemovesTheItemAndReturnsIt() {
        dynamo.putItem(r -> r.tableName(hashTable).item(Map.of("pk", s("del"), "v", s("x"))));
        var deleted = dynamo.deleteItem(r -> r.tableName(hashTable).key(Map.of("pk", s("del"))).returnValues(ReturnValue.ALL_OLD));
        assertEquals(Map.of("pk", s("del"), "v", s("x")), deleted.attributes());
        assertFalse(dynamo.getItem(r -> r.tableName(hashTable).key(Map.of("pk", s("del")))).hasItem());
        var again = dynamo.deleteItem(r -> r.tableName(hashTable).key(Map.of("pk", s("del"))).returnValues(ReturnValue.ALL_OLD));
        assertFalse(again.hasAttributes(), "deleting a missing item is no error");
    }

    @Test
    void consumedCapacityFollowsItemSize() {
        String big = "x".repeat(5000);
        ConsumedCapacity put = dynamo.putItem(r -> r.tableName(hashTable).item(Map.of("pk", s("cap"), "v", s(big)))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertEquals(hashTable, put.tableName());
        assertEquals(5.0, put.capacityUnits());
        ConsumedCapacity eventual = dynamo.getItem(r -> r.tableName(hashTable).key(Map.of("pk", s("cap")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertEquals(1.0, eventual.capacityUnits());
        ConsumedCapacity strong = dynamo.getItem(r -> r.tableName(hashTable).key(Map.of("pk", s("cap"))).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertEquals(2.0, strong.capacityUnits());
        ConsumedCapacity missing = dynamo.getItem(r -> r.tableName(hashTable).key(Map.of("pk", s("nothing")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertEquals(0.5, missing.capacityUnits());
    }

    @Test
    void attributesToGetLimitsTheAnswer() {
        dynamo.putItem(r -> r.tableName(hashTable).item(Map.of("pk", s("atg"), "a", s("1"), "b", s("2"))));
        var item = dynamo.getItem(r -> r.tableName(hashTable).key(Map.of("pk", s("atg"))).attributesToGet("a", "zz")).item();
        assertEquals(Map.of("a", s("1")), item);
    }

    @Test
    void missingKeyAttributesAreNamed() {
        assertValidation("One or more parameter values were invalid: Missing the key pk in the item",
                () -> dynamo.putItem(r -> r.tableName(hashTable).item(Map.of("other", s("x")))));
        assertValidation("One or more parameter values were invalid: Missing the key sk in the item",
                () -> dynamo.putItem(r -> r.tableName(hashRangeTable).item(Map.of("pk", s("x")))));
    }

    @Test
    void keyTypeMismatchesAreNamed() {
        assertValidation("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N",
                () -> dynamo.putItem(r -> r.tableName(hashTable).item(Map.of("pk", n("1")))));
    }

    @Test
    void keysThatDoNotMatchTheSchemaAreRejected() {
        String message = "The provided key element does not match the schema";
        assertValidation(message, () -> dynamo.getItem(r -> r.tableName(hashTable).key(Map.of("pk", n("1")))));
        assertValidation(message, () -> dynamo.getItem(r -> r.tableName(hashTable).key(Map.of("pk", s("a"), "x", s("b")))));
        assertValidation(message, () -> dynamo.getItem(r -> r.tableName(hashRangeTable).key(Map.of("pk", s("a")))));
        assertValidation(message, () -> dynamo.deleteItem(r -> r.tableName(hashTable).key(Map.of("id", s("a")))));
    }

    @Test
    void emptyStringKeysAreRejected() {
        assertValidation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
                + "contain an empty string value. Key: pk", () -> dynamo.putItem(r -> r.tableName(hashTable).item(Map.of("pk", s("")))));
    }

    @Test
    void keySizesAreLimited() {
        dynamo.putItem(r -> r.tableName(hashTable).item(Map.of("pk", s("k".repeat(2048)))));
        assertValidation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes",
                () -> dynamo.putItem(r -> r.tableName(hashTable).item(Map.of("pk", s("k".repeat(2049))))));
    }

    @Test
    void attributeNamesMayTakeUpTo65535Bytes() {
        String longest = "n".repeat(65535);
        String tooLong = longest + "n";
        dynamo.putItem(r -> r.tableName(hashTable).item(Map.of("pk", s("names"), longest, n("1"))));
        assertEquals(n("1"), dynamo.getItem(r -> r.tableName(hashTable).key(Map.of("pk", s("names")))).item().get(longest));
        String message = "1 validation error detected: Attribute name is too large, must be less than 65536 bytes";
        assertValidation(message, () -> dynamo.putItem(r -> r.tableName(hashTable).item(Map.of("pk", s("names"), tooLong, n("1")))));
        assertValidation(message, () -> dynamo.putItem(r -> r.tableName(hashTable)
                .item(Map.of("pk", s("names"), "doc", AttributeValue.fromM(Map.of(tooLong, n("1")))))));
        assertValidation(message, () -> dynamo.updateItem(r -> r.tableName(hashTable).key(Map.of("pk", s("names")))
                .updateExpression("SET #n = :v").expressionAttributeNames(Map.of("#n", tooLong))
                .expressionAttributeValues(Map.of(":v", n("2")))));
    }

    @Test
    void operationsOnAMissingTableAreResourceNotFound() {
        assertError("ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.putItem(r -> r.tableName("no-such-table-x").item(Map.of("pk", s("a")))));
        assertError("ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.getItem(r -> r.tableName("no-such-table-x").key(Map.of("pk", s("a")))));
    }

    @Test
    void itemCountAndSizeAreReported() {
        String table = Tables.create("items-count", ScalarAttributeType.S, null);
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("a"), "v", s("12345"))));
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("b"))));
        if (Endpoint.isEmbedded()) {
            var t = dynamo.describeTable(r -> r.tableName(table)).table();
            assertEquals(2L, t.itemCount());
            assertEquals((2 + 1) + (1 + 5) + (2 + 1), t.tableSizeBytes());
        }
        Tables.delete(table);
    }

    @Test
    void gettingAfterDeleteTableAndRecreateSeesNoOldData() {
        String table = Tables.create("items-recreate", ScalarAttributeType.S, null);
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("a"))));
        Tables.delete(table);
        dynamo.waiter().waitUntilTableNotExists(r -> r.tableName(table));
        dynamo.createTable(r -> r.tableName(table)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .billingMode("PAY_PER_REQUEST"));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(table));
        assertFalse(dynamo.getItem(r -> r.tableName(table).key(Map.of("pk", s("a")))).hasItem());
        Tables.delete(table);
    }
}
