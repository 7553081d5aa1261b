package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertError;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Global secondary indexes added to and removed from a table that already holds items. */
class GsiLiveTableTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    private static GlobalSecondaryIndexUpdate create(String name, String partition, String sort) {
        return GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName(name)
                .keySchema(k -> k.attributeName(partition).keyType("HASH"), k -> k.attributeName(sort).keyType("RANGE"))
                .projection(p -> p.projectionType("ALL"))).build();
    }

    private static List<AttributeDefinition> definitions(String... nameTypes) {
        List<AttributeDefinition> out = new ArrayList<>();
        for (int i = 0; i < nameTypes.length; i += 2) {
            out.add(AttributeDefinition.builder().attributeName(nameTypes[i]).attributeType(nameTypes[i + 1]).build());
        }
        return out;
    }

    private static GlobalSecondaryIndexDescription index(String table, String name) {
        var t = dynamo.describeTable(d -> d.tableName(table)).table();
        if (!t.hasGlobalSecondaryIndexes()) return null;
        return t.globalSecondaryIndexes().stream().filter(i -> i.indexName().equals(name)).findFirst().orElse(null);
    }

    /** Waits for the background backfill (work, not time) by asking DescribeTable, as clients do. */
    private static GlobalSecondaryIndexDescription awaitActive(String table, String name) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            GlobalSecondaryIndexDescription d = index(table, name);
            if (d != null && d.indexStatus() == IndexStatus.ACTIVE) return d;
            Thread.sleep(10);
        }
        throw new AssertionError("index " + name + " never became ACTIVE");
    }

    private static void put(String table, int from, int to) {
        for (int start = from; start < to; start += 25) {
            List<WriteRequest> writes = new ArrayList<>();
            for (int i = start; i < Math.min(to, start + 25); i++) {
                String product = "product-" + i;
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("pk", s(product));
                item.put("sk", s(product));
                if (i % 4 != 0) {
                    item.put("itemType", s("part"));
                    item.put("qty", n(i % 200));
                    item.put("ordered", n(0));
                }
                writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
            }
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
        }
    }

    @Test
    void anIndexAddedToALiveTableBackfillsItsSparseEntriesAndKeepsWritesMadeMeanwhile() throws Exception {
        String table = Tables.create("gsi-live", ScalarAttributeType.S, ScalarAttributeType.S);
        put(table, 0, 3000);
        UpdateTableResponse updated = dynamo.updateTable(u -> u.tableName(table)
                .attributeDefinitions(definitions("itemType", "S", "qty", "N"))
                .globalSecondaryIndexUpdates(create("inventory", "itemType", "qty")));
        GlobalSecondaryIndexDescription creating = updated.tableDescription().globalSecondaryIndexes().get(0);
        assertEquals(IndexStatus.CREATING, creating.indexStatus());
        assertTrue(creating.backfilling());
        assertEquals(updated.tableDescription().tableArn() + "/index/inventory", creating.indexArn());
        put(table, 3000, 3400);
        GlobalSecondaryIndexDescription active = awaitActive(table, "inventory");
        assertEquals(2550L, active.itemCount());
        assertTrue(active.indexSizeBytes() > 0);

        int viaIndex = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(q -> q.tableName(table).indexName("inventory").keyConditionExpression("itemType = :t AND qty < :low")
                    .expressionAttributeValues(Map.of(":t", s("part"), ":low", n(50))).exclusiveStartKey(from));
            viaIndex += r.count();
            start = r.lastEvaluatedKey().isEmpty() ? null : r.lastEvaluatedKey();
        } while (start != null);
        int viaScan = 0;
        start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse r = dynamo.scan(q -> q.tableName(table).filterExpression("itemType = :t AND qty < :low")
                    .expressionAttributeValues(Map.of(":t", s("part"), ":low", n(50))).exclusiveStartKey(from));
            viaScan += r.count();
            start = r.lastEvaluatedKey().isEmpty() ? null : r.lastEvaluatedKey();
        } while (start != null);
        assertEquals(viaScan, viaIndex);
        assertTrue(viaIndex > 0);

        UpdateTableResponse deleting = dynamo.updateTable(u -> u.tableName(table)
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("inventory")).build()));
        assertEquals(IndexStatus.DELETING, deleting.tableDescription().globalSecondaryIndexes().get(0).indexStatus());
        for (int i = 0; i < 6000 && index(table, "inventory") != null; i++) Thread.sleep(10);
        assertEquals(null, index(table, "inventory"));
        // With the index gone, AWS drops the definitions of the attributes only it used.
        assertEquals(List.of("pk", "sk"), dynamo.describeTable(d -> d.tableName(table)).table().attributeDefinitions()
                .stream().map(AttributeDefinition::attributeName).toList());
        Tables.delete(table);
    }

    @Test
    void aBackfillLeavesOutItemsWhoseIndexKeyIsTooLongForAKey() throws Exception {
        String table = Tables.create("gsi-long-keys", ScalarAttributeType.S, ScalarAttributeType.S);
        int[] lengths = {1024, 1025, 2048, 2049};
        for (int length : lengths) {
            dynamo.putItem(p -> p.tableName(table).item(Map.of("pk", s("item-" + length), "sk", s("c"),
                    "x", s("x".repeat(length)))));
        }
        // x as a partition key may be 2,048 bytes long; as a sort key, 1,024.
        dynamo.updateTable(u -> u.tableName(table).attributeDefinitions(definitions("x", "S"))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("by-x")
                        .keySchema(k -> k.attributeName("x").keyType("HASH")).projection(p -> p.projectionType("KEYS_ONLY"))).build()));
        awaitActive(table, "by-x");
        dynamo.updateTable(u -> u.tableName(table).attributeDefinitions(definitions("sk", "S", "x", "S"))
                .globalSecondaryIndexUpdates(create("by-sk-x", "sk", "x")));
        awaitActive(table, "by-sk-x");
        List<String> byX = new ArrayList<>();
        dynamo.scanPaginator(r -> r.tableName(table).indexName("by-x")).items().forEach(i -> byX.add(i.get("pk").s()));
        byX.sort(null);
        assertEquals(List.of("item-1024", "item-1025", "item-2048"), byX);
        assertEquals(List.of(s("item-1024")), dynamo.query(q -> q.tableName(table).indexName("by-sk-x")
                .keyConditionExpression("sk = :c").expressionAttributeValues(Map.of(":c", s("c")))).items().stream()
                .map(i -> i.get("pk")).toList());
        Tables.delete(table);
    }

    @Test
    void indexChangesAreRefusedAsAwsRefusesThem() throws Exception {
        String table = Tables.create("gsi-errors", ScalarAttributeType.S, ScalarAttributeType.S);
        String tooLong = "a".repeat(256);
        // The definitions' lengths are checked before they are matched with the new index's keys.
        assertValidation("1 validation error detected: Value '" + tooLong + "' at 'attributeDefinitions.1.member.attributeName' "
                        + "failed to satisfy constraint: Member must have length less than or equal to 255",
                () -> dynamo.updateTable(u -> u.tableName(table).attributeDefinitions(definitions(tooLong, "S"))
                        .globalSecondaryIndexUpdates(create("inventory", "itemType", "qty"))));
        // The request must define the new index's keys even when the table defines them already.
        var undefined = assertError("ValidationException", null,
                () -> dynamo.updateTable(u -> u.tableName(table).globalSecondaryIndexUpdates(create("bySort", "sk", "pk"))));
        assertTrue(undefined.awsErrorDetails().errorMessage().contains("AttributeDefinitions"),
                undefined.awsErrorDetails().errorMessage());
        assertError("ValidationException", null, () -> dynamo.updateTable(u -> u.tableName(table)
                .attributeDefinitions(definitions("sk", "S")).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().build())));
        assertValidation("One or more parameter values were invalid: Some index key attributes are not defined in "
                        + "AttributeDefinitions. Keys: [itemType, qty], AttributeDefinitions: [pk, sk]",
                () -> dynamo.updateTable(u -> u.tableName(table).globalSecondaryIndexUpdates(create("inventory", "itemType", "qty"))));
        assertError("LimitExceededException", "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table",
                () -> dynamo.updateTable(u -> u.tableName(table).attributeDefinitions(definitions("itemType", "S", "qty", "N", "ordered", "N"))
                        .globalSecondaryIndexUpdates(create("inventory", "itemType", "qty"), create("orders", "itemType", "ordered"))));
        dynamo.updateTable(u -> u.tableName(table).attributeDefinitions(definitions("itemType", "S", "qty", "N"))
                .globalSecondaryIndexUpdates(create("inventory", "itemType", "qty")));
        awaitActive(table, "inventory");
        assertValidation("Attempting to create an index which already exists",
                () -> dynamo.updateTable(u -> u.tableName(table).attributeDefinitions(definitions("itemType", "S", "qty", "N"))
                        .globalSecondaryIndexUpdates(create("inventory", "itemType", "qty"))));
        assertError("ResourceNotFoundException", null, () -> dynamo.updateTable(u -> u.tableName(table)
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("nope")).build())));
        dynamo.updateTable(u -> u.tableName(table).attributeDefinitions(definitions("itemType", "S", "ordered", "N"))
                .globalSecondaryIndexUpdates(create("orders", "itemType", "ordered")));
        awaitActive(table, "orders");
        var t = dynamo.describeTable(d -> d.tableName(table)).table();
        assertEquals(2, t.globalSecondaryIndexes().size());
        assertEquals(5, t.attributeDefinitions().size());
        Tables.delete(table);
    }
}
