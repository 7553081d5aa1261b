package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertError;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** ListStreams and DescribeStream with their paging, and every error of the Streams API. */
class StreamsApiTest {
    private static String table;
    private static String arn;
    private final DynamoDbStreamsClient streams = Clients.streams();

    @BeforeAll
    static void createTableWithAStream() {
        table = Tables.create("streams-api", ScalarAttributeType.S, ScalarAttributeType.S,
                b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        arn = StreamConsumer.streamArnOf(table);
    }

    @AfterAll
    static void deleteTable() {
        Tables.delete(table);
    }

    @Test
    void describeStreamShowsTheStreamAndItsShards() {
        StreamDescription d = streams.describeStream(r -> r.streamArn(arn)).streamDescription();
        assertEquals(arn, d.streamArn());
        assertEquals(arn.substring(arn.lastIndexOf('/') + 1), d.streamLabel());
        assertEquals(StreamStatus.ENABLED, d.streamStatus());
        assertEquals(StreamViewType.KEYS_ONLY, d.streamViewType());
        assertEquals(table, d.tableName());
        assertEquals("pk", d.keySchema().get(0).attributeName());
        assertEquals("HASH", d.keySchema().get(0).keyTypeAsString());
        assertEquals("sk", d.keySchema().get(1).attributeName());
        assertEquals("RANGE", d.keySchema().get(1).keyTypeAsString());
        assertTrue(d.creationRequestDateTime() != null);
        assertTrue(!d.shards().isEmpty());
        for (Shard s : d.shards()) {
            assertTrue(s.shardId().length() >= 28 && s.shardId().length() <= 65, s.shardId());
            assertTrue(s.sequenceNumberRange().startingSequenceNumber().matches("[0-9]{21,40}"));
        }
        List<String> ids = d.shards().stream().map(Shard::shardId).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
    }

    @Test
    void describeStreamPagesShardsByExclusiveStartShardId() {
        List<String> all = StreamConsumer.shards(arn).stream().map(Shard::shardId).toList();
        List<String> paged = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            StreamDescription d = streams.describeStream(r -> r.streamArn(arn).limit(1).exclusiveStartShardId(from))
                    .streamDescription();
            assertTrue(d.shards().size() <= 1);
            d.shards().forEach(s -> paged.add(s.shardId()));
            start = d.lastEvaluatedShardId();
        } while (start != null);
        assertEquals(all, paged);
        String last = all.get(all.size() - 1);
        assertTrue(streams.describeStream(r -> r.streamArn(arn).exclusiveStartShardId(last)).streamDescription()
                .shards().isEmpty());
    }

    @Test
    void listStreamsPagesByExclusiveStartStreamArn() {
        String other = Tables.create("streams-api", ScalarAttributeType.S, null,
                b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        List<String> expected = List.of(arn, StreamConsumer.streamArnOf(other));
        List<String> found = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            ListStreamsResponse page = streams.listStreams(r -> r.limit(1).exclusiveStartStreamArn(from));
            assertTrue(page.streams().size() <= 1);
            page.streams().forEach(s -> found.add(s.streamArn()));
            start = page.lastEvaluatedStreamArn();
        } while (start != null);
        assertTrue(found.containsAll(expected), found.toString());
        assertEquals(found.size(), found.stream().distinct().count());
        var mine = streams.listStreams(r -> r.tableName(table)).streams();
        assertEquals(1, mine.size());
        assertEquals(arn, mine.get(0).streamArn());
        assertEquals(table, mine.get(0).tableName());
        assertEquals(arn.substring(arn.lastIndexOf('/') + 1), mine.get(0).streamLabel());
        Tables.delete(other);
    }

    @Test
    void aTableWithoutAStreamListsNone() {
        String plain = Tables.create("streams-api", ScalarAttributeType.S, null);
        assertTrue(streams.listStreams(r -> r.tableName(plain)).streams().isEmpty());
        assertNull(Clients.dynamo().describeTable(r -> r.tableName(plain)).table().latestStreamArn());
        Tables.delete(plain);
    }

