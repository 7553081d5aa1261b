package dev.eddy.conformance;

import static dev.eddy.conformance.Attrs.item;
import static dev.eddy.conformance.Attrs.s;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * SELECT from {@code "table"."index"}: which items an index holds, what it projects, when a
 * local index reaches back to the table and a global one refuses, and where capacity lands.
 */
class PartiQLIndexTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static String table;

    @BeforeAll
    static void createTable() {
        table = Tables.create("pql-idx", ScalarAttributeType.S, ScalarAttributeType.S, b -> b
                .attributeDefinitions(definition("pk"), definition("sk"), definition("gsiPk"), definition("gsiPk2"),
                        definition("lsiSk"), definition("lsiSk2"), definition("lsiSk3"))
                .globalSecondaryIndexes(global("gsi-all", "gsiPk", Projection.builder().projectionType(ProjectionType.ALL).build()),
                        global("gsi-inc", "gsiPk2", Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("projattr").build()),
                        global("gsi-keys", "gsiPk2", Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()))
                .localSecondaryIndexes(local("lsi-all", "lsiSk", Projection.builder().projectionType(ProjectionType.ALL).build()),
                        local("lsi-keys", "lsiSk2", Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()),
                        local("lsi-inc", "lsiSk3", Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("projattr").build())));
        for (int i : new int[] {1, 2, 4}) {
            dynamo.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", s("s" + i), "gsiPk", s(i == 2 ? "z" : "x"),
                    "gsiPk2", s("y"), "lsiSk", s("l" + i), "lsiSk2", s("k" + i), "lsiSk3", s("m" + i), "projattr", s("proj" + i),
                    "nonproj", s("np" + i))));
        }
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", s("s3"), "nonproj", s("np3"))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("q"), "sk", s("s5"), "gsiPk2", s("y2"), "projattr", s("proj5"),
                "nonproj", s("np5"))));
    }

    @AfterAll
    static void deleteTable() {
        Tables.delete(table);
    }

    private static AttributeDefinition definition(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static GlobalSecondaryIndex global(String name, String partitionKey, Projection projection) {
        return GlobalSecondaryIndex.builder().indexName(name).projection(projection)
                .keySchema(k -> k.attributeName(partitionKey).keyType(KeyType.HASH)).build();
    }

    private static LocalSecondaryIndex local(String name, String sortKey, Projection projection) {
        return LocalSecondaryIndex.builder().indexName(name).projection(projection)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName(sortKey).keyType(KeyType.RANGE))
                .build();
    }

    private static String from(String index) {
        return "\"" + table + "\"" + (index == null ? "" : ".\"" + index + "\"");
    }

    private static ExecuteStatementResponse select(String statement) {
        return dynamo.executeStatement(r -> r.statement(statement).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
    }

    private static List<String> sortKeys(ExecuteStatementResponse r) {
        List<String> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : r.items()) out.add(i.get("sk").s());
        out.sort(null);
        return out;
    }

    private static double tableUnits(ConsumedCapacity c) {
        return c.table() == null || c.table().capacityUnits() == null ? 0 : c.table().capacityUnits();
    }

    @Test
    void anIndexHoldsOnlyTheItemsWithItsKey() {
        assertEquals(List.of("s1", "s4"), sortKeys(select("SELECT pk, sk FROM " + from("gsi-all") + " WHERE gsiPk = 'x'")));
        assertEquals(List.of("s1", "s2", "s3", "s4"), sortKeys(select("SELECT pk, sk FROM " + from(null) + " WHERE pk = 'p'")));
    }

    @Test
    void selectStarReturnsWhatTheIndexProjects() {
        ExecuteStatementResponse keys = select("SELECT * FROM " + from("gsi-keys") + " WHERE gsiPk2 = 'y'");
        assertEquals(3, keys.items().size());
        for (Map<String, AttributeValue> i : keys.items()) assertEquals(List.of("gsiPk2", "pk", "sk"), new ArrayList<>(new TreeSet<>(i.keySet())));
        for (Map<String, AttributeValue> i : select("SELECT * FROM " + from("gsi-inc") + " WHERE gsiPk2 = 'y'").items()) {
            assertEquals(List.of("gsiPk2", "pk", "projattr", "sk"), new ArrayList<>(new TreeSet<>(i.keySet())));
        }
        ExecuteStatementResponse local = select("SELECT * FROM " + from("lsi-keys") + " WHERE pk = 'p'");
        assertEquals(3, local.items().size());
        for (Map<String, AttributeValue> i : local.items()) assertEquals(List.of("lsiSk2", "pk", "sk"), new ArrayList<>(new TreeSet<>(i.keySet())));
        assertEquals(0, tableUnits(keys.consumedCapacity()));
        assertEquals(keys.consumedCapacity().capacityUnits(), keys.consumedCapacity().globalSecondaryIndexes().get("gsi-keys").capacityUnits());
        assertEquals(0, tableUnits(local.consumedCapacity()));
    }

    @Test
    void aLocalIndexFetchesWhatItDoesNotProjectAndAGlobalOneRefuses() {
        ExecuteStatementResponse fetched = select("SELECT nonproj FROM " + from("lsi-keys") + " WHERE pk = 'p'");
        assertEquals(3, fetched.items().size());
        for (Map<String, AttributeValue> i : fetched.items()) assertNotNull(i.get("nonproj"));
        assertTrue(tableUnits(fetched.consumedCapacity()) > 0);
        assertEquals(0, tableUnits(select("SELECT lsiSk2 FROM " + from("lsi-keys") + " WHERE pk = 'p'").consumedCapacity()));
        assertValidation("One or more parameter values were invalid: Global secondary index gsi-inc does not project [nonproj]",
                () -> select("SELECT nonproj FROM " + from("gsi-inc") + " WHERE gsiPk2 = 'y'"));
        ExecuteStatementResponse none = select("SELECT nonproj FROM " + from("lsi-inc") + " WHERE pk = 'p' AND projattr = 'nothing'");
        ExecuteStatementResponse all = select("SELECT nonproj FROM " + from("lsi-inc") + " WHERE pk = 'p'");
        assertEquals(0, none.items().size());
        assertEquals(3, all.items().size());
        assertEquals(tableUnits(all.consumedCapacity()), tableUnits(none.consumedCapacity()));
        ExecuteStatementResponse one = dynamo.executeStatement(r -> r.statement("SELECT nonproj FROM " + from("lsi-keys")
                + " WHERE pk = 'p'").limit(1).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(1, one.items().size());
        assertTrue(tableUnits(one.consumedCapacity()) < tableUnits(fetched.consumedCapacity()));
    }

    @Test
    void aKeyedReadMayFilterOnlyOnWhatTheIndexProjects() {
        String message = "One or more parameter values were invalid: Secondary index %s does not project one or more filter attributes: [nonproj]";
        assertValidation(String.format(message, "gsi-inc"), () -> select("SELECT pk FROM " + from("gsi-inc") + " WHERE gsiPk2 = 'y' AND nonproj = 'np1'"));
        assertValidation(String.format(message, "lsi-keys"), () -> select("SELECT pk FROM " + from("lsi-keys") + " WHERE pk = 'p' AND nonproj = 'np1'"));
        assertValidation(String.format(message, "gsi-inc"), () -> select("SELECT pk FROM " + from("gsi-inc") + " WHERE gsiPk2 IN ['y', 'z'] AND NOT nonproj IS MISSING"));
        assertEquals(0, select("SELECT pk FROM " + from("gsi-inc") + " WHERE nonproj = 'np1'").items().size());
        assertEquals(1, select("SELECT pk FROM " + from("gsi-inc") + " WHERE gsiPk2 = 'y' AND projattr = 'proj1'").items().size());
        assertEquals(List.of("s1", "s2", "s4", "s5"), sortKeys(select("SELECT pk, sk FROM " + from("gsi-keys") + " WHERE NOT nonproj = 'np1'")));
        assertEquals(List.of("s5"), sortKeys(select("SELECT pk, sk FROM " + from("gsi-inc")
                + " WHERE (gsiPk2 = 'y' AND nonproj = 'np1') OR (gsiPk2 = 'y2')")));
    }

    @Test
    void aQualifiedReadPagesWithATokenBoundToItsIndex() {
        ExecuteStatementResponse first = dynamo.executeStatement(r -> r.statement("SELECT pk, sk FROM " + from("gsi-all") + " WHERE gsiPk = 'x'").limit(1));
        assertEquals(1, first.items().size());
        assertNotNull(first.nextToken());
        ExecuteStatementResponse second = dynamo.executeStatement(r -> r.statement("SELECT pk, sk FROM " + from("gsi-all") + " WHERE gsiPk = 'x'")
                .nextToken(first.nextToken()));
        List<String> seen = new ArrayList<>(sortKeys(first));
        seen.addAll(sortKeys(second));
        seen.sort(null);
        assertEquals(List.of("s1", "s4"), seen);
        assertValidation("NextToken does not match request", () -> dynamo.executeStatement(r -> r
                .statement("SELECT pk, sk FROM " + from("gsi-keys") + " WHERE gsiPk2 = 'y'").nextToken(first.nextToken())));
    }

    @Test
    void consistentReadDoublesAnIndexArmAndAGlobalIndexRefusesIt() {
        ExecuteStatementResponse eventual = select("SELECT pk FROM " + from("lsi-all") + " WHERE pk = 'p'");
        ExecuteStatementResponse consistent = dynamo.executeStatement(r -> r.statement("SELECT pk FROM " + from("lsi-all") + " WHERE pk = 'p'")
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(eventual.consumedCapacity().localSecondaryIndexes().get("lsi-all").capacityUnits() * 2,
                consistent.consumedCapacity().localSecondaryIndexes().get("lsi-all").capacityUnits());
        assertValidation("Strongly consistent read is not supported on Global Secondary Indexes", () -> dynamo.executeStatement(r -> r
                .statement("SELECT * FROM " + from("gsi-all") + " WHERE gsiPk = 'x'").consistentRead(true)));
    }

    @Test
    void aQualifierMustNameOneExistingIndexAndOnlyASelectTakesOne() {
        assertValidation("The table does not have the specified index", () -> select("SELECT * FROM " + from("no-such-index") + " WHERE pk = 'p'"));
        assertValidation("The table does not have the specified index", () -> select("SELECT * FROM " + from(table) + " WHERE pk = 'p'"));
        assertValidation("A path may contain at most 2 components in the FROM clause",
                () -> select("SELECT * FROM " + from("gsi-all") + ".\"extra\" WHERE pk = 'p'"));
        assertValidation("Path component cannot be an empty string", () -> select("SELECT * FROM " + from(table.substring(0, 0)) + " WHERE pk = 'p'"));
        assertValidation("FROM clause may only contain a single table name in data manipulation statements",
                () -> select("INSERT INTO " + from("no-such-index") + " VALUE {'pk': 'w1', 'sk': 'w1'}"));
        assertValidation("This operation is not supported on an index",
                () -> select("UPDATE " + from("gsi-all") + " SET projattr = 'z' WHERE pk = 'p' AND sk = 's1'"));
        assertValidation("This operation is not supported on an index",
                () -> select("DELETE FROM " + from("gsi-all") + " WHERE pk = 'p' AND sk = 's1'"));
        assertValidation("Validation failed in TransactStatements[0]: Reads on indices are not supported within transactions.",
                () -> dynamo.executeTransaction(r -> r.transactStatements(ParameterizedStatement.builder()
                        .statement("SELECT * FROM " + from("gsi-all") + " WHERE gsiPk = 'x'").build())));
        assertEquals(1, dynamo.executeTransaction(r -> r.transactStatements(ParameterizedStatement.builder()
                .statement("SELECT * FROM " + from(null) + " WHERE pk = 'p' AND sk = 's1'").build())).responses().size());
    }
}
