package dev.eddy.conformance;

import static dev.eddy.conformance.Attrs.b;
import static dev.eddy.conformance.Attrs.bool;
import static dev.eddy.conformance.Attrs.item;
import static dev.eddy.conformance.Attrs.l;
import static dev.eddy.conformance.Attrs.m;
import static dev.eddy.conformance.Attrs.n;
import static dev.eddy.conformance.Attrs.ns;
import static dev.eddy.conformance.Attrs.nul;
import static dev.eddy.conformance.Attrs.s;
import static dev.eddy.conformance.Attrs.ss;
import static dev.eddy.conformance.Errors.assertError;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** ExecuteStatement: PartiQL SELECT, INSERT, UPDATE and DELETE on one table, as a user of AWS sees them. */
class ExecuteStatementTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static final String FAILED = "The conditional request failed";
    private static String hash;
    private static String composite;

    @BeforeAll
    static void createTables() {
        hash = Tables.create("pql-hash", ScalarAttributeType.S, null);
        composite = Tables.create("pql-composite", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    @AfterAll
    static void deleteTables() {
        Tables.delete(hash);
        Tables.delete(composite);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static ExecuteStatementResponse run(String statement, AttributeValue... parameters) {
        return dynamo.executeStatement(r -> {
            r.statement(statement);
            if (parameters.length > 0) r.parameters(Arrays.asList(parameters));
        });
    }

    private static Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        var got = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true));
        return got.hasItem() ? got.item() : null;
    }

    private static String q(String table) {
        return "\"" + table + "\"";
    }

    @Test
    void insertWritesTheItemAndSelectByKeyReadsItBack() {
        String k = key();
        ExecuteStatementResponse inserted = run("INSERT INTO " + q(hash) + " VALUE {'pk': ?, 'data': 'inserted', 'n': 5}", s(k));
        assertTrue(inserted.items().isEmpty());
        assertEquals(item("pk", s(k), "data", s("inserted"), "n", n("5")), get(hash, item("pk", s(k))));

        ExecuteStatementResponse read = run("SELECT * FROM " + q(hash) + " WHERE pk = ?", s(k));
        assertEquals(List.of(item("pk", s(k), "data", s("inserted"), "n", n("5"))), read.items());
        assertNull(read.nextToken());
    }

    @Test
    void insertOfAnExistingKeyIsDuplicateItemAndLeavesTheItem() {
        String k = key();
        run("INSERT INTO " + q(hash) + " VALUE {'pk': ?, 'data': 'first'}", s(k));
        assertError("DuplicateItemException", "Duplicate primary key exists in table",
                () -> run("INSERT INTO " + q(hash) + " VALUE {'pk': ?, 'data': 'second'}", s(k)));
        assertEquals(s("first"), get(hash, item("pk", s(k))).get("data"));
    }

    @Test
    void insertTakesEveryLiteralType() {
        String k = key();
        run("INSERT INTO " + q(hash) + " VALUE {'pk': ?, 's': 'x', 'n': -1.50, 'b': true, 'z': null, 'l': [1, 'a'], "
                + "'m': {'k': {'deep': 2}}, 'ss': <<'a', 'b'>>, 'ns': <<1, 2>>, 'bin': ?}", s(k), b("raw"));
        assertEquals(item("pk", s(k), "s", s("x"), "n", n("-1.5"), "b", bool(true), "z", nul(), "l", l(n("1"), s("a")),
                "m", m("k", m("deep", n("2"))), "ss", ss("a", "b"), "ns", ns("1", "2"), "bin", b("raw")),
                get(hash, item("pk", s(k))));
    }

    @Test
    void selectProjectsPathsUnderTheirLastName() {
        String k = key();
        dynamo.putItem(r -> r.tableName(hash).item(item("pk", s(k), "mymap", m("nested", s("deep")), "extra", s("no"),
                "tags", l(s("a"), s("b")))));
        assertEquals(List.of(item("nested", s("deep"))), run("SELECT mymap.nested FROM " + q(hash) + " WHERE pk = ?", s(k)).items());
        assertEquals(List.of(item("pk", s(k), "mymap", m("nested", s("deep")))),
                run("SELECT pk, mymap FROM " + q(hash) + " WHERE pk = ?", s(k)).items());
        assertEquals(List.of(item("pk", s(k))), run("SELECT pk, absent FROM " + q(hash) + " WHERE pk = ?", s(k)).items());
        assertEquals(List.of(item("nested", s("deep"))),
                run("SELECT \"mymap\".\"nested\" FROM " + q(hash) + " WHERE \"pk\" = ?", s(k)).items());
    }

    @Test
    void selectWithNoMatchAnswersAnEmptyItemsList() {
        ExecuteStatementResponse r = run("SELECT * FROM " + q(hash) + " WHERE pk = ?", s(key()));
        assertTrue(r.hasItems());
        assertTrue(r.items().isEmpty());
    }

    @Test
    void whereFiltersBeyondTheKey() {
        String k = key();
        dynamo.putItem(r -> r.tableName(hash).item(item("pk", s(k), "age", n("30"), "kind", s("alpha"))));
        String select = "SELECT pk FROM " + q(hash) + " WHERE pk = ? AND ";
        assertEquals(1, run(select + "age > 20", s(k)).items().size());
        assertEquals(0, run(select + "age > 30", s(k)).items().size());
        assertEquals(1, run(select + "age BETWEEN 30 AND 31", s(k)).items().size());
        assertEquals(1, run(select + "begins_with(kind, 'al')", s(k)).items().size());
        assertEquals(0, run(select + "NOT begins_with(\"kind\", 'al')", s(k)).items().size());
        assertEquals(1, run(select + "contains(kind, 'ph')", s(k)).items().size());
        assertEquals(1, run(select + "kind IS NOT MISSING AND other IS MISSING", s(k)).items().size());
        assertEquals(1, run(select + "attribute_type(age, 'N')", s(k)).items().size());
        assertEquals(1, run(select + "size(kind) = 5", s(k)).items().size());
        assertEquals(1, run(select + "(kind = 'beta' OR age IN [29, 30])", s(k)).items().size());
        assertEquals(1, run(select + "kind <> 'beta' AND kind != 'gamma'", s(k)).items().size());
    }

    @Test
    void equalityComparesSetsAndMapsByContentAndListsByOrder() {
        String k = key();
        dynamo.putItem(r -> r.tableName(hash).item(item("pk", s(k), "set", ss("a", "b", "c"), "map", m("x", n("1"), "y", n("2")),
                "list", l(s("a"), s("b")), "nothing", nul())));
        String select = "SELECT pk FROM " + q(hash) + " WHERE pk = ? AND ";
        assertEquals(1, run(select + "\"set\" = ?", s(k), ss("c", "a", "b")).items().size());
        assertEquals(1, run(select + "map = ?", s(k), m("y", n("2"), "x", n("1"))).items().size());
        assertEquals(0, run(select + "list = ?", s(k), l(s("b"), s("a"))).items().size());
        assertEquals(1, run(select + "list <> ?", s(k), l(s("b"), s("a"))).items().size());
        assertEquals(1, run(select + "nothing = ?", s(k), nul()).items().size());
    }

    @Test
    void binaryOrdersByItsBytesAndABinarySetComparesByContent() {
        String k = key();
        dynamo.putItem(r -> r.tableName(hash).item(item("pk", s(k), "bin", b("abc"), "bins", Attrs.bs("x", "y"))));
        String select = "SELECT pk FROM " + q(hash) + " WHERE pk = ? AND ";
        assertEquals(1, run(select + "bin < ?", s(k), b("abd")).items().size());
        assertEquals(0, run(select + "bin > ?", s(k), b("abd")).items().size());
        assertEquals(1, run(select + "bins = ?", s(k), Attrs.bs("y", "x")).items().size());
        assertEquals(0, run(select + "bins = ?", s(k), Attrs.bs("x", "z")).items().size());
    }

    @Test
    void anOrderingOperatorRefusesAValueWithNoOrder() {
        for (String op : List.of("<", "<=", ">", ">=")) {
            assertValidation("Incorrect operand type for operator or function; operator or function: " + op + ", operand type: BOOL",
                    () -> run("SELECT pk FROM " + q(hash) + " WHERE pk = 'x' AND val " + op + " ?", bool(true)));
        }
        assertValidation("Incorrect operand type for operator or function; operator or function: <, operand type: SS",
                () -> run("SELECT pk FROM " + q(hash) + " WHERE pk = 'x' AND val < ?", ss("a")));
        assertValidation("Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: M",
                () -> run("SELECT pk FROM " + q(hash) + " WHERE pk = 'x' AND val BETWEEN ? AND 3", m("a", s("b"))));
        run("SELECT pk FROM " + q(hash) + " WHERE pk = 'x' AND val < ?", n("5"));
        // checked before the table is looked up
        assertValidation("Incorrect operand type for operator or function; operator or function: <, operand type: BOOL",
                () -> run("SELECT pk FROM \"no-such-table-pql\" WHERE pk = 'x' AND val < ?", bool(true)));
    }

    @Test
    void selectOnTheSortKeyQueriesInOrderAndOrderByDescReverses() {
        String k = key();
        for (int i = 1; i <= 5; i++) {
            int sk = i;
            dynamo.putItem(r -> r.tableName(composite).item(item("pk", s(k), "sk", n(String.valueOf(sk)), "even", bool(sk % 2 == 0))));
        }
        assertEquals(List.of("2", "3", "4"), sortKeys(run("SELECT sk FROM " + q(composite) + " WHERE pk = ? AND sk BETWEEN 2 AND 4", s(k))));
        assertEquals(List.of("4", "5"), sortKeys(run("SELECT sk FROM " + q(composite) + " WHERE pk = ? AND sk > 3", s(k))));
        assertEquals(List.of("5", "4", "3", "2", "1"),
                sortKeys(run("SELECT sk FROM " + q(composite) + " WHERE pk = ? ORDER BY sk DESC", s(k))));
        assertEquals(List.of("2", "4"), sortKeys(run("SELECT sk FROM " + q(composite) + " WHERE pk = ? AND even = true", s(k))));
        assertEquals(List.of(item("pk", s(k), "sk", n("3"), "even", bool(false))),
                run("SELECT * FROM " + q(composite) + " WHERE pk = ? AND sk = 3", s(k)).items());
    }

    @Test
    void orderByNeedsAWhereOnThePartitionKeyAndOrdersOnlyByKeys() {
        // DynamoDB Local's texts for these; AWS's are not recorded, so only the error type is asserted.
        assertValidation(null, () -> run("SELECT * FROM " + q(composite) + " ORDER BY sk"));
        assertValidation(null, () -> run("SELECT * FROM " + q(composite) + " WHERE sk = 1 ORDER BY sk"));
        assertValidation(null, () -> run("SELECT * FROM " + q(composite) + " WHERE pk = 'a' ORDER BY other"));
        String a = key();
        String b = key();
        dynamo.putItem(r -> r.tableName(composite).item(item("pk", s(a), "sk", n("1"))));
        dynamo.putItem(r -> r.tableName(composite).item(item("pk", s(b), "sk", n("2"))));
        List<String> descending = new ArrayList<>();
        for (Map<String, AttributeValue> i : run("SELECT pk FROM " + q(composite) + " WHERE pk IN [?, ?] ORDER BY pk DESC", s(a), s(b)).items()) {
            descending.add(i.get("pk").s());
        }
        List<String> expected = new ArrayList<>(List.of(a, b));
        expected.sort(java.util.Comparator.reverseOrder());
        assertEquals(expected, descending);
    }

    private static List<String> sortKeys(ExecuteStatementResponse r) {
        List<String> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : r.items()) out.add(i.get("sk").n());
        return out;
    }

    @Test
    void limitAndNextTokenPageThroughAQueryAndTheTokenIsBoundToTheStatement() {
        String k = key();
        for (int i = 1; i <= 5; i++) {
            int sk = i;
            dynamo.putItem(r -> r.tableName(composite).item(item("pk", s(k), "sk", n(String.valueOf(sk)))));
        }
        String select = "SELECT sk FROM " + q(composite) + " WHERE pk = ?";
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String from = token;
            ExecuteStatementResponse page = dynamo.executeStatement(r -> r.statement(select).parameters(s(k)).limit(2).nextToken(from));
            assertTrue(page.items().size() <= 2);
            seen.addAll(sortKeys(page));
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 10);
        assertEquals(List.of("1", "2", "3", "4", "5"), seen);

        String minted = dynamo.executeStatement(r -> r.statement(select).parameters(s(k)).limit(1)).nextToken();
        assertNotNull(minted);
        assertValidation("NextToken does not match request", () -> dynamo.executeStatement(r -> r
                .statement("SELECT * FROM " + q(composite) + " WHERE pk = ?").parameters(s(k)).nextToken(minted)));
    }

    @Test
    void inAndOrOnThePartitionKeyReadEachItemCollection() {
        String a = key();
        String b = key();
        dynamo.putItem(r -> r.tableName(hash).item(item("pk", s(a), "v", n("1"))));
        dynamo.putItem(r -> r.tableName(hash).item(item("pk", s(b), "v", n("2"))));
        assertEquals(2, run("SELECT * FROM " + q(hash) + " WHERE pk IN [?, ?, 'absent-key']", s(a), s(b)).items().size());
        assertEquals(2, run("SELECT * FROM " + q(hash) + " WHERE pk = ? OR pk = ?", s(a), s(b)).items().size());
        assertEquals(1, run("SELECT * FROM " + q(hash) + " WHERE pk IN [?, ?] AND v = 2", s(a), s(b)).items().size());
    }

    @Test
    void aWhereWithoutTheKeyScans() {
        String marker = key();
        dynamo.putItem(r -> r.tableName(hash).item(item("pk", s(key()), "marker", s(marker))));
        dynamo.putItem(r -> r.tableName(hash).item(item("pk", s(key()), "marker", s(marker))));
        assertEquals(2, run("SELECT * FROM " + q(hash) + " WHERE marker = ?", s(marker)).items().size());
    }

    @Test
    void updateSetsAndRemovesOnAnExistingItem() {
        String k = key();
        dynamo.putItem(r -> r.tableName(hash).item(item("pk", s(k), "data", s("before"), "n", n("1"), "gone", s("x"),
                "tags", ss("a"), "list", l(n("1")))));
        run("UPDATE " + q(hash) + " SET data = 'after' SET n = n + 2, list = list_append(list, [2]) REMOVE gone "
                + "SET tags = set_add(tags, <<'b'>>) WHERE pk = ?", s(k));
        assertEquals(item("pk", s(k), "data", s("after"), "n", n("3"), "tags", ss("a", "b"), "list", l(n("1"), n("2"))),
                get(hash, item("pk", s(k))));
    }

    @Test
    void updateIsNoUpsertAndItsWhereBeyondTheKeyIsACondition() {
        String k = key();
        assertError("ConditionalCheckFailedException", FAILED,
                () -> run("UPDATE " + q(hash) + " SET data = 'new' WHERE pk = ?", s(k)));
        assertNull(get(hash, item("pk", s(k))));

        dynamo.putItem(r -> r.tableName(hash).item(item("pk", s(k), "name", s("alpha"), "n", n("5"))));
        assertError("ConditionalCheckFailedException", FAILED,
                () -> run("UPDATE " + q(hash) + " SET n = 9 WHERE pk = ? AND \"name\" = 'beta'", s(k)));
        assertEquals(n("5"), get(hash, item("pk", s(k))).get("n"));
        run("UPDATE " + q(hash) + " SET n = 9 WHERE pk = ? AND \"name\" = 'alpha'", s(k));
        assertEquals(n("9"), get(hash, item("pk", s(k))).get("n"));
    }

    @Test
    void aFailedConditionReturnsTheItemWhenAsked() {
        String k = key();
        dynamo.putItem(r -> r.tableName(hash).item(item("pk", s(k), "v", n("1"))));
        ConditionalCheckFailedException e = org.junit.jupiter.api.Assertions.assertThrows(ConditionalCheckFailedException.class,
                () -> dynamo.executeStatement(r -> r.statement("DELETE FROM " + q(hash) + " WHERE pk = ? AND v = 2")
                        .parameters(s(k)).returnValuesOnConditionCheckFailure("ALL_OLD")));
        assertEquals(item("pk", s(k), "v", n("1")), e.item());
    }

    @Test
    void deleteRemovesTheItemAndOfAMissingItemIsANoOp() {
        String k = key();
        dynamo.putItem(r -> r.tableName(hash).item(item("pk", s(k), "name", s("alpha"))));
        assertError("ConditionalCheckFailedException", FAILED,
                () -> run("DELETE FROM " + q(hash) + " WHERE pk = ? AND \"name\" = 'beta'", s(k)));
        assertNotNull(get(hash, item("pk", s(k))));
        run("DELETE FROM " + q(hash) + " WHERE pk = ?", s(k));
        assertNull(get(hash, item("pk", s(k))));
        run("DELETE FROM " + q(hash) + " WHERE pk = ? AND \"name\" = 'x'", s(k));
        run("INSERT INTO " + q(hash) + " VALUE {'pk': ?}", s(k));
        assertNotNull(get(hash, item("pk", s(k))));
    }

    @Test
    void returningGivesTheOldOrNewItemOrOnlyWhatChanged() {
        String k = key();
        dynamo.putItem(r -> r.tableName(hash).item(item("pk", s(k), "data", s("old"), "keep", s("same"),
                "tags", l(s("a"), s("b"), s("c")))));
        String update = "UPDATE " + q(hash) + " SET data = ? WHERE pk = ? RETURNING ";
        assertEquals(List.of(item("pk", s(k), "data", s("old"), "keep", s("same"), "tags", l(s("a"), s("b"), s("c")))),
                run(update + "ALL OLD *", s("v1"), s(k)).items());
        assertEquals(List.of(item("data", s("v1"))), run(update + "MODIFIED OLD *", s("v2"), s(k)).items());
        assertEquals(List.of(item("data", s("v3"))), run(update + "MODIFIED NEW *", s("v3"), s(k)).items());
        assertEquals(s("v4"), run(update + "ALL NEW *", s("v4"), s(k)).items().get(0).get("data"));
        assertEquals(List.of(item("tags", l(s("a"), s("c")))),
                run("UPDATE " + q(hash) + " SET tags[2] = 'y', tags[0] = 'x' WHERE pk = ? RETURNING MODIFIED OLD *", s(k)).items());
        assertTrue(run("UPDATE " + q(hash) + " REMOVE keep WHERE pk = ? RETURNING MODIFIED NEW *", s(k)).items().isEmpty());
        assertEquals(s("v4"), run("DELETE FROM " + q(hash) + " WHERE pk = ? RETURNING ALL OLD *", s(k)).items().get(0).get("data"));
        assertTrue(run("DELETE FROM " + q(hash) + " WHERE pk = ? RETURNING ALL OLD *", s(k)).items().isEmpty());
    }

    @Test
    void deleteAllowsOnlyReturningAllOld() {
        for (String r : List.of("MODIFIED OLD *", "ALL NEW *", "MODIFIED NEW *")) {
            assertValidation("Invalid returning clause: RETURNING " + r + ". Only RETURNING ALL OLD * is allowed in DELETE statements.",
                    () -> run("DELETE FROM " + q(hash) + " WHERE pk = 'x' RETURNING " + r));
        }
    }

    @Test
    void aWriteNeedsAnEqualityOnEveryKeyAttribute() {
        String message = "Where clause does not contain a mandatory equality on all key attributes";
        assertValidation(message, () -> run("DELETE FROM " + q(hash) + " WHERE \"name\" = 'alpha'"));
        assertValidation(message, () -> run("DELETE FROM " + q(composite) + " WHERE pk = 'a'"));
        assertValidation(message, () -> run("UPDATE " + q(hash) + " SET a = 1"));
        assertValidation(message, () -> run("UPDATE " + q(hash) + " SET a = 1 WHERE pk = 'a' OR pk = 'b'"));
        assertValidation("Multiple conditions on same key pk. Only single item Update/Insert/Delete are supported",
                () -> run("DELETE FROM " + q(hash) + " WHERE pk = 'a' AND pk = 'b'"));
        assertValidation("Key attribute's data type should match its data type in table's schema: Key sk",
                () -> run("DELETE FROM " + q(composite) + " WHERE pk = 'a' AND sk = 'one'"));
        assertValidation("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key",
                () -> run("UPDATE " + q(hash) + " SET pk = 'b' WHERE pk = 'a'"));
    }

    @Test
    void writesLandInTheTablesStreamAsAnyWriteDoes() {
        String streamed = Tables.create("pql-stream", ScalarAttributeType.S, null, b -> b.streamSpecification(
                x -> x.streamEnabled(true).streamViewType(software.amazon.awssdk.services.dynamodb.model.StreamViewType.NEW_AND_OLD_IMAGES)));
        try {
            StreamConsumer consumer = new StreamConsumer(StreamConsumer.streamArnOf(streamed));
            run("INSERT INTO " + q(streamed) + " VALUE {'pk': 'a', 'v': 1}");
            run("UPDATE " + q(streamed) + " SET v = 2 WHERE pk = 'a'");
            run("DELETE FROM " + q(streamed) + " WHERE pk = 'a'");
            dynamo.executeTransaction(r -> r.transactStatements(x -> x.statement("INSERT INTO " + q(streamed) + " VALUE {'pk': 'b'}")));
            // A stream orders records per item, not across items.
            Map<String, List<String>> events = new java.util.TreeMap<>();
            for (var record : consumer.poll()) {
                events.computeIfAbsent(record.dynamodb().keys().get("pk").s(), x -> new ArrayList<>()).add(record.eventNameAsString());
            }
            assertEquals(Map.of("a", List.of("INSERT", "MODIFY", "REMOVE"), "b", List.of("INSERT")), events);
        } finally {
            Tables.delete(streamed);
        }
    }

    @Test
    void consumedCapacityIsReportedWhenAsked() {
        String k = key();
        run("INSERT INTO " + q(hash) + " VALUE {'pk': ?, 'v': 1}", s(k));
        ExecuteStatementResponse read = dynamo.executeStatement(r -> r.statement("SELECT * FROM " + q(hash) + " WHERE pk = ?")
                .parameters(s(k)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(hash, read.consumedCapacity().tableName());
        assertEquals(0.5, read.consumedCapacity().capacityUnits());
        ExecuteStatementResponse consistent = dynamo.executeStatement(r -> r.statement("SELECT * FROM " + q(hash) + " WHERE pk = ?")
                .parameters(s(k)).consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(1.0, consistent.consumedCapacity().capacityUnits());
        ExecuteStatementResponse write = dynamo.executeStatement(r -> r.statement("UPDATE " + q(hash) + " SET v = 2 WHERE pk = ?")
                .parameters(s(k)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(1.0, write.consumedCapacity().capacityUnits());
    }

    @Test
    void aTableThatDoesNotExistIsResourceNotFound() {
        assertError("ResourceNotFoundException", "Requested resource not found",
                () -> run("SELECT * FROM \"pql-never-created\" WHERE pk = 'x'"));
        assertError("ResourceNotFoundException", "Requested resource not found",
                () -> run("FROM \"pql-never-created\" WHERE pk = 'x' SET c = 1"));
    }

    @Test
    void parametersMustMatchTheStatementsPlaceholders() {
        assertValidation(null, () -> run("SELECT * FROM " + q(hash) + " WHERE pk = ?"));
        assertValidation(null, () -> run("SELECT * FROM " + q(hash) + " WHERE pk = 'a'", s("b")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "SELECTT * FROMM \"T\" | Statement wasn't well formed, can't be processed: Unexpected token after expression",
            "SLECT * FROM \"T\" WHERE pk = 'a' | Statement wasn't well formed, can't be processed: Expected data manipulation",
            "SELECT * FROM \"T\" WHERE pk = 'a' foo | Statement wasn't well formed, can't be processed: Unexpected token after expression",
            "SELECT * FROM \"T\" WHERE pk = 'a') | Statement wasn't well formed, can't be processed: Unexpected token after expression",
            "SELECT * FROM \"T\" ORDER BY pk WHERE pk = 'a' | Statement wasn't well formed, can't be processed: Unexpected token after expression",
            "SELECT * FROM \"T\" WHERE | Statement wasn't well formed, can't be processed: Unexpected term",
            "SELECT * FROM \"T\" WHERE NOT | Statement wasn't well formed, can't be processed: Unexpected term",
            "SELECT * FROM \"T\" WHERE ( | Statement wasn't well formed, can't be processed: Unexpected term",
            "SELECT * FROM | Statement wasn't well formed, can't be processed: Unexpected term",
            "SELECT * FROM \"T\" WHERE pk = 'a' AND | Statement wasn't well formed, can't be processed: Missing right-hand side expression of infix operator",
            "SELECT * FROM \"T\" WHERE ORDER BY pk | Statement wasn't well formed, can't be processed: Unexpected keyword",
            "SELECT * FROM \"T\" WHERE IS NULL | Statement wasn't well formed, can't be processed: Unexpected operator",
            "SELECT * FROM \"T\" WHERE pk = LIKE | Statement wasn't well formed, can't be processed: Unexpected operator",
            "SELECT * FROM \"T\" WHERE pk = 'a' AND x IS FOO | Statement wasn't well formed, can't be processed: Expected type name",
            "DELETE FROM | Statement wasn't well formed, can't be processed: Expected identifier for simple path",
            "DELETE FROM WHERE pk = 'a' | Statement wasn't well formed, can't be processed: Expected identifier for simple path",
            "SELECT * FROM \"T\" WHERE pk = 1 # note | `Statement wasn't well formed, can't be processed: `",
            "SELECT * FROM \"T | `Statement wasn't well formed, can't be processed: `",
            "SELECT * FROM \"T\" WHERE pk = 1e2147483648 | `Statement wasn't well formed, can't be processed: `",
            "SELECT * FROM \"T\" t WHERE pk = 'x' | Aliasing is not supported",
            "UPDATE \"T\" t SET a = 3 WHERE pk = 'x' | Aliasing is not supported",
            "INSERT INTO \"T\" t VALUE {'pk': 'x'} | Statement wasn't well formed, can't be processed: Unexpected token after expression",
            "x IS INT4 | Unsupported operation: IsType",
            "SELECT * FROM \"T\".\"i\".\"x\" WHERE pk = 'p' | A path may contain at most 2 components in the FROM clause",
            "SELECT * FROM \"\" WHERE pk = 'p' | Path component cannot be an empty string",
    })
    void aStatementThatDoesNotParseIsRefusedWithAwssReason(String statement, String message) {
        assertValidation(message, () -> run(statement.replace("\"T\"", q(hash)).replace("\"T", "\"" + hash)));
    }

    @Test
    void numberLiteralsOutsideDynamoDbsRangeNameWhereTheyAre() {
        String overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
        assertValidation(overflow + " under root", () -> run("SELECT * FROM " + q(hash) + " WHERE pk = 1e126"));
        assertValidation(overflow + " under root.x", () -> run("INSERT INTO " + q(hash) + " VALUE {'pk': 'a', 'm': {'x': 1e126}}"));
        assertValidation(overflow + " under root[1]", () -> run("INSERT INTO " + q(hash) + " VALUE {'pk': 'a', 'l': [1, 1e126]}"));
        assertValidation("Attempting to store more than 38 significant digits in a Number under root",
                () -> run("SELECT * FROM " + q(hash) + " WHERE pk = 123456789012345678901234567890123456789"));
    }

    @Test
    void anInsertNeedsTheKeyWithItsTypeAndNoOtherForm() {
        // DynamoDB Local's texts for these; AWS's are not recorded, so only the error type is asserted.
        assertValidation(null, () -> run("INSERT INTO " + q(hash) + " VALUE {'other': 'x'}"));
        assertValidation("Key attribute's data type should match its data type in table's schema: Key pk",
                () -> run("INSERT INTO " + q(hash) + " VALUE {'pk': 1}"));
        assertValidation("RETURNING is not supported in INSERT",
                () -> run("INSERT INTO " + q(hash) + " VALUE {'pk': 'x'} RETURNING ALL OLD *"));
        assertValidation(null, () -> run("INSERT INTO " + q(hash) + " <<{'pk': 'x'}>>"));
        assertValidation(null, () -> run("INSERT INTO " + q(hash) + " VALUE {'pk': 'x', 'pk': 'y'}"));
    }
}
