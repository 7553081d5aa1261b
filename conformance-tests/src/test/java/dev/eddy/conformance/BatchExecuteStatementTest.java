package dev.eddy.conformance;

import static dev.eddy.conformance.Attrs.item;
import static dev.eddy.conformance.Attrs.n;
import static dev.eddy.conformance.Attrs.s;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** BatchExecuteStatement: many PartiQL statements, each answered on its own, as a user of AWS sees them. */
class BatchExecuteStatementTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static String table;

    @BeforeAll
    static void createTable() {
        table = Tables.create("pql-batch", ScalarAttributeType.S, null);
    }

    @AfterAll
    static void deleteTable() {
        Tables.delete(table);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String q() {
        return "\"" + table + "\"";
    }

    private static BatchStatementRequest statement(String text, AttributeValue... parameters) {
        BatchStatementRequest.Builder b = BatchStatementRequest.builder().statement(text);
        if (parameters.length > 0) b.parameters(Arrays.asList(parameters));
        return b.build();
    }

    private static List<BatchStatementResponse> batch(BatchStatementRequest... statements) {
        return dynamo.batchExecuteStatement(r -> r.statements(statements)).responses();
    }

    private static Map<String, AttributeValue> get(String k) {
        var got = dynamo.getItem(r -> r.tableName(table).key(item("pk", s(k))).consistentRead(true));
        return got.hasItem() ? got.item() : null;
    }

    @Test
    void selectsAnswerEachItemInStatementOrder() {
        String a = key();
        String b = key();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(a), "data", s("one"))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(b), "data", s("two"))));
        List<BatchStatementResponse> r = batch(statement("SELECT * FROM " + q() + " WHERE pk = ?", s(b)),
                statement("SELECT data FROM " + q() + " WHERE pk = ?", s(a)),
                statement("SELECT * FROM " + q() + " WHERE pk = ?", s(key())));
        assertEquals(item("pk", s(b), "data", s("two")), r.get(0).item());
        assertEquals(table, r.get(0).tableName());
        assertEquals(item("data", s("one")), r.get(1).item());
        assertTrue(r.get(2).item().isEmpty());
        assertNull(r.get(2).error());
    }

    @Test
    void writesApplyEachOnItsOwn() {
        String inserted = key();
        String updated = key();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(updated), "data", s("before"))));
        List<BatchStatementResponse> r = batch(statement("INSERT INTO " + q() + " VALUE {'pk': ?, 'data': 'new'}", s(inserted)),
                statement("UPDATE " + q() + " SET data = 'after' WHERE pk = ?", s(updated)));
        assertNull(r.get(0).error());
        assertEquals(table, r.get(0).tableName());
        assertEquals(s("new"), get(inserted).get("data"));
        assertEquals(s("after"), get(updated).get("data"));
    }

    @Test
    void aFailingMemberAnswersItsErrorAndTheOthersStillRun() {
        String k = key();
        String fresh = key();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(k), "val", s("here"))));
        List<BatchStatementResponse> r = batch(
                statement("UPDATE " + q() + " SET touched = 'yes' WHERE pk = ? AND val = 'wrong'", s(k)),
                statement("INSERT INTO " + q() + " VALUE {'pk': ?}", s(k)),
                statement("INSERT INTO \"pql-batch-never-created\" VALUE {'pk': 'x'}"),
                statement("SLECT * FROM " + q() + " WHERE pk = ?", s(k)),
                statement("DELETE FROM " + q() + " WHERE pk = 'x' RETURNING MODIFIED OLD *"),
                statement("INSERT INTO " + q() + " VALUE {'pk': ?}", s(fresh)));
        assertEquals(List.of("ConditionalCheckFailed", "DuplicateItem", "ResourceNotFound", "ValidationError", "ValidationError"),
                codes(r.subList(0, 5)));
        assertEquals(List.of("The conditional request failed", "Duplicate primary key exists in table", "Requested resource not found",
                "Statement wasn't well formed, can't be processed: Expected data manipulation",
                "Invalid returning clause: RETURNING MODIFIED OLD *. Only RETURNING ALL OLD * is allowed in DELETE statements."),
                messages(r.subList(0, 5)));
        assertEquals(table, r.get(0).tableName());
        assertEquals(table, r.get(1).tableName());
        assertNull(r.get(2).tableName());
        assertNull(r.get(3).tableName());
        assertNull(r.get(5).error());
        assertEquals(item("pk", s(fresh)), get(fresh));
        assertNull(get(k).get("touched"));
    }

    @Test
    void aFailedConditionNeverReturnsTheItem() {
        String k = key();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(k), "val", s("here"))));
        BatchStatementResponse r = dynamo.batchExecuteStatement(b -> b.statements(BatchStatementRequest.builder()
                .statement("DELETE FROM " + q() + " WHERE pk = ? AND val = 'wrong'").parameters(s(k))
                .returnValuesOnConditionCheckFailure("ALL_OLD").build())).responses().get(0);
        assertEquals("ConditionalCheckFailed", r.error().codeAsString());
        assertTrue(r.item().isEmpty());
    }

    @Test
    void returningComesBackAsTheMembersItem() {
        String deleted = key();
        String updated = key();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(deleted), "data", s("gone"))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(updated), "data", s("old"))));
        List<BatchStatementResponse> r = batch(statement("DELETE FROM " + q() + " WHERE pk = ? RETURNING ALL OLD *", s(deleted)),
                statement("UPDATE " + q() + " REMOVE data WHERE pk = ? RETURNING MODIFIED NEW *", s(updated)));
        assertEquals(item("pk", s(deleted), "data", s("gone")), r.get(0).item());
        assertTrue(r.get(1).item().isEmpty());
        assertEquals(table, r.get(1).tableName());
        assertNull(get(deleted));
    }

    @Test
    void aSelectMustNameThePrimaryKeyAndNothingElse() {
        String message = "Select statements within BatchExecuteStatement must specify the primary key in the where clause.";
        String k = key();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(k), "val", s("v"))));
        List<BatchStatementResponse> r = batch(statement("SELECT * FROM " + q() + " WHERE val = 'v'"),
                statement("SELECT * FROM " + q() + " WHERE pk = ? AND val = 'v'", s(k)),
                statement("SELECT * FROM " + q() + " WHERE pk = ?", s(k)));
        assertEquals(List.of("ValidationError", "ValidationError"), codes(r.subList(0, 2)));
        assertEquals(List.of(message, message), messages(r.subList(0, 2)));
        assertNull(r.get(0).tableName());
        assertEquals(item("pk", s(k), "val", s("v")), r.get(2).item());
    }

    @Test
    void readsAndWritesDoNotMixAndABatchIsOneToTwentyFive() {
        assertValidation(null,
                () -> batch(statement("SELECT * FROM " + q() + " WHERE pk = 'a'"), statement("DELETE FROM " + q() + " WHERE pk = 'a'")));
        assertValidation("1 validation error detected: Value '[]' at 'statements' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1", () -> dynamo.batchExecuteStatement(r -> r.statements(List.of())));
        List<BatchStatementRequest> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) many.add(statement("SELECT * FROM " + q() + " WHERE pk = 'k" + i + "'"));
        var e = assertValidation(null, () -> dynamo.batchExecuteStatement(r -> r.statements(many)));
        assertTrue(e.awsErrorDetails().errorMessage().endsWith("at 'statements' failed to satisfy constraint: "
                + "Member must have length less than or equal to 25"));
    }

    @Test
    void consistentReadIsRatedPerMember() {
        String a = key();
        String b = key();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(a), "v", n("1"))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(b), "v", n("2"))));
        String select = "SELECT * FROM " + q() + " WHERE pk = ?";
        BatchExecuteStatementResponse r = dynamo.batchExecuteStatement(x -> x.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .statements(BatchStatementRequest.builder().statement(select).parameters(s(a)).consistentRead(true).build(),
                        BatchStatementRequest.builder().statement(select).parameters(s(b)).build()));
        double total = 0;
        for (ConsumedCapacity c : r.consumedCapacity()) total += c.capacityUnits();
        assertEquals(1.5, total);
        assertEquals(table, r.consumedCapacity().get(0).tableName());
    }

    private static List<String> codes(List<BatchStatementResponse> r) {
        List<String> out = new ArrayList<>();
        for (BatchStatementResponse x : r) out.add(x.error() == null ? null : x.error().codeAsString());
        return out;
    }

    private static List<String> messages(List<BatchStatementResponse> r) {
        List<String> out = new ArrayList<>();
        for (BatchStatementResponse x : r) out.add(x.error() == null ? null : x.error().message());
        return out;
    }
}
