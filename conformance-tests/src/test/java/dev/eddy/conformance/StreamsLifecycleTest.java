package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertError;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Streams over time: enabling and disabling, shard roll-over and lineage, retention, iterator expiry. */
class StreamsLifecycleTest {
    private final DynamoDbClient dynamo = Clients.dynamo();
    private final DynamoDbStreamsClient streams = Clients.streams();

    private static String streamTable() {
        return Tables.create("streams-life", ScalarAttributeType.S, null,
                b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
    }

    private static void advance(Duration by) {
        Endpoint.embedded().clock().advance(by);
    }

    @Test
    void aConsumerFollowingParentShardsReadsEveryRecordOnceInPerItemOrderAcrossRollOvers() throws Exception {
        Assumptions.assumeTrue(Endpoint.isEmbedded(), "moves the clock over shard roll-overs");
        String table = streamTable();
        String arn = StreamConsumer.streamArnOf(table);
        int writers = 4;
        int writesEach = 150;
        AtomicInteger done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                for (int i = 1; i <= writesEach; i++) {
                    String pk = "item-" + writer + "-" + (i % 5);
                    int version = i;
                    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk),
                            "v", AttributeValue.fromN(Integer.toString(version)))));
                    done.incrementAndGet();
                }
            });
            t.start();
            threads.add(t);
        }
        StreamConsumer consumer = new StreamConsumer(arn);
        List<Record> read = new ArrayList<>();
        for (int rollOver = 0; rollOver < 3; rollOver++) {
            while (done.get() < (rollOver + 1) * writers * writesEach / 4) Thread.onSpinWait();
            advance(Duration.ofHours(4).plusMinutes(1));
            read.addAll(consumer.poll());
        }
        for (Thread t : threads) t.join();
        advance(Duration.ofHours(4).plusMinutes(1));
        read.addAll(consumer.poll());

        assertEquals(writers * writesEach, read.size());
        Set<String> sequenceNumbers = new HashSet<>();
        Map<String, Integer> lastVersion = new HashMap<>();
        for (Record r : read) {
            assertTrue(sequenceNumbers.add(r.dynamodb().sequenceNumber()), "read twice: " + r);
            String pk = r.dynamodb().keys().get("pk").s();
            int v = Integer.parseInt(r.dynamodb().newImage().get("v").n());
            Integer previous = lastVersion.put(pk, v);
            assertTrue(previous == null || previous < v, pk + ": " + previous + " then " + v);
        }
        List<Shard> shards = StreamConsumer.shards(arn);
        assertTrue(shards.size() >= 8, "shards rolled over: " + shards.size());
        Set<String> ids = new HashSet<>();
        for (Shard s : shards) ids.add(s.shardId());
        long children = shards.stream().filter(s -> s.parentShardId() != null && ids.contains(s.parentShardId())).count();
        assertTrue(children >= 4);
        for (Shard s : shards) {
            boolean hasChild = shards.stream().anyMatch(c -> s.shardId().equals(c.parentShardId()));
            if (hasChild) assertNotNull(s.sequenceNumberRange().endingSequenceNumber(), s.toString());
        }
        Tables.delete(table);
    }

    @Test
    void disablingAStreamClosesItsShardsAndEnablingCreatesANewStream() {
        String table = streamTable();
        String first = StreamConsumer.streamArnOf(table);
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("a"))));
        assertValidation("Table already has an enabled stream: TableName: " + table, () -> dynamo.updateTable(r -> r
                .tableName(table).streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))));
        dynamo.updateTable(r -> r.tableName(table).streamSpecification(s -> s.streamEnabled(false)));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(table));
        assertValidation("Table has no stream to disable: TableName: " + table, () -> dynamo.updateTable(r -> r
                .tableName(table).streamSpecification(s -> s.streamEnabled(false))));
        StreamDescription d = streams.describeStream(r -> r.streamArn(first)).streamDescription();
        if (Endpoint.isEmbedded()) {
            assertEquals(StreamStatus.DISABLED, d.streamStatus());
            for (Shard s : d.shards()) assertNotNull(s.sequenceNumberRange().endingSequenceNumber());
            StreamConsumer consumer = new StreamConsumer(first);
            assertEquals(1, consumer.poll().size());
            assertEquals(d.shards().size(), consumer.finishedShards().size());
        }
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("b"))));
        dynamo.updateTable(r -> r.tableName(table)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(table));
        String second = StreamConsumer.streamArnOf(table);
        assertNotEquals(first, second);
        assertTrue(second.matches("arn:aws:dynamodb:" + Clients.region().id()
                + ":\\d{12}:table/" + table + "/stream/\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}"), second);
        List<String> listed = streams.listStreams(r -> r.tableName(table)).streams().stream()
                .map(s -> s.streamArn()).toList();
        assertTrue(listed.containsAll(List.of(first, second)), listed.toString());
        Tables.delete(table);
    }

    @Test
    void recordsAreTrimmedAfter24HoursAndEmptyClosedShardsDisappear() {
        Assumptions.assumeTrue(Endpoint.isEmbedded(), "moves the clock by a day");
        String table = streamTable();
        String arn = StreamConsumer.streamArnOf(table);
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("old"))));
        Record old = StreamsRecordsTest.recordsOf(table, "old", 1).get(0);
        String shardId = StreamsRecordsTest.shardOf(arn, old);
        advance(Duration.ofHours(23).plusMinutes(50));
        String horizon = streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        advance(Duration.ofMinutes(11));
        assertError("TrimmedDataAccessException", "The data you are trying to access has been trimmed.",
                () -> streams.getRecords(r -> r.shardIterator(horizon)));
        assertError("TrimmedDataAccessException", "The data you are trying to access has been trimmed.",
                () -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                        .sequenceNumber(old.dynamodb().sequenceNumber())));
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("new"))));
        List<Record> left = new StreamConsumer(arn).poll();
        assertEquals(List.of("new"), left.stream().map(x -> x.dynamodb().keys().get("pk").s()).toList());
        advance(Duration.ofHours(24).plusMinutes(1));
        assertError("ResourceNotFoundException", "Requested resource not found: Shard does not exist",
                () -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)));
        Tables.delete(table);
    }

    @Test
    void theStreamOfADeletedTableIsReadableFor24HoursThenGone() {
        Assumptions.assumeTrue(Endpoint.isEmbedded(), "moves the clock by a day");
        String table = streamTable();
        String arn = StreamConsumer.streamArnOf(table);
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("kept"))));
        Tables.delete(table);
        StreamDescription d = streams.describeStream(r -> r.streamArn(arn)).streamDescription();
        assertEquals(StreamStatus.DISABLED, d.streamStatus());
        assertEquals(1, new StreamConsumer(arn).poll().size());
        assertTrue(streams.listStreams(r -> r.tableName(table)).streams().stream().anyMatch(s -> s.streamArn().equals(arn)));
        advance(Duration.ofHours(24).plusMinutes(1));
        assertError("ResourceNotFoundException", "Requested resource not found: Stream: " + arn + " not found",
                () -> streams.describeStream(r -> r.streamArn(arn)));
        assertTrue(streams.listStreams(r -> r.tableName(table)).streams().isEmpty());
    }

    @Test
    void iteratorsExpireAfterFifteenMinutes() {
        Assumptions.assumeTrue(Endpoint.isEmbedded(), "moves the clock");
        String table = streamTable();
        String arn = StreamConsumer.streamArnOf(table);
        String shardId = StreamConsumer.shards(arn).get(0).shardId();
        String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        advance(Duration.ofMinutes(14));
        String next = streams.getRecords(r -> r.shardIterator(iterator)).nextShardIterator();
        assertNotNull(next);
        advance(Duration.ofMinutes(1).plusSeconds(1));
        var e = assertError("ExpiredIteratorException", null, () -> streams.getRecords(r -> r.shardIterator(iterator)));
        assertTrue(e.awsErrorDetails().errorMessage().startsWith("Iterator expired. The iterator was created at time "));
        assertNull(streams.getRecords(r -> r.shardIterator(next)).records().isEmpty() ? null : "records");
        Tables.delete(table);
    }
}
