package dev.eddy.conformance;

import static dev.eddy.conformance.Attrs.item;
import static dev.eddy.conformance.Attrs.n;
import static dev.eddy.conformance.Attrs.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Writes to one item are atomic: racing clients never lose an update and a condition admits one winner. */
class ConcurrencyTest {
    private static final int CLIENTS = 8;
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static String table;

    @BeforeAll
    static void createTable() {
        table = Tables.create("race", ScalarAttributeType.S, null);
    }

    @AfterAll
    static void deleteTable() {
        Tables.delete(table);
    }

    /** Runs {@code task} on every client at once and returns each one's answer. */
    private static <T> List<T> race(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void eightClientsAddingOneAThousandTimesEachCountToEightThousand() throws Exception {
        Map<String, AttributeValue> key = item("pk", s("counter"));
        race(() -> {
            for (int i = 0; i < 1000; i++) {
                dynamo.updateItem(r -> r.tableName(table).key(key).updateExpression("ADD hits :one")
                        .expressionAttributeValues(item(":one", n("1"))));
            }
            return null;
        });
        assertEquals(n("8000"), dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item().get("hits"));
    }

    @Test
    void racingConditionalPutsOnOneKeyLetExactlyOneWin() throws Exception {
        for (int round = 0; round < 20; round++) {
            String pk = "claim-" + round;
            List<String> winners = new ArrayList<>();
            List<Boolean> outcomes = race(() -> {
                String me = Thread.currentThread().getName();
                try {
                    dynamo.putItem(r -> r.tableName(table).item(item("pk", s(pk), "owner", s(me)))
                            .conditionExpression("attribute_not_exists(pk)"));
                    synchronized (winners) {
                        winners.add(me);
                    }
                    return true;
                } catch (ConditionalCheckFailedException e) {
                    return false;
                }
            });
            assertEquals(1, outcomes.stream().filter(b -> b).count(), "round " + round);
            assertEquals(s(winners.get(0)), dynamo.getItem(r -> r.tableName(table).key(item("pk", s(pk)))
                    .consistentRead(true)).item().get("owner"));
        }
    }
}
