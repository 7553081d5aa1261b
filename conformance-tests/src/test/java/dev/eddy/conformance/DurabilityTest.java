package dev.eddy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** Acknowledged writes survive kill -9 and restarts; one data directory serves one process. */
class DurabilityTest {
    @TempDir
    Path dataDirectory;

    @BeforeEach
    void onlyForEddyItself() {
        Assumptions.assumeFalse(!System.getProperty("eddy.endpoint", "").isBlank(),
                "starts and kills its own Eddy processes");
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (EddyProcess eddy = EddyProcess.start(dataDirectory)) {
            DynamoDbClient client = eddy.client();
            client.createTable(r -> r.tableName("durable")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .billingMode("PAY_PER_REQUEST"));
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                Thread t = new Thread(() -> {
                    for (int i = 0; running.get() && i < 100_000; i++) {
                        String id = writer + "-" + i;
                        try {
                            client.putItem(r -> r.tableName("durable").item(item(id)));
                            acknowledged.add(id);
                        } catch (RuntimeException killed) {
                            return;
                        }
                    }
                });
                t.start();
                writers.add(t);
            }
            Thread.sleep(2000);
            eddy.kill();
            running.set(false);
            for (Thread t : writers) t.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertTrue(acknowledged.size() > 100, "the load ran: " + acknowledged.size());
        try (EddyProcess eddy = EddyProcess.start(dataDirectory)) {
            DynamoDbClient client = eddy.client();
            for (String id : acknowledged) {
                GetItemResponse r = client.getItem(b -> b.tableName("durable").key(Map.of("pk", AttributeValue.fromS(id)))
                        .consistentRead(true));
                assertEquals(item(id), r.item(), "acknowledged write " + id);
            }
            long count = client.describeTable(r -> r.tableName("durable")).table().itemCount();
            assertTrue(count >= acknowledged.size(), "item count " + count + " covers " + acknowledged.size());
        }
    }

    @Test
    void tablesAndItemsSurviveARestart() throws Exception {
        try (EddyProcess eddy = EddyProcess.start(dataDirectory)) {
            DynamoDbClient client = eddy.client();
            client.createTable(r -> r.tableName("kept")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(7L))
                    .sseSpecification(s -> s.enabled(true)));
            client.putItem(r -> r.tableName("kept").item(item("one")));
        }
        try (EddyProcess eddy = EddyProcess.start(dataDirectory)) {
            DynamoDbClient client = eddy.client();
            var table = client.describeTable(r -> r.tableName("kept")).table();
            assertEquals(7L, table.provisionedThroughput().writeCapacityUnits());
            assertEquals("ENABLED", table.sseDescription().statusAsString());
            assertEquals(1L, table.itemCount());
            assertEquals(item("one"), client.getItem(r -> r.tableName("kept").key(Map.of("pk", AttributeValue.fromS("one")))).item());
        }
    }

    @Test
    void aSecondProcessOnTheSameDataDirectoryFailsClearly() throws Exception {
        try (EddyProcess first = EddyProcess.start(dataDirectory)) {
            Process second = EddyProcess.launch(dataDirectory, EddyProcess.freePort());
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second process exits");
            String stderr = EddyProcess.readAll(second.getErrorStream());
            assertEquals(1, second.exitValue());
            assertTrue(stderr.contains("is in use by another Eddy process"), stderr);
            assertEquals(1, stderr.strip().lines().count(), "one line: " + stderr);
        }
        assertTrue(Files.exists(dataDirectory));
    }

    private static Map<String, AttributeValue> item(String id) {
        return Map.of("pk", AttributeValue.fromS(id),
                "payload", AttributeValue.fromS(("payload of " + id + " ").repeat(20)),
                "n", AttributeValue.fromN(Integer.toString(id.hashCode())));
    }
}
