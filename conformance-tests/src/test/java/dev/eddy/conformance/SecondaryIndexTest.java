package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Local and global secondary indexes created with the table: sparse, projected, typed. */
class SecondaryIndexTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static String table;

    @BeforeAll
    static void create() {
        table = Tables.create("indexes", ScalarAttributeType.S, ScalarAttributeType.S, b -> b
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("rank").attributeType(ScalarAttributeType.N).build(),
                        AttributeDefinition.builder().attributeName("kind").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("tag").attributeType(ScalarAttributeType.B).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byRank")
                        .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("rank").keyType("RANGE"))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder().indexName("byKind")
                                .keySchema(k -> k.attributeName("kind").keyType("HASH"), k -> k.attributeName("rank").keyType("RANGE"))
                                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("note").build()).build(),
                        GlobalSecondaryIndex.builder().indexName("byTag")
                                .keySchema(k -> k.attributeName("tag").keyType("HASH"))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    }

    @AfterAll
    static void drop() {
        Tables.delete(table);
    }

    private static Map<String, AttributeValue> item(String pk, String sk, Integer rank, String kind, String note) {
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS(sk));
        if (rank != null) item.put("rank", AttributeValue.fromN(rank.toString()));
        if (kind != null) item.put("kind", AttributeValue.fromS(kind));
        item.put("note", AttributeValue.fromS(note));
        item.put("secret", AttributeValue.fromS("not projected"));
        return item;
    }

    @Test
    void aLocalIndexOrdersTheItemCollectionByItsSortKeyAndFetchesUnprojectedAttributes() {
        String pk = UUID.randomUUID().toString();
        dynamo.putItem(r -> r.tableName(table).item(item(pk, "a", 3, null, "n1")));
        dynamo.putItem(r -> r.tableName(table).item(item(pk, "b", 1, null, "n2")));
        dynamo.putItem(r -> r.tableName(table).item(item(pk, "c", null, null, "n3")));
        QueryResponse keysOnly = dynamo.query(q -> q.tableName(table).indexName("byRank").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(pk))));
        assertEquals(List.of("b", "a"), keysOnly.items().stream().map(i -> i.get("sk").s()).toList());
        assertEquals(Set.of("pk", "sk", "rank"), keysOnly.items().get(0).keySet());
        QueryResponse all = dynamo.query(q -> q.tableName(table).indexName("byRank").keyConditionExpression("pk = :p AND #r > :one")
                .expressionAttributeNames(Map.of("#r", "rank"))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(pk), ":one", AttributeValue.fromN("1"))).select(Select.ALL_ATTRIBUTES));
        assertEquals("not projected", all.items().get(0).get("secret").s());
        assertEquals(1, all.count());
    }

    @Test
    void aSparseGlobalIndexHoldsOnlyItemsWithItsKeysAndProjectsIncludedAttributes() {
        String kind = "kind-" + UUID.randomUUID();
        String pk = UUID.randomUUID().toString();
        dynamo.putItem(r -> r.tableName(table).item(item(pk, "1", 10, kind, "x")));
        dynamo.putItem(r -> r.tableName(table).item(item(pk, "2", 5, kind, "y")));
        dynamo.putItem(r -> r.tableName(table).item(item(pk, "3", null, kind, "no rank")));
        QueryResponse r = dynamo.query(q -> q.tableName(table).indexName("byKind").keyConditionExpression("kind = :k")
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(kind))).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(List.of("2", "1"), r.items().stream().map(i -> i.get("sk").s()).toList());
        assertEquals(Set.of("pk", "sk", "rank", "kind", "note"), r.items().get(0).keySet());
        assertEquals(0.5, r.consumedCapacity().globalSecondaryIndexes().get("byKind").capacityUnits());
        dynamo.deleteItem(d -> d.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("2"))));
        QueryResponse after = dynamo.query(q -> q.tableName(table).indexName("byKind").keyConditionExpression("kind = :k")
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(kind))));
        assertEquals(1, after.count());
    }

    @Test
    void binaryIndexKeysWork() {
        byte[] tag = UUID.randomUUID().toString().getBytes();
        String pk = UUID.randomUUID().toString();
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("t"),
                "tag", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(tag)))));
        QueryResponse r = dynamo.query(q -> q.tableName(table).indexName("byTag").keyConditionExpression("tag = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(tag)))));
        assertEquals(1, r.count());
    }

    @Test
    void indexKeysOfTheWrongTypeAreRefusedOnWrite() {
        assertValidation("One or more parameter values were invalid: Type mismatch for Index Key rank Expected: N Actual: S IndexName: byRank",
                () -> dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("x"), "sk", AttributeValue.fromS("y"),
                        "rank", AttributeValue.fromS("high")))));
        assertValidation("One or more parameter values were invalid: Type mismatch for Index Key kind Expected: S Actual: N IndexName: byKind",
                () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(WriteRequest.builder().putRequest(p -> p.item(Map.of(
                        "pk", AttributeValue.fromS("x"), "sk", AttributeValue.fromS("y"), "kind", AttributeValue.fromN("1")))).build())))));
    }

    @Test
    void indexReadsAreRefusedAsAwsRefusesThem() {
        assertValidation("Consistent reads are not supported on global secondary indexes",
                () -> dynamo.query(q -> q.tableName(table).indexName("byKind").consistentRead(true).keyConditionExpression("kind = :k")
                        .expressionAttributeValues(Map.of(":k", AttributeValue.fromS("k")))));
        assertValidation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byKind because its projection type is not ALL",
                () -> dynamo.query(q -> q.tableName(table).indexName("byKind").select(Select.ALL_ATTRIBUTES).keyConditionExpression("kind = :k")
                        .expressionAttributeValues(Map.of(":k", AttributeValue.fromS("k")))));
        assertValidation("The provided starting key is invalid",
                () -> dynamo.query(q -> q.tableName(table).indexName("byKind").keyConditionExpression("kind = :k")
                        .exclusiveStartKey(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("b")))
                        .expressionAttributeValues(Map.of(":k", AttributeValue.fromS("k")))));
    }

    @Test
    void describeTableCountsIndexEntriesAndCollectionMetricsAreReported() {
        String pk = UUID.randomUUID().toString();
        var response = dynamo.batchWriteItem(b -> b.returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
                .requestItems(Map.of(table, List.of(WriteRequest.builder().putRequest(p -> p.item(item(pk, "z", 7, "described", "n"))).build()))));
        var metrics = response.itemCollectionMetrics().get(table).get(0);
        assertEquals(AttributeValue.fromS(pk), metrics.itemCollectionKey().get("pk"));
        assertEquals(List.of(0.0, 1.0), metrics.sizeEstimateRangeGB());
        TableDescription t = dynamo.describeTable(d -> d.tableName(table)).table();
        var byKind = t.globalSecondaryIndexes().stream().filter(i -> i.indexName().equals("byKind")).findFirst().orElseThrow();
        assertFalse(byKind.itemCount() == 0);
        assertFalse(byKind.indexSizeBytes() == 0);
        assertEquals(t.tableArn() + "/index/byKind", byKind.indexArn());
        // Like the on-demand table, its global index has the default warm throughput.
        assertEquals(12000L, byKind.warmThroughput().readUnitsPerSecond());
        assertEquals(4000L, byKind.warmThroughput().writeUnitsPerSecond());
        assertEquals("ACTIVE", byKind.warmThroughput().statusAsString());
    }

    @Test
    void definitionsAndProjectedAttributesAreListedByNameIndexesAsGiven() {
        String name = Tables.uniqueName("indexes-order");
        TableDescription created = dynamo.createTable(r -> r.tableName(name).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(definition("z"), definition("a"), definition("m"), definition("sk"), definition("pk"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE"))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder().indexName("g-z").keySchema(k -> k.attributeName("z").keyType("HASH"))
                                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                        .nonKeyAttributes("zz", "aa", "mm", "sk").build()).build(),
                        GlobalSecondaryIndex.builder().indexName("g-a")
                                .keySchema(k -> k.attributeName("a").keyType("HASH"), k -> k.attributeName("m").keyType("RANGE"))
                                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()))
                .tableDescription();
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(name));
        TableDescription described = dynamo.describeTable(r -> r.tableName(name)).table();
        for (TableDescription t : List.of(created, described)) {
            assertEquals(List.of("a", "m", "pk", "sk", "z"),
                    t.attributeDefinitions().stream().map(AttributeDefinition::attributeName).toList());
            var byName = new java.util.HashMap<String, List<String>>();
            t.globalSecondaryIndexes().forEach(i -> byName.put(i.indexName(), i.projection().nonKeyAttributes()));
            assertEquals(List.of("aa", "mm", "sk", "zz"), byName.get("g-z"));
        }
        assertEquals(List.of("g-z", "g-a"), described.globalSecondaryIndexes().stream().map(i -> i.indexName()).toList());
        Tables.delete(name);
    }

    private static AttributeDefinition definition(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    @Test
    void singleItemWritesReportTheirItemCollection() {
        String pk = UUID.randomUUID().toString();
        var put = dynamo.putItem(r -> r.tableName(table).item(item(pk, "a", 1, null, "n"))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        assertEquals(AttributeValue.fromS(pk), put.itemCollectionMetrics().itemCollectionKey().get("pk"));
        assertEquals(List.of(0.0, 1.0), put.itemCollectionMetrics().sizeEstimateRangeGB());
        var update = dynamo.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("a")))
                .updateExpression("SET note = :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromS("m")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        assertEquals(AttributeValue.fromS(pk), update.itemCollectionMetrics().itemCollectionKey().get("pk"));
        var quiet = dynamo.deleteItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("a"))));
        assertEquals(null, quiet.itemCollectionMetrics(), "only when asked for");
    }

    /** The write units a user sees per index; indexes the write did not touch have no entry at all. */
    private static void assertIndexUnits(ConsumedCapacity c, double total, double table, Map<String, Double> global,
                                         Map<String, Double> local) {
        assertEquals(total, c.capacityUnits());
        assertEquals(table, c.table().capacityUnits());
        assertEquals(global, c.hasGlobalSecondaryIndexes() ? unitsOf(c.globalSecondaryIndexes()) : Map.of());
        assertEquals(local, c.hasLocalSecondaryIndexes() ? unitsOf(c.localSecondaryIndexes()) : Map.of());
    }

    private static Map<String, Double> unitsOf(Map<String, software.amazon.awssdk.services.dynamodb.model.Capacity> arms) {
        Map<String, Double> units = new java.util.HashMap<>();
        arms.forEach((name, c) -> units.put(name, c.capacityUnits()));
        return units;
    }

    private static ConsumedCapacity putIndexes(Map<String, AttributeValue> item) {
        return dynamo.putItem(r -> r.tableName(table).item(item).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity();
    }

    private static ConsumedCapacity updateIndexes(String pk, String update, Map<String, AttributeValue> values) {
        return dynamo.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("1")))
                .updateExpression(update).expressionAttributeNames(update.contains("#r") ? Map.of("#r", "rank") : null)
                .expressionAttributeValues(values.isEmpty() ? null : values)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    }

    @Test
    void aWriteIsChargedAnIndexWriteForEachIndexTheItemEnters() {
        String kind = "kind-" + UUID.randomUUID();
        assertIndexUnits(putIndexes(item(UUID.randomUUID().toString(), "1", 1, kind, "n")), 3, 1,
                Map.of("byKind", 1.0), Map.of("byRank", 1.0));
        assertIndexUnits(putIndexes(item(UUID.randomUUID().toString(), "1", null, null, "n")), 1, 1, Map.of(), Map.of());
        ConsumedCapacity total = dynamo.putItem(r -> r.tableName(table).item(item(UUID.randomUUID().toString(), "1", 1, kind, "n"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertEquals(3.0, total.capacityUnits(), "TOTAL folds the index writes in");
        assertNull(total.table());
        assertFalse(total.hasGlobalSecondaryIndexes());
    }

    @Test
    void anIndexIsChargedOnlyWhenItsEntryChangesAndAKeyChangeTwice() {
        String kind = "kind-" + UUID.randomUUID();
        String pk = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = item(pk, "1", 1, kind, "n");
        putIndexes(item);
        assertIndexUnits(putIndexes(item), 1, 1, Map.of(), Map.of());
        assertIndexUnits(updateIndexes(pk, "SET secret = :v", Map.of(":v", AttributeValue.fromS("s2"))), 1, 1,
                Map.of(), Map.of());
        assertIndexUnits(updateIndexes(pk, "SET note = :v", Map.of(":v", AttributeValue.fromS("n2"))), 2, 1,
                Map.of("byKind", 1.0), Map.of());
        assertIndexUnits(updateIndexes(pk, "SET kind = :v", Map.of(":v", AttributeValue.fromS(kind + "-moved"))), 3, 1,
                Map.of("byKind", 2.0), Map.of());
        assertIndexUnits(updateIndexes(pk, "REMOVE #r", Map.of()), 3, 1, Map.of("byKind", 1.0), Map.of("byRank", 1.0));
    }

    @Test
    void deletesAndBatchWritesAreChargedTheIndexEntriesTheyTouch() {
        String pk = UUID.randomUUID().toString();
        putIndexes(item(pk, "1", 1, "kind-" + UUID.randomUUID(), "n"));
        ConsumedCapacity deleted = dynamo.deleteItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("1")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertIndexUnits(deleted, 3, 1, Map.of("byKind", 1.0), Map.of("byRank", 1.0));
        List<ConsumedCapacity> batch = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(p -> p.item(item(UUID.randomUUID().toString(), "1", 2, "k", "n"))).build(),
                WriteRequest.builder().putRequest(p -> p.item(item(UUID.randomUUID().toString(), "1", null, null, "n"))).build())))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertEquals(1, batch.size());
        assertIndexUnits(batch.get(0), 4, 2, Map.of("byKind", 1.0), Map.of("byRank", 1.0));
    }
}