    @Test
    void malformedAndUnknownStreamArnsAreRefused() {
        assertValidation("Invalid StreamArn",
                () -> streams.describeStream(r -> r.streamArn("sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf")));
        assertValidation("1 validation error detected: Value 'abc' at 'streamArn' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 37", () -> streams.describeStream(r -> r.streamArn("abc")));
        String unknown = arn.substring(0, arn.lastIndexOf('/') + 1) + "2001-01-01T00:00:00.000";
        assertError("ResourceNotFoundException", "Requested resource not found: Stream: " + unknown + " not found",
                () -> streams.describeStream(r -> r.streamArn(unknown)));
        assertError("ResourceNotFoundException", "Requested resource not found: Stream: " + unknown + " not found",
                () -> streams.getShardIterator(r -> r.streamArn(unknown).shardId("shardId-00000001414562045508-2bac9cd2")
                        .shardIteratorType(ShardIteratorType.LATEST)));
        assertValidation("Invalid StreamArn", () -> streams.listStreams(r -> r
                .exclusiveStartStreamArn("kossaapaaasdafsdaasdasdasdasasdasfadfadfasdasdas")));
    }

    @Test
    void limitsOutOfRangeAreRefused() {
        assertValidation("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 1", () -> streams.listStreams(r -> r.limit(0)));
        assertValidation("1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: "
                + "Member must have value less than or equal to 100", () -> streams.listStreams(r -> r.limit(101)));
        assertValidation("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 1", () -> streams.describeStream(r -> r.streamArn(arn).limit(0)));
        String iterator = latest();
        assertValidation("1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: "
                + "Member must have value less than or equal to 1000",
                () -> streams.getRecords(r -> r.shardIterator(iterator).limit(1001)));
    }

    @Test
    void badShardsIteratorTypesAndSequenceNumbersAreRefused() {
        String shardId = StreamConsumer.shards(arn).get(0).shardId();
        String start = StreamConsumer.shards(arn).get(0).sequenceNumberRange().startingSequenceNumber();
        assertError("ResourceNotFoundException", "Requested resource not found: Shard does not exist",
                () -> streams.getShardIterator(r -> r.streamArn(arn).shardId("semprinidfaasdasfsdvacsdcfsdsvsdvsdvsdvsdvsdv")
                        .shardIteratorType(ShardIteratorType.LATEST)));
        assertValidation("1 validation error detected: Value 'bulle' at 'shardIteratorType' failed to satisfy "
                + "constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, "
                + "AFTER_SEQUENCE_NUMBER]", () -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                .shardIteratorType("bulle")));
        assertError("ValidationException", null, () -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)));
        assertError("ValidationException", null, () -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.LATEST).sequenceNumber(start)));
        assertError("ValidationException", null, () -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                .sequenceNumber("sdfsafglldfngjdafnasdflgnaldklkafdsgklnasdlv")));
        for (ShardIteratorType type : List.of(ShardIteratorType.AT_SEQUENCE_NUMBER, ShardIteratorType.AFTER_SEQUENCE_NUMBER)) {
            String it = streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId).shardIteratorType(type)
                    .sequenceNumber(start)).shardIterator();
            assertTrue(streams.getRecords(r -> r.shardIterator(it)).records().size() >= 0);
        }
    }

    @Test
    void forgedAndMalformedIteratorsAreRefused() {
        assertValidation("Invalid ShardIterator", () -> streams.getRecords(r -> r
                .shardIterator("sdfsdfsgagaddafgagasgasgasdfasdfasdfasdfasdgasdasdgasdg")));
        String iterator = latest();
        int last = iterator.length() - 6;
        char c = iterator.charAt(last);
        String tampered = iterator.substring(0, last) + (c == 'A' ? 'B' : 'A') + iterator.substring(last + 1);
        assertValidation("Invalid ShardIterator", () -> streams.getRecords(r -> r.shardIterator(tampered)));
        assertTrue(iterator.startsWith(arn + "|1|"), iterator);
    }

    @Test
    void anEmptyShardAnswersAnEmptyListAndTheSameKindOfIterator() {
        var page = streams.getRecords(r -> r.shardIterator(latest()));
        assertTrue(page.records().isEmpty());
        assertTrue(page.nextShardIterator().startsWith(arn + "|1|"));
    }

    private String latest() {
        String shardId = StreamConsumer.shards(arn).get(0).shardId();
        return streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
    }
}
