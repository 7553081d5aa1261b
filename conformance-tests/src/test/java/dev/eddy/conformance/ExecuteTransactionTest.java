package dev.eddy.conformance;

import static dev.eddy.conformance.Attrs.item;
import static dev.eddy.conformance.Attrs.n;
import static dev.eddy.conformance.Attrs.s;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** ExecuteTransaction: PartiQL statements applied all or nothing, or read as of one instant. */
class ExecuteTransactionTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static String table;

    @BeforeAll
    static void createTable() {
        table = Tables.create("pql-tx", ScalarAttributeType.S, null);
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

    private static ParameterizedStatement statement(String text, AttributeValue... parameters) {
        ParameterizedStatement.Builder b = ParameterizedStatement.builder().statement(text);
        if (parameters.length > 0) b.parameters(Arrays.asList(parameters));
        return b.build();
    }

    private static ExecuteTransactionResponse transact(ParameterizedStatement... statements) {
        return dynamo.executeTransaction(r -> r.transactStatements(statements));
    }

    private static Map<String, AttributeValue> get(String k) {
        var got = dynamo.getItem(r -> r.tableName(table).key(item("pk", s(k))).consistentRead(true));
        return got.hasItem() ? got.item() : null;
    }

    @Test
    void writesApplyTogether() {
        String inserted = key();
        String updated = key();
        String deleted = key();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(updated), "n", n("1"))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(deleted))));
        transact(statement("INSERT INTO " + q() + " VALUE {'pk': ?, 'data': 'new'}", s(inserted)),
                statement("UPDATE " + q() + " SET n = n + 1 WHERE pk = ?", s(updated)),
                statement("DELETE FROM " + q() + " WHERE pk = ?", s(deleted)));
        assertEquals(item("pk", s(inserted), "data", s("new")), get(inserted));
        assertEquals(n("2"), get(updated).get("n"));
        assertNull(get(deleted));
    }

    @Test
    void oneRefusedStatementCancelsAllWithAReasonEach() {
        String existing = key();
        String fresh = key();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(existing), "data", s("existing"))));
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> transact(
                statement("INSERT INTO " + q() + " VALUE {'pk': ?, 'data': 'no'}", s(fresh)),
                statement("INSERT INTO " + q() + " VALUE {'pk': ?, 'data': 'no'}", s(existing))));
        assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons [None, DuplicateItem]",
                e.awsErrorDetails().errorMessage());
        List<CancellationReason> reasons = e.cancellationReasons();
        assertEquals("None", reasons.get(0).code());
        assertEquals("DuplicateItem", reasons.get(1).code());
        assertEquals("Duplicate primary key exists in table", reasons.get(1).message());
        assertNull(get(fresh));
        assertEquals(s("existing"), get(existing).get("data"));
    }

    @Test
    void aFailedConditionOrExistsCancelsAndCanReturnTheItem() {
        String k = key();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(k), "v", n("1"))));
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> dynamo.executeTransaction(r -> r
                .transactStatements(ParameterizedStatement.builder().statement("UPDATE " + q() + " SET v = 2 WHERE pk = ? AND v = 5")
                        .parameters(s(k)).returnValuesOnConditionCheckFailure("ALL_OLD").build(),
                        statement("EXISTS(SELECT * FROM " + q() + " WHERE pk = ?)", s(key())))));
        assertEquals("ConditionalCheckFailed", e.cancellationReasons().get(0).code());
        assertEquals(item("pk", s(k), "v", n("1")), e.cancellationReasons().get(0).item());
        assertEquals("ConditionalCheckFailed", e.cancellationReasons().get(1).code());

        transact(statement("EXISTS(SELECT * FROM " + q() + " WHERE pk = ? AND v = 1)", s(k)),
                statement("INSERT INTO " + q() + " VALUE {'pk': ?}", s(key())));
    }

    @Test
    void readsAnswerEachItemInOrder() {
        String k = key();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(k), "data", s("x"), "other", s("y"))));
        ExecuteTransactionResponse r = transact(statement("SELECT data FROM " + q() + " WHERE pk = ?", s(k)),
                statement("SELECT * FROM " + q() + " WHERE pk = ?", s(key())));
        assertEquals(2, r.responses().size());
        assertEquals(item("data", s("x")), r.responses().get(0).item());
        assertTrue(r.responses().get(1).item().isEmpty());
    }

    @Test
    void aReadMustBeByThePrimaryKey() {
        assertValidation("Validation failed in TransactStatements[1]: Select statements within ExecuteTransaction must specify "
                + "the primary key in the where clause.", () -> transact(statement("SELECT * FROM " + q() + " WHERE pk = 'a'"),
                statement("SELECT * FROM " + q() + " WHERE pk = 'b' AND v = 1")));
    }

    @Test
    void returningAndMixedKindsAndEmptyListsAreRefused() {
        assertValidation("Validation failed in TransactStatements[0]: RETURNING clause is not supported in ExecuteTransaction.",
                () -> transact(statement("UPDATE " + q() + " SET data = 'v' WHERE pk = 'x' RETURNING ALL NEW *")));
        assertValidation(null,
                () -> transact(statement("SELECT * FROM " + q() + " WHERE pk = 'a'"), statement("DELETE FROM " + q() + " WHERE pk = 'b'")));
        assertValidation("Validation failed in TransactStatements[0]: Statement wasn't well formed, can't be processed: Unexpected term",
                () -> transact(statement("SELECT * FROM " + q() + " WHERE")));
        assertValidation("1 validation error detected: Value '[]' at 'transactStatements' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1", () -> dynamo.executeTransaction(r -> r.transactStatements(List.of())));
        assertValidation(null,
                () -> transact(statement("DELETE FROM " + q() + " WHERE pk = 'a'"), statement("INSERT INTO " + q() + " VALUE {'pk': 'a'}")));
    }

    @Test
    void aReplayUnderTheSameTokenDoesNotWriteAgain() {
        String k = key();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s(k), "n", n("0"))));
        String token = key();
        List<ExecuteTransactionResponse> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(dynamo.executeTransaction(r -> r.clientRequestToken(token).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                    .transactStatements(statement("UPDATE " + q() + " SET n = n + 1 WHERE pk = ?", s(k)))));
        }
        assertEquals(n("1"), get(k).get("n"));
        assertEquals(2.0, answers.get(0).consumedCapacity().get(0).writeCapacityUnits());
        assertNull(answers.get(0).consumedCapacity().get(0).readCapacityUnits());
        assertEquals(2.0, answers.get(1).consumedCapacity().get(0).readCapacityUnits());
        assertNull(answers.get(1).consumedCapacity().get(0).writeCapacityUnits());
    }
}
