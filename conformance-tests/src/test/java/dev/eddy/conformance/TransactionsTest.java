package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertError;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class TransactionsTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static String accounts;
    private static String log;

    @BeforeAll
    static void create() {
        accounts = Tables.create("tx-accounts", ScalarAttributeType.S, null);
        log = Tables.create("tx-log", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    @AfterAll
    static void drop() {
        Tables.delete(accounts);
        Tables.delete(log);
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    private static List<TransactWriteItem> transferItems(String from, String to, long amount) {
        return List.of(
                TransactWriteItem.builder().update(u -> u.tableName(accounts).key(Map.of("pk", s(from)))
                        .updateExpression("SET balance = balance - :a").conditionExpression("balance >= :a")
                        .expressionAttributeValues(Map.of(":a", n(amount)))).build(),
                TransactWriteItem.builder().update(u -> u.tableName(accounts).key(Map.of("pk", s(to)))
                        .updateExpression("SET balance = balance + :a").expressionAttributeValues(Map.of(":a", n(amount)))).build());
    }

    @Test
    void allActionsApplyTogetherAcrossTables() {
        String id = UUID.randomUUID().toString();
        dynamo.transactWriteItems(t -> t.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(accounts).item(Map.of("pk", s(id), "balance", n(10)))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(log).item(Map.of("pk", s(id), "sk", n(1)))).build()));
        var got = dynamo.transactGetItems(t -> t.transactItems(
                TransactGetItem.builder().get(g -> g.tableName(accounts).key(Map.of("pk", s(id)))).build(),
                TransactGetItem.builder().get(g -> g.tableName(log).key(Map.of("pk", s(id), "sk", n(1)))).build(),
                TransactGetItem.builder().get(g -> g.tableName(log).key(Map.of("pk", s(id), "sk", n(2)))).build()));
        assertEquals(n(10), got.responses().get(0).item().get("balance"));
        assertEquals(s(id), got.responses().get(1).item().get("pk"));
        assertFalse(got.responses().get(2).hasItem());
    }

    @Test
    void aFailedConditionCancelsEveryActionWithReasonsInActionOrder() {
        String id = UUID.randomUUID().toString();
        dynamo.putItem(p -> p.tableName(accounts).item(Map.of("pk", s(id), "balance", n(5))));
        TransactionCanceledException e = (TransactionCanceledException) assertError("TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]",
                () -> dynamo.transactWriteItems(t -> t.transactItems(
                        TransactWriteItem.builder().put(p -> p.tableName(log).item(Map.of("pk", s(id), "sk", n(1)))).build(),
                        TransactWriteItem.builder().conditionCheck(c -> c.tableName(accounts).key(Map.of("pk", s(id)))
                                .conditionExpression("balance > :min").expressionAttributeValues(Map.of(":min", n(100)))
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())));
        List<CancellationReason> reasons = e.cancellationReasons();
        assertEquals("None", reasons.get(0).code());
        assertEquals("ConditionalCheckFailed", reasons.get(1).code());
        assertEquals("The conditional request failed", reasons.get(1).message());
        assertEquals(n(5), reasons.get(1).item().get("balance"));
        assertFalse(dynamo.getItem(g -> g.tableName(log).key(Map.of("pk", s(id), "sk", n(1)))).hasItem());
    }

    @Test
    void aCancelledTransactionNamesItsTextMessage() {
        String id = UUID.randomUUID().toString();
        RawHttp.Answer a = RawHttp.post("DynamoDB_20120810.TransactWriteItems", "{\"TransactItems\":[{\"ConditionCheck\":{"
                + "\"TableName\":\"" + accounts + "\",\"Key\":{\"pk\":{\"S\":\"" + id + "\"}},"
                + "\"ConditionExpression\":\"attribute_exists(pk)\"}}]}");
        assertEquals(400, a.status());
        assertEquals("com.amazonaws.dynamodb.v20120810#TransactionCanceledException", a.json().get("__type").asText());
        // The SDKs' model names this member "Message", as DynamoDB sends it.
        assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed]",
                a.json().path("Message").asText());
        assertFalse(a.json().has("message"), a.text());
        assertEquals("ConditionalCheckFailed", a.json().path("CancellationReasons").path(0).path("Code").asText());
    }

    @Test
    void anActionWithoutItsItemOrKeyIsNamedByItsPlaceWithTheRequestsOtherConstraints() {
        // As dynalite's tests record from DynamoDB.
        RawHttp.Answer a = RawHttp.post("DynamoDB_20120810.TransactWriteItems",
                "{\"TransactItems\":[{\"Update\":{}}],\"ReturnConsumedCapacity\":\"hi\"}");
        assertEquals("2 validation errors detected: Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; Value null at 'transactItems.1.member.update.key' "
                + "failed to satisfy constraint: Member must not be null", a.json().path("message").asText());
        a = RawHttp.post("DynamoDB_20120810.TransactGetItems", "{\"TransactItems\":[{\"Get\":{\"TableName\":\"" + accounts + "\"}}]}");
        assertEquals("1 validation error detected: Value null at 'transactItems.1.member.get.key' failed to satisfy constraint: "
                + "Member must not be null", a.json().path("message").asText());
    }

    @Test
    void aClientRequestTokenMakesARepeatANoOpAndRefusesOtherParameters() {
        String id = UUID.randomUUID().toString();
        dynamo.putItem(p -> p.tableName(accounts).item(Map.of("pk", s(id), "balance", n(0))));
        String token = UUID.randomUUID().toString();
        TransactWriteItem add = TransactWriteItem.builder().update(u -> u.tableName(accounts).key(Map.of("pk", s(id)))
                .updateExpression("SET balance = balance + :one").expressionAttributeValues(Map.of(":one", n(1)))).build();
        dynamo.transactWriteItems(t -> t.clientRequestToken(token).transactItems(add));
        dynamo.transactWriteItems(t -> t.clientRequestToken(token).transactItems(add));
        assertEquals(n(1), dynamo.getItem(g -> g.tableName(accounts).key(Map.of("pk", s(id)))).item().get("balance"));
        assertError("IdempotentParameterMismatchException", null, () -> dynamo.transactWriteItems(t -> t.clientRequestToken(token)
                .transactItems(TransactWriteItem.builder().delete(d -> d.tableName(accounts).key(Map.of("pk", s(id)))).build())));
    }

    @Test
    void invalidTransactionsAreRefusedWithAwsMessages() {
        String id = UUID.randomUUID().toString();
        assertValidation("Transaction request cannot include multiple operations on one item",
                () -> dynamo.transactWriteItems(t -> t.transactItems(
                        TransactWriteItem.builder().put(p -> p.tableName(accounts).item(Map.of("pk", s(id)))).build(),
                        TransactWriteItem.builder().delete(d -> d.tableName(accounts).key(Map.of("pk", s(id)))).build())));
        List<TransactWriteItem> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            int k = i;
            tooMany.add(TransactWriteItem.builder().put(p -> p.tableName(accounts).item(Map.of("pk", s(id + k)))).build());
        }
        assertValidation(null, () -> dynamo.transactWriteItems(t -> t.transactItems(tooMany)));
        assertError("ResourceNotFoundException", "Requested resource not found", () -> dynamo.transactGetItems(t -> t.transactItems(
                TransactGetItem.builder().get(g -> g.tableName("no-such-table").key(Map.of("pk", s(id)))).build())));
        // A read whose key does not match its table's schema cancels the transaction, with a reason of its own.
        var canceled = (TransactionCanceledException) assertError("TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError]",
                () -> dynamo.transactGetItems(t -> t.transactItems(
                        TransactGetItem.builder().get(g -> g.tableName(accounts).key(Map.of("pk", s(id)))).build(),
                        TransactGetItem.builder().get(g -> g.tableName(accounts).key(Map.of())).build())));
        assertEquals("ValidationError", canceled.cancellationReasons().get(1).code());
        assertEquals("The provided key element does not match the schema", canceled.cancellationReasons().get(1).message());
    }

    @Test
    void aTransactionsItemsMayComeToFourMegabytesAtMost() {
        String payload = "x".repeat(350_000);
        List<TransactWriteItem> puts = new ArrayList<>();
        long size = 0;
        for (int i = 0; i < 12; i++) {
            String pk = "tx-4mb-" + (char) ('a' + i);
            puts.add(TransactWriteItem.builder().put(p -> p.tableName(accounts).item(Map.of("pk", s(pk), "payload", s(payload))))
                    .build());
            size += 2 + pk.length() + 7 + payload.length();
        }
        String refused = "Transaction payload size cannot exceed 4MB. Payload Size: " + size;
        assertValidation(refused, () -> dynamo.transactWriteItems(t -> t.transactItems(puts)));
        assertTrue(dynamo.getItem(g -> g.tableName(accounts).key(Map.of("pk", s("tx-4mb-a")))).item().isEmpty());
        dynamo.transactWriteItems(t -> t.transactItems(puts.subList(0, 11)));
    }

    @Test
    void concurrentTransfersKeepTheTotalAndNoReaderSeesHalfATransfer() throws Exception {
        String prefix = UUID.randomUUID().toString();
        int accountCount = 8;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < accountCount; i++) {
            String id = prefix + "-" + i;
            ids.add(id);
            dynamo.putItem(p -> p.tableName(accounts).item(Map.of("pk", s(id), "balance", n(100))));
        }
        List<TransactGetItem> readAll = new ArrayList<>();
        for (String id : ids) readAll.add(TransactGetItem.builder().get(g -> g.tableName(accounts).key(Map.of("pk", s(id)))).build());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(pool.submit(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                for (int i = 0; i < 60; i++) {
                    String from = ids.get(r.nextInt(accountCount));
                    String to = ids.get(r.nextInt(accountCount));
                    if (from.equals(to)) continue;
                    try {
                        dynamo.transactWriteItems(t -> t.transactItems(transferItems(from, to, 1 + r.nextInt(40))));
                        committed.incrementAndGet();
                    } catch (TransactionCanceledException insufficientFunds) {
                        // the condition refused: nothing was written
                    }
                }
            }));
        }
        List<Future<?>> readers = new ArrayList<>();
        for (int rd = 0; rd < 2; rd++) {
            readers.add(pool.submit(() -> {
                while (writing.get()) {
                    long total = 0;
                    for (var response : dynamo.transactGetItems(t -> t.transactItems(readAll)).responses()) {
                        total += Long.parseLong(response.item().get("balance").n());
                    }
                    assertEquals(100L * accountCount, total);
                    reads.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : writers) f.get(120, TimeUnit.SECONDS);
        writing.set(false);
        for (Future<?> f : readers) f.get(120, TimeUnit.SECONDS);
        pool.shutdown();
        long total = 0;
        for (String id : ids) {
            long balance = Long.parseLong(dynamo.getItem(g -> g.tableName(accounts).key(Map.of("pk", s(id))).consistentRead(true))
                    .item().get("balance").n());
            assertTrue(balance >= 0);
            total += balance;
        }
        assertEquals(100L * accountCount, total);
        assertTrue(committed.get() > 0 && reads.get() > 0, committed + " transfers, " + reads + " reads");
    }
}
