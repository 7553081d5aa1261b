package dev.eddy.conformance;

import static dev.eddy.conformance.Attrs.item;
import static dev.eddy.conformance.Attrs.n;
import static dev.eddy.conformance.Attrs.names;
import static dev.eddy.conformance.Attrs.s;
import static dev.eddy.conformance.Errors.assertError;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
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
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Global secondary indexes with multi-attribute keys: up to four partition key (HASH) and four
 * sort key (RANGE) attributes, each of its own type. An item is in the index only with every
 * key attribute; a Query names every partition key attribute with an equality and a leading
 * run of the sort key attributes, all equalities but the last.
 */
class MultiAttributeKeyGsiTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    /** Table key pk; index "tenantLeague": HASH tenant (S), league (S); RANGE round (N), bracket (S). */
    private static String table;

    @BeforeAll
    static void create() {
        table = Tables.create("multi-key-gsi", ScalarAttributeType.S, null, b -> b
                .attributeDefinitions(definitions("pk", "S", "tenant", "S", "league", "S", "round", "N", "bracket", "S"))
                .globalSecondaryIndexes(i -> i.indexName("tenantLeague")
                        .keySchema(keys("tenant", "HASH", "league", "HASH", "round", "RANGE", "bracket", "RANGE"))
                        .projection(p -> p.projectionType("ALL"))));
    }

    @AfterAll
    static void drop() {
        Tables.delete(table);
    }

    private static List<AttributeDefinition> definitions(String... nameTypes) {
        List<AttributeDefinition> out = new ArrayList<>();
        for (int i = 0; i < nameTypes.length; i += 2) {
            out.add(AttributeDefinition.builder().attributeName(nameTypes[i]).attributeType(nameTypes[i + 1]).build());
        }
        return out;
    }

    private static List<KeySchemaElement> keys(String... nameTypes) {
        List<KeySchemaElement> out = new ArrayList<>();
        for (int i = 0; i < nameTypes.length; i += 2) {
            out.add(KeySchemaElement.builder().attributeName(nameTypes[i]).keyType(nameTypes[i + 1]).build());
        }
        return out;
    }

    private static void put(String pk, String tenant, String league, String round, String bracket) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk));
        if (tenant != null) item.put("tenant", s(tenant));
        if (league != null) item.put("league", s(league));
        if (round != null) item.put("round", n(round));
        if (bracket != null) item.put("bracket", s(bracket));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    /** Queries the index for the given key condition and answers the table keys in the order returned. */
    private static List<String> query(String keyCondition, Map<String, AttributeValue> values) {
        return query(q -> q.keyConditionExpression(keyCondition).expressionAttributeValues(values));
    }

    private static List<String> query(java.util.function.Consumer<QueryRequest.Builder> request) {
        return dynamo.query(q -> request.accept(q.tableName(table).indexName("tenantLeague"))).items().stream()
                .map(i -> i.get("pk").s()).toList();
    }

    private static Map<String, AttributeValue> values(String tenant, Object... more) {
        Map<String, AttributeValue> out = new HashMap<>(item(more));
        out.put(":t", s(tenant));
        out.put(":r", s("eu"));
        return out;
    }

    /** Puts a partition of five items under tenant / eu, plus items the index leaves out; answers the tenant. */
    private static String tournament() {
        String tenant = "tenant-" + UUID.randomUUID();
        put("a", tenant, "eu", "2", "upper");
        put("b", tenant, "eu", "10", "lower");
        put("c", tenant, "eu", "2", "lower");
        put("d", tenant, "eu", "-1.5", "upper");
        put("e", tenant, "eu", "10", "upper");
        put("no-bracket", tenant, "eu", "2", null);
        put("no-league", tenant, null, "2", "upper");
        put("other-league", tenant, "us", "2", "upper");
        return tenant;
    }

    @Test
    void describeTableShowsTheKeySchemaAsGiven() {
        GlobalSecondaryIndexDescription index = dynamo.describeTable(d -> d.tableName(table)).table().globalSecondaryIndexes().get(0);
        assertEquals(keys("tenant", "HASH", "league", "HASH", "round", "RANGE", "bracket", "RANGE"), index.keySchema());
        assertEquals(IndexStatus.ACTIVE, index.indexStatus());
    }

    @Test
    void anIndexPartitionIsOrderedByItsSortKeyAttributesInTurnAndHoldsOnlyItemsWithEveryKeyAttribute() {
        String tenant = tournament();
        assertEquals(List.of("d", "c", "a", "b", "e"), query("tenant = :t AND league = :r", values(tenant)));
        assertEquals(List.of("e", "b", "a", "c", "d"), query(q -> q.keyConditionExpression("league = :r AND tenant = :t")
                .expressionAttributeValues(values(tenant)).scanIndexForward(false)));
    }

    @Test
    void aQueryConditionsALeadingRunOfSortKeyAttributesWithOnlyTheLastARange() {
        String tenant = tournament();
        assertEquals(List.of("c", "a"), query("tenant = :t AND league = :r AND #round = :two",
                q -> q.expressionAttributeNames(names("#round", "round")), values(tenant, ":two", n("2"))));
        assertEquals(List.of("b", "e"), query("tenant = :t AND league = :r AND #round > :two",
                q -> q.expressionAttributeNames(names("#round", "round")), values(tenant, ":two", n("2"))));
        assertEquals(List.of("a"), query("bracket = :u AND tenant = :t AND #round = :two AND league = :r",
                q -> q.expressionAttributeNames(names("#round", "round")), values(tenant, ":two", n("2"), ":u", s("upper"))));
        assertEquals(List.of("b"), query("tenant = :t AND league = :r AND #round = :ten AND bracket BETWEEN :a AND :m",
                q -> q.expressionAttributeNames(names("#round", "round")),
                values(tenant, ":ten", n("10"), ":a", s("a"), ":m", s("m"))));
        assertEquals(List.of("a"), query("tenant = :t AND league = :r AND #round = :two AND begins_with(bracket, :u)",
                q -> q.expressionAttributeNames(names("#round", "round")), values(tenant, ":two", n("2"), ":u", s("up"))));
        assertEquals(List.of(), query("tenant = :t AND league = :r AND #round < :low",
                q -> q.expressionAttributeNames(names("#round", "round")), values(tenant, ":low", n("-2"))));
    }

    private static List<String> query(String keyCondition, java.util.function.Consumer<QueryRequest.Builder> more,
                                      Map<String, AttributeValue> values) {
        return query(q -> {
            q.keyConditionExpression(keyCondition).expressionAttributeValues(values);
            more.accept(q);
        });
    }

    @Test
    void legacyKeyConditionsMayNameEveryKeyAttribute() {
        String tenant = tournament();
        Map<String, Condition> conditions = Map.of(
                "tenant", condition(ComparisonOperator.EQ, s(tenant)),
                "league", condition(ComparisonOperator.EQ, s("eu")),
                "round", condition(ComparisonOperator.EQ, n("10")),
                "bracket", condition(ComparisonOperator.GE, s("m")));
        assertEquals(List.of("e"), query(q -> q.keyConditions(conditions)));
    }

    private static Condition condition(ComparisonOperator op, AttributeValue... values) {
        return Condition.builder().comparisonOperator(op).attributeValueList(values).build();
    }

    @Test
    void pagesCarryTheTableKeyAndEveryIndexKeyAttributeAndResumeInsideTheCondition() {
        String tenant = tournament();
        Map<String, AttributeValue> values = values(tenant, ":ten", n("10"));
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(q -> q.tableName(table).indexName("tenantLeague").limit(1)
                    .keyConditionExpression("tenant = :t AND league = :r AND #round <= :ten")
                    .expressionAttributeNames(names("#round", "round")).expressionAttributeValues(values)
                    .scanIndexForward(false).exclusiveStartKey(from));
            page.items().forEach(i -> seen.add(i.get("pk").s()));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            if (start != null) assertEquals(Set.of("pk", "tenant", "league", "round", "bracket"), start.keySet());
        } while (start != null);
        assertEquals(List.of("e", "b", "a", "c", "d"), seen);
    }

    @Test
    void aScanOfTheIndexPagesWithEveryKeyAttribute() {
        tournament();
        ScanResponse page = dynamo.scan(r -> r.tableName(table).indexName("tenantLeague").limit(1));
        assertEquals(Set.of("pk", "tenant", "league", "round", "bracket"), page.lastEvaluatedKey().keySet());
        ScanResponse next = dynamo.scan(r -> r.tableName(table).indexName("tenantLeague").limit(1)
                .exclusiveStartKey(page.lastEvaluatedKey()));
        assertTrue(!next.items().get(0).get("pk").equals(page.items().get(0).get("pk"))
                || !next.items().get(0).get("tenant").equals(page.items().get(0).get("tenant")));
    }

    @Test
    void aSortKeyAttributeBeforeTheLastConditionedOneNeedsAnEquality() {
        String tenant = "tenant-" + UUID.randomUUID();
        assertValidation("RANGE key attributes round must have equality conditions specified in the query because a "
                        + "condition is present on key attribute bracket",
                () -> query("tenant = :t AND league = :r AND bracket = :u", values(tenant, ":u", s("upper"))));
        assertValidation("RANGE key attributes round must have equality conditions specified in the query because a "
                        + "condition is present on key attribute bracket",
                () -> query("tenant = :t AND league = :r AND #round > :two AND bracket = :u",
                        q -> q.expressionAttributeNames(names("#round", "round")),
                        values(tenant, ":two", n("2"), ":u", s("upper"))));
    }

    @Test
    void everyPartitionKeyAttributeNeedsAnEquality() {
        // AWS refuses both; its wording for a partition key attribute is not recorded here.
        assertError("ValidationException", null, () -> query("tenant = :t", Map.of(":t", s("x"))));
        assertError("ValidationException", null, () -> query("tenant = :t AND league > :r", values("x")));
        assertValidation("One or more parameter values were invalid: Condition parameter type does not match schema type",
                () -> query("tenant = :t AND league = :r AND #round = :two",
                        q -> q.expressionAttributeNames(names("#round", "round")), values("x", ":two", s("2"))));
    }

    @Test
    void aFilterMayNotNameAnyKeyAttributeOfTheIndex() {
        assertValidation("Filter Expression can only contain non-primary key attributes: Primary key attribute: bracket",
                () -> query("tenant = :t AND league = :r", q -> q.filterExpression("bracket = :u"),
                        values("x", ":u", s("upper"))));
        assertEquals(List.of(), query("tenant = :t AND league = :r", q -> q.filterExpression("pk = :p"),
                values("x", ":p", s("a"))));
    }

    @Test
    void updatesMoveAnItemBetweenIndexPartitionsAndInAndOutOfTheIndex() {
        String tenant = tournament();
        dynamo.updateItem(u -> u.tableName(table).key(item("pk", s("a"))).updateExpression("SET #league = :us")
                .expressionAttributeNames(names("#league", "league")).expressionAttributeValues(item(":us", s("us"))));
        dynamo.updateItem(u -> u.tableName(table).key(item("pk", s("no-bracket"))).updateExpression("SET bracket = :m")
                .expressionAttributeValues(item(":m", s("middle"))));
        dynamo.updateItem(u -> u.tableName(table).key(item("pk", s("d"))).updateExpression("REMOVE #round")
                .expressionAttributeNames(names("#round", "round")));
        dynamo.deleteItem(d -> d.tableName(table).key(item("pk", s("b"))));
        assertEquals(List.of("c", "no-bracket", "e"), query("tenant = :t AND league = :r", values(tenant)));
        // Equal index keys leave the order of the two open, so only their set is compared.
        assertEquals(Set.of("a", "other-league"), Set.copyOf(query("tenant = :t AND league = :r",
                Map.of(":t", s(tenant), ":r", s("us")))));
    }

    @Test
    void aMultiAttributeIndexAddedToALiveTableIsBackfilled() throws InterruptedException {
        String live = Tables.create("multi-key-live", ScalarAttributeType.S, null);
        try {
            put(live, "1", "x", "2");
            put(live, "2", "x", "1");
            put(live, "3", "x", null);
            dynamo.updateTable(u -> u.tableName(live).attributeDefinitions(definitions("pk", "S", "g", "S", "n", "N"))
                    .globalSecondaryIndexUpdates(g -> g.create(c -> c.indexName("byGn").keySchema(keys("g", "HASH", "n", "RANGE", "pk", "RANGE"))
                            .projection(p -> p.projectionType("KEYS_ONLY")))));
            for (int i = 0; i < 6000 && !active(live); i++) Thread.sleep(10);
            QueryResponse r = dynamo.query(q -> q.tableName(live).indexName("byGn").keyConditionExpression("g = :g")
                    .expressionAttributeValues(Map.of(":g", s("x"))));
            assertEquals(List.of("2", "1"), r.items().stream().map(i -> i.get("pk").s()).toList());
            assertEquals(Set.of("pk", "g", "n"), r.items().get(0).keySet());
        } finally {
            Tables.delete(live);
        }
    }

    private static void put(String table, String pk, String g, String n) {
        Map<String, AttributeValue> item = new HashMap<>(item("pk", s(pk), "g", s(g), "other", s("o")));
        if (n != null) item.put("n", n(n));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    private static boolean active(String table) {
        var t = dynamo.describeTable(d -> d.tableName(table)).table();
        return t.hasGlobalSecondaryIndexes() && t.globalSecondaryIndexes().get(0).indexStatus() == IndexStatus.ACTIVE;
    }

    @Test
    void aGlobalIndexKeySchemaHoldsUpToFourOfEachKindHashFirst() {
        assertValidation("One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of HASH key attributes",
                () -> createWithIndex(keys("a", "HASH", "b", "HASH", "c", "HASH", "d", "HASH", "e", "HASH")));
        assertValidation("One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of RANGE key attributes",
                () -> createWithIndex(keys("a", "HASH", "b", "RANGE", "c", "RANGE", "d", "RANGE", "e", "RANGE", "f", "RANGE")));
        assertValidation("One or more parameter values were invalid: All HASH key attributes must precede RANGE key attributes in the KeySchema",
                () -> createWithIndex(keys("a", "HASH", "b", "RANGE", "c", "HASH")));
        assertValidation("The KeySchema contains multiple key attributes with the same name",
                () -> createWithIndex(keys("a", "HASH", "b", "HASH", "a", "RANGE")));
        assertValidation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
                () -> createWithIndex(keys("a", "RANGE", "b", "HASH")));
    }

    private static void createWithIndex(List<KeySchemaElement> indexKey) {
        List<AttributeDefinition> definitions = new ArrayList<>(definitions("pk", "S"));
        for (KeySchemaElement k : indexKey) {
            if (definitions.stream().noneMatch(d -> d.attributeName().equals(k.attributeName()))) {
                definitions.addAll(definitions(k.attributeName(), "S"));
            }
        }
        String name = Tables.uniqueName("multi-key-invalid");
        dynamo.createTable(c -> c.tableName(name).billingMode("PAY_PER_REQUEST").attributeDefinitions(definitions)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .globalSecondaryIndexes(i -> i.indexName("gsi").keySchema(indexKey).projection(p -> p.projectionType("ALL"))));
        Tables.delete(name);
    }

    @Test
    void tablesAndLocalIndexesKeepOnePartitionKeyAndOneSortKeyAttribute() {
        var e = assertError("ValidationException", null, () -> dynamo.createTable(c -> c.tableName(Tables.uniqueName("multi-key-lsi"))
                .billingMode("PAY_PER_REQUEST").attributeDefinitions(definitions("pk", "S", "sk", "S", "l", "S"))
                .keySchema(keys("pk", "HASH", "sk", "RANGE"))
                .localSecondaryIndexes(i -> i.indexName("l").keySchema(keys("pk", "HASH", "sk", "RANGE", "l", "RANGE"))
                        .projection(p -> p.projectionType("ALL")))));
        // The message names the elements as AWS's Java model prints them; only its constraint is compared.
        assertTrue(e.awsErrorDetails().errorMessage().endsWith("Member must have length less than or equal to 2"),
                e.awsErrorDetails().errorMessage());
    }
}
