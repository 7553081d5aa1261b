package dev.eddy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.embedded.EmbeddedEddy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** kill -9 during a write load: every acknowledged write has exactly one record, no record lacks its write. */
class StreamsCrashTest {
    @TempDir
    Path dataDirectory;

    @Test
    void afterKillDashNineEveryCommittedWriteHasExactlyOneRecordInOrder() throws Exception {
        Assumptions.assumeTrue(System.getProperty("eddy.endpoint", "").isBlank(), "kills its own Eddy process");
        int writers = 8;
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        try (EddyProcess eddy = EddyProcess.start(dataDirectory)) {
            DynamoDbClient client = eddy.client();
            client.createTable(r -> r.tableName("crash")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .billingMode("PAY_PER_REQUEST")
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_AND_OLD_IMAGES")));
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String pk = "writer-" + w;
                Thread t = new Thread(() -> {
                    for (int v = 1; running.get(); v++) {
                        String version = Integer.toString(v);
                        try {
                            client.putItem(r -> r.tableName("crash").item(Map.of("pk", AttributeValue.fromS(pk),
                                    "v", AttributeValue.fromN(version))));
                        } catch (RuntimeException killed) {
                            return;
                        }
                        acknowledged.put(pk, v);
                    }
                });
                t.start();
                threads.add(t);
            }
            while (acknowledged.values().stream().mapToInt(Integer::intValue).sum() < 2000) Thread.sleep(10);
            eddy.kill();
            running.set(false);
            for (Thread t : threads) t.join();
        }
        try (EmbeddedEddy eddy = EmbeddedEddy.builder().dataDirectory(dataDirectory).port(0).start()) {
            DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create(eddy.endpoint()))
                    .region(Region.US_EAST_1).credentialsProvider(credentials())
                    .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build()).build();
            DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(URI.create(eddy.endpoint()))
                    .region(Region.US_EAST_1).credentialsProvider(credentials())
                    .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build()).build();
            String arn = dynamo.describeTable(r -> r.tableName("crash")).table().latestStreamArn();
            Map<String, List<Integer>> versions = new HashMap<>();
            for (Shard shard : streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards()) {
                String it = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                while (it != null) {
                    String from = it;
                    GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(from));
                    for (Record rec : page.records()) {
                        versions.computeIfAbsent(rec.dynamodb().keys().get("pk").s(), k -> new ArrayList<>())
                                .add(Integer.parseInt(rec.dynamodb().newImage().get("v").n()));
                    }
                    it = page.records().isEmpty() ? null : page.nextShardIterator();
                }
            }
            for (int w = 0; w < writers; w++) {
                String pk = "writer-" + w;
                int acked = acknowledged.getOrDefault(pk, 0);
                var item = dynamo.getItem(r -> r.tableName("crash").key(Map.of("pk", AttributeValue.fromS(pk)))).item();
                int stored = item.isEmpty() ? 0 : Integer.parseInt(item.get("v").n());
                assertTrue(stored == acked || stored == acked + 1, pk + ": acknowledged " + acked + ", stored " + stored);
                List<Integer> expected = new ArrayList<>();
                for (int v = 1; v <= stored; v++) expected.add(v);
                assertEquals(expected, versions.getOrDefault(pk, List.of()), pk);
            }
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEDDY", "secret"));
    }
}
