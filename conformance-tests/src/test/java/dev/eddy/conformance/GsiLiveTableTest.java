package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertError;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Global secondary indexes added to, changed on and removed from a live table with UpdateTable,
 * and what AWS refuses of such changes.
 */
class GsiLiveTableTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final String ONE_ONLINE_INDEX = "Subscriber limit exceeded: Only 1 online index can be created or "
            + "deleted simultaneously per table";
    /** On AWS a new index builds for minutes (up to about 17 on an empty table); Eddy takes milliseconds. */
    private static final long BUILD_MILLIS = 30 * 60 * 1000;

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

    /** A KEYS_ONLY index on the string {@code partition} alone. */
    private static GlobalSecondaryIndexUpdate createOn(String name, String partition,
                                                       Consumer<CreateGlobalSecondaryIndexAction.Builder> more) {
        return GlobalSecondaryIndexUpdate.builder().create(c -> more.accept(c.indexName(name)
                .keySchema(k -> k.attributeName(partition).keyType("HASH")).projection(p -> p.projectionType("KEYS_ONLY"))))
                .build();
    }

    private static GlobalSecondaryIndexUpdate update(String name, Consumer<UpdateGlobalSecondaryIndexAction.Builder> change) {
        return GlobalSecondaryIndexUpdate.builder().update(u -> change.accept(u.indexName(name))).build();
    }

    private static GlobalSecondaryIndexUpdate update(String name, long read, long write) {
        return update(name, u -> u.provisionedThroughput(p -> p.readCapacityUnits(read).writeCapacityUnits(write)));
    }

    private static GlobalSecondaryIndexUpdate delete(String name) {
        return GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName(name)).build();
    }

    private static GlobalSecondaryIndex gsi(String name, String partition, Long read, Long write) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(k -> k.attributeName(partition).keyType("HASH"))
                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                .provisionedThroughput(read == null ? null
                        : software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput.builder()
                        .readCapacityUnits(read).writeCapacityUnits(write).build())
                .build();
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

    /**
     * Polls DescribeTable, as clients do, until {@code done} holds: waits for work (a backfill,
     * a removal, a billing switch), which takes milliseconds on Eddy and minutes on AWS.
     */
    private static TableDescription await(String table, java.util.function.Predicate<TableDescription> done,
                                          String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + BUILD_MILLIS;
        for (long pause = 5; System.currentTimeMillis() < deadline; pause = Math.min(pause * 2, 2000)) {
            TableDescription t = dynamo.describeTable(d -> d.tableName(table)).table();
            if (done.test(t)) return t;
            Thread.sleep(pause);
        }
        throw new AssertionError(what + " never happened on " + table);
    }

    private static GlobalSecondaryIndexDescription awaitActive(String table, String name) throws InterruptedException {
        await(table, t -> t.globalSecondaryIndexes().stream()
                .anyMatch(i -> i.indexName().equals(name) && i.indexStatus() == IndexStatus.ACTIVE), name + " ACTIVE");
        return index(table, name);
    }

    /** The table and all its indexes ACTIVE: AWS refuses most further changes until then. */
    private static TableDescription awaitSettled(String table) throws InterruptedException {
        return await(table, t -> t.tableStatus() == TableStatus.ACTIVE
                && t.globalSecondaryIndexes().stream().allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE), "settling");
    }

    private static void awaitGone(String table, String name) throws InterruptedException {
        await(table, t -> t.globalSecondaryIndexes().stream().noneMatch(i -> i.indexName().equals(name)), name + " gone");
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
        awaitGone(table, "inventory");
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
        assertValidation(INVALID + "AttributeDefinitions is not specified for index: bySort",
                () -> dynamo.updateTable(u -> u.tableName(table).globalSecondaryIndexUpdates(create("bySort", "sk", "pk"))));
        assertValidation(INVALID + "AttributeDefinitions is not specified for index: inventory",
                () -> dynamo.updateTable(u -> u.tableName(table).globalSecondaryIndexUpdates(create("inventory", "itemType", "qty"))));
        assertError("LimitExceededException", ONE_ONLINE_INDEX, () -> dynamo.updateTable(u -> u.tableName(table).attributeDefinitions(definitions("itemType", "S", "qty", "N", "ordered", "N"))
                        .globalSecondaryIndexUpdates(create("inventory", "itemType", "qty"), create("orders", "itemType", "ordered"))));
        dynamo.updateTable(u -> u.tableName(table).attributeDefinitions(definitions("itemType", "S", "qty", "N"))
                .globalSecondaryIndexUpdates(create("inventory", "itemType", "qty")));
        awaitActive(table, "inventory");
        assertValidation("Attempting to create an index which already exists",
                () -> dynamo.updateTable(u -> u.tableName(table).attributeDefinitions(definitions("itemType", "S", "qty", "N"))
                        .globalSecondaryIndexUpdates(create("inventory", "itemType", "qty"))));
        assertError("ResourceNotFoundException", "Requested resource not found: Index nope for table " + table,
                () -> dynamo.updateTable(u -> u.tableName(table).globalSecondaryIndexUpdates(delete("nope"))));
        dynamo.updateTable(u -> u.tableName(table).attributeDefinitions(definitions("itemType", "S", "ordered", "N"))
                .globalSecondaryIndexUpdates(create("orders", "itemType", "ordered")));
        awaitActive(table, "orders");
        var t = dynamo.describeTable(d -> d.tableName(table)).table();
        assertEquals(2, t.globalSecondaryIndexes().size());
        assertEquals(5, t.attributeDefinitions().size());
        Tables.delete(table);
    }

    @Test
    void eachEntryNamesOneActionAndEachIndexIsNamedOnce() throws Exception {
        String table = Tables.create("gsi-entries", ScalarAttributeType.S, ScalarAttributeType.S, b -> b
                .billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
                .attributeDefinitions(definitions("pk", "S", "sk", "S", "a", "S", "b", "S", "l", "S"))
                .globalSecondaryIndexes(gsi("by-a", "a", 1L, 1L), gsi("by-b", "b", 1L, 1L))
                .localSecondaryIndexes(l -> l.indexName("lsi1").keySchema(k -> k.attributeName("pk").keyType("HASH"),
                        k -> k.attributeName("l").keyType("RANGE")).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        awaitSettled(table);
        assertValidation(INVALID + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                + "GlobalSecondaryIndexUpdate.Delete must not be null", () -> dynamo.updateTable(u -> u.tableName(table)
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().build())));
        assertValidation(INVALID + "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object",
                () -> dynamo.updateTable(u -> u.tableName(table).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .update(a -> a.indexName("by-a").provisionedThroughput(p -> p.readCapacityUnits(2L).writeCapacityUnits(2L)))
                        .delete(d -> d.indexName("by-a")).build())));
        String once = INVALID + "Only one global secondary index update per index is allowed simultaneously. Index: by-a";
        assertValidation(once, () -> dynamo.updateTable(u -> u.tableName(table)
                .globalSecondaryIndexUpdates(update("by-a", 2, 2), update("by-a", 3, 3))));
        assertValidation(once, () -> dynamo.updateTable(u -> u.tableName(table).attributeDefinitions(definitions("a", "S"))
                .globalSecondaryIndexUpdates(delete("by-a"), GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("by-a")
                        .keySchema(k -> k.attributeName("a").keyType("HASH")).projection(p -> p.projectionType("ALL"))
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))).build())));
        // An empty list is refused once the request asks for something else, which is then not done either.
        assertValidation(INVALID + "List of GlobalSecondaryIndexUpdates is empty", () -> dynamo.updateTable(u -> u
                .tableName(table).deletionProtectionEnabled(true).globalSecondaryIndexUpdates(List.of())));
        assertEquals(false, dynamo.describeTable(d -> d.tableName(table)).table().deletionProtectionEnabled());

        for (GlobalSecondaryIndexUpdate ghost : List.of(update("ghost", 2, 2), delete("ghost"))) {
            assertError("ResourceNotFoundException", "Requested resource not found: Index ghost for table " + table,
                    () -> dynamo.updateTable(u -> u.tableName(table).globalSecondaryIndexUpdates(ghost)));
        }
        assertValidation("Cannot delete an index that is not a GlobalSecondaryIndex: lsi1",
                () -> dynamo.updateTable(u -> u.tableName(table).globalSecondaryIndexUpdates(delete("lsi1"))));
        assertError("LimitExceededException", ONE_ONLINE_INDEX, () -> dynamo.updateTable(u -> u.tableName(table)
                .globalSecondaryIndexUpdates(delete("by-a"), delete("by-b"))));
        // counted before the indexes are looked up
        assertError("LimitExceededException", ONE_ONLINE_INDEX, () -> dynamo.updateTable(u -> u.tableName(table)
                .globalSecondaryIndexUpdates(delete("ghost1"), delete("ghost2"))));

        // Several indexes may change their throughput in one call, but not to what they have. The
        // answer shows the table ACTIVE and the indexes UPDATING, still with their old throughput.
        TableDescription answer = dynamo.updateTable(u -> u.tableName(table)
                .globalSecondaryIndexUpdates(update("by-a", 2, 2), update("by-b", 3, 4))).tableDescription();
        assertEquals(TableStatus.ACTIVE, answer.tableStatus());
        assertEquals(List.of("by-a UPDATING 1/1", "by-b UPDATING 1/1"), answer.globalSecondaryIndexes().stream()
                .map(i -> i.indexName() + " " + i.indexStatus() + " " + i.provisionedThroughput().readCapacityUnits() + "/"
                        + i.provisionedThroughput().writeCapacityUnits()).sorted().toList());
        TableDescription settled = awaitSettled(table);
        assertEquals(List.of("by-a 2/2", "by-b 3/4"), settled.globalSecondaryIndexes().stream()
                .map(i -> i.indexName() + " " + i.provisionedThroughput().readCapacityUnits() + "/"
                        + i.provisionedThroughput().writeCapacityUnits()).sorted().toList());
        assertValidation("The provisioned throughput for the index by-b will not change. The requested value equals the "
                + "current value. Current ReadCapacityUnits provisioned for index by-b: 3. Requested ReadCapacityUnits: 3. "
                + "Current WriteCapacityUnits provisioned for index by-b: 4. Requested WriteCapacityUnits: 4. Refer to the "
                + "Amazon DynamoDB Developer Guide for current limits and how to request higher limits.",
                () -> dynamo.updateTable(u -> u.tableName(table).globalSecondaryIndexUpdates(update("by-b", 3, 4))));
        Tables.delete(table);
    }

    @Test
    void anIndexIsNotCreatedOrDeletedAlongWithAStreamOrThroughputChange() {
        String table = Tables.create("gsi-together", ScalarAttributeType.S, null, b -> b
                .billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
        GlobalSecondaryIndexUpdate create = createOn("by-a", "a", c -> c
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
        assertValidation(INVALID + "You cannot create or delete index while changing stream status", () -> dynamo.updateTable(u -> u
                .tableName(table).attributeDefinitions(definitions("a", "S")).globalSecondaryIndexUpdates(create)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType("KEYS_ONLY"))));
        assertValidation(INVALID + "You cannot create or delete index while updating table IOPS", () -> dynamo.updateTable(u -> u
                .tableName(table).attributeDefinitions(definitions("a", "S")).globalSecondaryIndexUpdates(create)
                .provisionedThroughput(p -> p.readCapacityUnits(2L).writeCapacityUnits(2L))));
        // Created without a throughput of its own on a provisioned table.
        assertValidation(INVALID + "Both ReadCapacityUnits and WriteCapacityUnits must be specified for index: by-b",
                () -> dynamo.updateTable(u -> u.tableName(table).attributeDefinitions(definitions("b", "S"))
                        .globalSecondaryIndexUpdates(createOn("by-b", "b", c -> { }))));
        var t = dynamo.describeTable(d -> d.tableName(table)).table();
        assertEquals(false, t.hasGlobalSecondaryIndexes());
        assertEquals(null, t.streamSpecification());
        assertEquals(1L, t.provisionedThroughput().readCapacityUnits());
        Tables.delete(table);
    }

    @Test
    void aNewIndexNeitherRedefinesAnAttributeNorExceedsTheQuota() {
        String table = Tables.create("gsi-redefine", ScalarAttributeType.S, null, b -> b
                .billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
        assertValidation(INVALID + "Attributes cannot be redefined. Please check that your attribute has the same type as "
                + "previously defined. Existing schema: Schema:[SchemaElement: key{pk:S:HASH}] New schema: "
                + "Schema:[SchemaElement: key{pk:N:HASH}]", () -> dynamo.updateTable(u -> u.tableName(table)
                .attributeDefinitions(definitions("pk", "N")).globalSecondaryIndexUpdates(createOn("by-pk", "pk", c -> c
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))))));
        String region = Clients.region().id();
        assertError("LimitExceededException", "The requested WriteCapacityUnits for index by-a, 40001, is above the per "
                + "index maximum for the account in " + region + ". Per table maximum: 40000. Refer to the Amazon DynamoDB "
                + "Developer Guide for current limits and how to request higher limits.", () -> dynamo.updateTable(u -> u
                .tableName(table).attributeDefinitions(definitions("a", "S")).globalSecondaryIndexUpdates(createOn("by-a", "a",
                        c -> c.provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(40001L))))));
        assertEquals(false, dynamo.describeTable(d -> d.tableName(table)).table().hasGlobalSecondaryIndexes());
        Tables.delete(table);
    }

    @Test
    void anOnDemandTableBecomesProvisionedOnlyWithThroughputForEveryIndex() throws Exception {
        String table = Tables.createWithIndex("gsi-billing", "a", ProjectionType.ALL);
        assertValidation(INVALID + "ProvisionedThroughput must be specified for index: by-a", () -> dynamo.updateTable(u -> u
                .tableName(table).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))));
        UpdateTableResponse switched = dynamo.updateTable(u -> u.tableName(table).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
                .globalSecondaryIndexUpdates(update("by-a", 3, 4)));
        GlobalSecondaryIndexDescription answered = switched.tableDescription().globalSecondaryIndexes().get(0);
        assertEquals(List.of(3L, 4L), List.of(answered.provisionedThroughput().readCapacityUnits(),
                answered.provisionedThroughput().writeCapacityUnits()));
        TableDescription settled = awaitSettled(table);
        assertEquals(BillingMode.PROVISIONED, settled.billingModeSummary().billingMode());
        GlobalSecondaryIndexDescription provisioned = settled.globalSecondaryIndexes().get(0);
        assertEquals(List.of(3L, 4L), List.of(provisioned.provisionedThroughput().readCapacityUnits(),
                provisioned.provisionedThroughput().writeCapacityUnits()));
        Tables.delete(table);
    }

    @Test
    void anOnDemandIndexChangesOnlyItsOnDemandOrWarmThroughput() throws Exception {
        String table = Tables.createWithIndex("gsi-on-demand", "a", ProjectionType.ALL);
        String only = INVALID + "The only Updates for index: by-a when TableThroughputMode is PAY_PER_REQUEST can be to "
                + "OnDemandThroughput, WarmThroughput";
        assertValidation(only, () -> dynamo.updateTable(u -> u.tableName(table).globalSecondaryIndexUpdates(update("by-a", 1, 1))));
        assertValidation(only, () -> dynamo.updateTable(u -> u.tableName(table).globalSecondaryIndexUpdates(update("by-a", a -> { }))));
        // Checked before the table is looked up.
        String warm = INVALID + "WarmThroughput must have at least one of ReadUnitsPerSecond or WriteUnitsPerSecond "
                + "specified for index: by-a";
        for (String name : List.of(table, Tables.uniqueName("gsi-no-table"))) {
            assertValidation(warm, () -> dynamo.updateTable(u -> u.tableName(name)
                    .globalSecondaryIndexUpdates(update("by-a", a -> a.warmThroughput(w -> { })))));
        }
        UpdateTableResponse updated = dynamo.updateTable(u -> u.tableName(table).globalSecondaryIndexUpdates(
                update("by-a", a -> a.onDemandThroughput(o -> o.maxReadRequestUnits(100L).maxWriteRequestUnits(100L)))));
        assertEquals(TableStatus.ACTIVE, updated.tableDescription().tableStatus());
        assertEquals(IndexStatus.UPDATING, updated.tableDescription().globalSecondaryIndexes().get(0).indexStatus());
        awaitSettled(table);
        Tables.delete(table);
    }

    @Test
    void aTwentyFirstIndexIsOverTheSubscriberLimit() {
        String[] nameTypes = new String[42];
        nameTypes[0] = "pk";
        nameTypes[1] = "S";
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            nameTypes[2 + 2 * i] = "a" + i;
            nameTypes[3 + 2 * i] = "S";
            indexes.add(gsi("gsi" + i, "a" + i, null, null));
        }
        String table = Tables.create("gsi-limit", ScalarAttributeType.S, null, b -> b
                .attributeDefinitions(definitions(nameTypes)).globalSecondaryIndexes(indexes));
        assertError("LimitExceededException", "Subscriber limit exceeded: Number of global secondary indexes exceeds "
                + "per-table limit of 20", () -> dynamo.updateTable(u -> u.tableName(table)
                .attributeDefinitions(definitions("a20", "S")).globalSecondaryIndexUpdates(createOn("gsi20", "a20", c -> { }))));
        Tables.delete(table);
    }

    @Test
    void aTableIsNotDeletedWhileItsIndexBuildsButTheBuildingIndexMayBe() throws Exception {
        String table = Tables.create("gsi-building", ScalarAttributeType.S, ScalarAttributeType.S);
        put(table, 0, 3000);
        dynamo.updateTable(u -> u.tableName(table).attributeDefinitions(definitions("itemType", "S", "qty", "N"))
                .globalSecondaryIndexUpdates(create("inventory", "itemType", "qty")));
        assertError("ResourceInUseException", "Attempt to change a resource which is still in use: Cannot delete table "
                + "while indexes are being created, updated, or deleted.", () -> Tables.delete(table));
        // AWS first allocates resources (Backfilling false), and refuses the index's deletion until it backfills.
        await(table, t -> t.globalSecondaryIndexes().stream().allMatch(i -> Boolean.TRUE.equals(i.backfilling())
                || i.indexStatus() != IndexStatus.CREATING), "backfilling");
        UpdateTableResponse deleting = dynamo.updateTable(u -> u.tableName(table).globalSecondaryIndexUpdates(delete("inventory")));
        assertEquals(IndexStatus.DELETING, deleting.tableDescription().globalSecondaryIndexes().get(0).indexStatus());
        awaitGone(table, "inventory");
        Tables.delete(table);
    }
}
