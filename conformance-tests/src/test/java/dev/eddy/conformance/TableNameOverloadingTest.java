package dev.eddy.conformance;

import static dev.eddy.conformance.Attrs.n;
import static dev.eddy.conformance.Attrs.s;
import static dev.eddy.conformance.Errors.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Table name overloading: operations on an existing table take its ARN in TableName, and
 * ConsumedCapacity and the batch operations' maps name it as the request did.
 */
class TableNameOverloadingTest {
    private final DynamoDbClient dynamo = Clients.dynamo();

    private String arnOf(String table) {
        return dynamo.describeTable(r -> r.tableName(table)).table().tableArn();
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }

    @Test
    void itemOperationsTakeTheTableArn() {
        String table = Tables.create("arn-items", ScalarAttributeType.S, null);
        String arn = arnOf(table);
        dynamo.putItem(r -> r.tableName(arn).item(Map.of("pk", s("a"), "n", n("1"))));
        dynamo.updateItem(r -> r.tableName(arn).key(key("a")).updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", n("1"))));
        var got = dynamo.getItem(r -> r.tableName(arn).key(key("a")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(n("2"), got.item().get("n"));
        assertEquals(arn, got.consumedCapacity().tableName());
        assertEquals(table, dynamo.getItem(r -> r.tableName(table).key(key("a"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().tableName());
        var query = dynamo.query(r -> r.tableName(arn).keyConditionExpression("pk = :a")
                .expressionAttributeValues(Map.of(":a", s("a"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(1, query.count());
        assertEquals(arn, query.consumedCapacity().tableName());
        assertEquals(1, dynamo.scan(r -> r.tableName(arn)).count());
        var deleted = dynamo.deleteItem(r -> r.tableName(arn).key(key("a")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(arn, deleted.consumedCapacity().tableName());
        assertFalse(dynamo.getItem(r -> r.tableName(table).key(key("a"))).hasItem());
        Tables.delete(table);
    }

    @Test
    void batchesAndTransactionsTakeTheTableArnAndAnswerUnderIt() {
        String table = Tables.create("arn-batch", ScalarAttributeType.S, null);
        String arn = arnOf(table);
        var written = dynamo.batchWriteItem(r -> r.requestItems(Map.of(arn, List.of(
                        WriteRequest.builder().putRequest(PutRequest.builder().item(key("a")).build()).build(),
                        WriteRequest.builder().putRequest(PutRequest.builder().item(key("b")).build()).build())))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertTrue(written.unprocessedItems().isEmpty());
        assertEquals(arn, written.consumedCapacity().get(0).tableName());
        var read = dynamo.batchGetItem(r -> r.requestItems(Map.of(arn,
                KeysAndAttributes.builder().keys(key("a"), key("b")).build())));
        assertEquals(List.of(arn), List.copyOf(read.responses().keySet()));
        assertEquals(2, read.responses().get(arn).size());

        var transaction = dynamo.transactWriteItems(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(TransactWriteItem.builder().put(p -> p.tableName(arn).item(key("c"))).build()));
        assertEquals(arn, transaction.consumedCapacity().get(0).tableName());
        var got = dynamo.transactGetItems(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(TransactGetItem.builder().get(g -> g.tableName(arn).key(key("c"))).build()));
        assertEquals(key("c"), got.responses().get(0).item());
        assertEquals(arn, got.consumedCapacity().get(0).tableName());
        Tables.delete(table);
    }

    @Test
    void tableOperationsTakeTheTableArn() {
        String table = Tables.create("arn-table", ScalarAttributeType.S, null);
        String arn = arnOf(table);
        assertEquals(table, dynamo.describeTable(r -> r.tableName(arn)).table().tableName());
        dynamo.updateTimeToLive(r -> r.tableName(arn).timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        assertEquals(TimeToLiveStatus.ENABLED, dynamo.describeTimeToLive(r -> r.tableName(arn))
                .timeToLiveDescription().timeToLiveStatus());
        assertEquals(table, dynamo.deleteTable(r -> r.tableName(arn)).tableDescription().tableName());
    }

    @Test
    void createTableTakesANameOnly() {
        String arn = "arn:aws:dynamodb:" + Clients.region().id() + ":000000000000:table/" + Tables.uniqueName("arn-create");
        assertError("ValidationException", null, () -> dynamo.createTable(r -> r.tableName(arn)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Test
    void anArnOfAnotherRegionIsInvalidAndOneOfAnotherAccountIsNotTheCallersToSee() {
        String table = Tables.create("arn-elsewhere", ScalarAttributeType.S, null);
        String arn = arnOf(table);
        String region = Clients.region().id();
        String otherRegion = arn.replace(":" + region + ":", region.equals("us-east-1") ? ":us-west-2:" : ":us-east-1:");
        assertError("ValidationException", "1 validation error detected: Invalid AWS region in '" + otherRegion + "'",
                () -> dynamo.describeTable(r -> r.tableName(otherRegion)));
        assertError("ValidationException", "1 validation error detected: Invalid AWS region in '" + otherRegion + "'",
                () -> dynamo.describeTimeToLive(r -> r.tableName(otherRegion)));
        String account = arn.split(":")[4];
        String otherAccount = arn.replace(":" + account + ":", account.equals("111122223333") ? ":444455556666:" : ":111122223333:");
        assertError("AccessDeniedException", "Access is denied", () -> dynamo.describeTable(r -> r.tableName(otherAccount)));
        Tables.delete(table);
    }

    @Test
    void anIndexArnIsNoTableName() {
        String table = Tables.create("arn-index", ScalarAttributeType.S, null);
        String indexArn = arnOf(table) + "/index/byOther";
        assertError("ValidationException", null, () -> dynamo.getItem(r -> r.tableName(indexArn).key(key("a"))));
        Tables.delete(table);
    }
}
