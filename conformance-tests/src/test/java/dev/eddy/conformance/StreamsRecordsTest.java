package dev.eddy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Stream records of every write, for every view type, field by field as AWS sends them. */
class StreamsRecordsTest {
    private static final Map<StreamViewType, String> TABLES = new EnumMap<>(StreamViewType.class);
    private final DynamoDbClient dynamo = Clients.dynamo();
    private final DynamoDbStreamsClient streams = Clients.streams();

    @BeforeAll
    static void createOneTablePerViewType() {
        for (StreamViewType type : List.of(StreamViewType.KEYS_ONLY, StreamViewType.NEW_IMAGE,
                StreamViewType.OLD_IMAGE, StreamViewType.NEW_AND_OLD_IMAGES)) {
            TABLES.put(type, Tables.create("streams-" + type.toString().toLowerCase().replace('_', '-'),
                    ScalarAttributeType.S, ScalarAttributeType.N,
                    b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(type))));
        }
    }

    @AfterAll
    static void deleteTables() {
        TABLES.values().forEach(Tables::delete);
    }

    @Test
    void aSmallProvisionedTableStreamsIntoOneShardWhoseRecordsComeAfterItsStart() {
        // As recorded from DynamoDB: a table of 5 read and 5 write units has one partition, so
        // its new stream has one shard, and a consumer reading Shards[0] sees every write.
        String table = Tables.create("streams-provisioned", ScalarAttributeType.S, null,
                b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        try {
            for (String pk : List.of("a", "b", "c", "d", "e")) {
                dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk))));
            }
            String arn = StreamConsumer.streamArnOf(table);
            List<Shard> shards = StreamConsumer.shards(arn);
            assertEquals(1, shards.size(), shards.toString());
            String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shards.get(0).shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            List<Record> records = streams.getRecords(r -> r.shardIterator(iterator)).records();
            assertEquals(List.of("a", "b", "c", "d", "e"), records.stream().map(x -> x.dynamodb().keys().get("pk").s()).toList());
            BigInteger start = new BigInteger(shards.get(0).sequenceNumberRange().startingSequenceNumber());
            assertTrue(new BigInteger(records.get(0).dynamodb().sequenceNumber()).compareTo(start) > 0,
                    records.get(0).dynamodb().sequenceNumber() + " after " + start);
        } finally {
            Tables.delete(table);
        }
    }

    @ParameterizedTest
    @EnumSource(value = StreamViewType.class, names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void everyViewTypeCarriesItsImagesForInsertModifyAndRemove(StreamViewType type) {
        String table = TABLES.get(type);
        String pk = UUID.randomUUID().toString();
        Map<String, AttributeValue> v1 = item(pk, "1", "first");
        Map<String, AttributeValue> v2 = item(pk, "1", "second");
        dynamo.putItem(r -> r.tableName(table).item(v1));
        dynamo.putItem(r -> r.tableName(table).item(v2));
        dynamo.deleteItem(r -> r.tableName(table).key(key(pk, "1")));

        List<Record> records = recordsOf(table, pk, 3);
        assertEquals(List.of(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE),
                records.stream().map(Record::eventName).toList());
        boolean newImages = type == StreamViewType.NEW_IMAGE || type == StreamViewType.NEW_AND_OLD_IMAGES;
        boolean oldImages = type == StreamViewType.OLD_IMAGE || type == StreamViewType.NEW_AND_OLD_IMAGES;
        List<Map<String, AttributeValue>> expectedNew = new ArrayList<>(List.of(v1, v2));
        expectedNew.add(null);
        List<Map<String, AttributeValue>> expectedOld = new ArrayList<>();
        expectedOld.add(null);
        expectedOld.addAll(List.of(v1, v2));
        for (int i = 0; i < 3; i++) {
            StreamRecord d = records.get(i).dynamodb();
            assertEquals(key(pk, "1"), d.keys());
            assertEquals(type, d.streamViewType());
            assertEquals(newImages ? expectedNew.get(i) : null, d.hasNewImage() ? d.newImage() : null, "NewImage " + i);
            assertEquals(oldImages ? expectedOld.get(i) : null, d.hasOldImage() ? d.oldImage() : null, "OldImage " + i);
        }
    }

    @Test
    void writesThatChangeNothingWriteNoRecord() {
        String table = TABLES.get(StreamViewType.NEW_AND_OLD_IMAGES);
        String pk = UUID.randomUUID().toString();
        dynamo.deleteItem(r -> r.tableName(table).key(key(pk, "1")));
        dynamo.putItem(r -> r.tableName(table).item(item(pk, "1", "same")));
        dynamo.putItem(r -> r.tableName(table).item(item(pk, "1", "same")));
        dynamo.putItem(r -> r.tableName(table).item(item(pk, "2", "other")));
        List<Record> records = recordsOf(table, pk, 2);
        assertEquals(2, records.size());
        assertEquals(key(pk, "1"), records.get(0).dynamodb().keys());
        assertEquals(key(pk, "2"), records.get(1).dynamodb().keys());
    }

    @Test
    void updateBatchAndTransactionWritesEachRecordTheirChanges() {
        String table = TABLES.get(StreamViewType.NEW_AND_OLD_IMAGES);
        String pk = UUID.randomUUID().toString();
        dynamo.updateItem(r -> r.tableName(table).key(key(pk, "1"))
                .updateExpression("SET attr = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS("u1"))));
        dynamo.updateItem(r -> r.tableName(table).key(key(pk, "1"))
                .updateExpression("SET attr = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS("u2"))));
        dynamo.updateItem(r -> r.tableName(table).key(key(pk, "1"))
                .updateExpression("SET attr = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS("u2"))));
        dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                        .putRequest(p -> p.item(item(pk, "2", "b"))).build(),
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                        .deleteRequest(d -> d.key(key(pk, "1"))).build()))));
        dynamo.transactWriteItems(r -> r.transactItems(
                t -> t.put(p -> p.tableName(table).item(item(pk, "3", "t"))),
                t -> t.update(u -> u.tableName(table).key(key(pk, "2")).updateExpression("SET attr = :a")
                        .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("tu")))),
                t -> t.conditionCheck(c -> c.tableName(table).key(key(pk, "9")).conditionExpression("attribute_not_exists(pk)"))));

        List<Record> records = recordsOf(table, pk, 6);
        List<String> seen = new ArrayList<>();
        for (Record r : records) {
            seen.add(r.eventName() + " " + r.dynamodb().keys().get("sk").n()
                    + (r.dynamodb().hasNewImage() ? " " + r.dynamodb().newImage().get("attr").s() : ""));
        }
        assertEquals(6, records.size(), seen.toString());
        assertEquals(List.of("INSERT 1 u1", "MODIFY 1 u2"), seen.stream().filter(x -> x.contains(" 1")).toList().subList(0, 2));
        assertTrue(seen.contains("REMOVE 1"), seen.toString());
        assertTrue(seen.contains("INSERT 2 b") && seen.contains("MODIFY 2 tu"), seen.toString());
        assertTrue(seen.contains("INSERT 3 t"), seen.toString());
        assertTrue(seen.indexOf("INSERT 2 b") < seen.indexOf("MODIFY 2 tu"), "per-item order: " + seen);
    }

    @Test
    void aRecordCarriesEveryFieldAsAwsSendsIt() {
        String table = TABLES.get(StreamViewType.KEYS_ONLY);
        String pk = "DynamoDB-" + UUID.randomUUID().toString().substring(0, 8);
        Instant before = serverNow();
        dynamo.putItem(r -> r.tableName(table).item(item(pk, "3", "x")));
        Record r = recordsOf(table, pk, 1).get(0);
        assertTrue(r.eventID().matches("[0-9a-f]{32}"), r.eventID());
        assertEquals(OperationType.INSERT, r.eventName());
        assertEquals("aws:dynamodb", r.eventSource());
        assertEquals("1.1", r.eventVersion());
        assertEquals(Clients.region().id(), r.awsRegion());
        assertNull(r.userIdentity());
        StreamRecord d = r.dynamodb();
        Instant created = d.approximateCreationDateTime();
        assertFalse(created.isBefore(before.minusSeconds(60)) || created.isAfter(serverNow().plusSeconds(60)),
                created.toString());
        assertTrue(d.sequenceNumber().matches("[0-9]{21,40}"), d.sequenceNumber());
        // Keys only: the size of the key attributes as DynamoDB counts item size (the number 3 is 2 bytes).
        assertEquals(2 + pk.length() + 2 + 2, d.sizeBytes());
        assertEquals(StreamViewType.KEYS_ONLY, d.streamViewType());
        assertFalse(d.hasNewImage());
        assertFalse(d.hasOldImage());
    }

    @Test
    void sequenceNumbersGrowWithEachChangeOfAnItem() {
        String table = TABLES.get(StreamViewType.KEYS_ONLY);
        String pk = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            String v = "v" + i;
            dynamo.putItem(r -> r.tableName(table).item(item(pk, "1", v)));
        }
        List<Record> records = recordsOf(table, pk, 5);
        for (int i = 1; i < records.size(); i++) {
            BigInteger previous = new BigInteger(records.get(i - 1).dynamodb().sequenceNumber());
            assertTrue(previous.compareTo(new BigInteger(records.get(i).dynamodb().sequenceNumber())) < 0);
        }
    }

    @Test
    void latestAndSequenceNumberIteratorsStartWhereTheySay() {
        String table = TABLES.get(StreamViewType.NEW_IMAGE);
        String arn = StreamConsumer.streamArnOf(table);
        String pk = UUID.randomUUID().toString();
        dynamo.putItem(r -> r.tableName(table).item(item(pk, "1", "a")));
        Record first = recordsOf(table, pk, 1).get(0);
        String shardId = shardOf(arn, first);
        String latest = Clients.streams().getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        dynamo.putItem(r -> r.tableName(table).item(item(pk, "1", "b")));
        List<Record> afterLatest = readFrom(latest);
        assertEquals(1, afterLatest.size());
        assertEquals("b", afterLatest.get(0).dynamodb().newImage().get("attr").s());

        String at = Clients.streams().getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                .sequenceNumber(first.dynamodb().sequenceNumber())).shardIterator();
        List<Record> fromAt = readFrom(at);
        assertEquals(first.dynamodb().sequenceNumber(), fromAt.get(0).dynamodb().sequenceNumber());
        String after = Clients.streams().getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                .sequenceNumber(first.dynamodb().sequenceNumber())).shardIterator();
        List<Record> fromAfter = readFrom(after);
        assertTrue(fromAfter.stream().noneMatch(x -> x.dynamodb().sequenceNumber().equals(first.dynamodb().sequenceNumber())));
        assertTrue(fromAfter.stream().anyMatch(x -> x.dynamodb().newImage().get("attr").s().equals("b")));
    }

    @Test
    void aTimeToLiveDeletionIsARemoveByTheDynamoDbService() {
        Assumptions.assumeTrue(Endpoint.isEmbedded(), "expires items on demand");
        String table = TABLES.get(StreamViewType.OLD_IMAGE);
        dynamo.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(t -> t.enabled(true).attributeName("ttl")));
        String pk = UUID.randomUUID().toString();
        Map<String, AttributeValue> expiring = new java.util.HashMap<>(item(pk, "1", "old"));
        expiring.put("ttl", AttributeValue.fromN(Long.toString(Instant.now().minusSeconds(60).getEpochSecond())));
        dynamo.putItem(r -> r.tableName(table).item(expiring));
        Endpoint.embedded().expireItemsNow();
        List<Record> records = recordsOf(table, pk, 2);
        Record removal = records.get(1);
        assertEquals(OperationType.REMOVE, removal.eventName());
        assertEquals("Service", removal.userIdentity().type());
        assertEquals("dynamodb.amazonaws.com", removal.userIdentity().principalId());
        assertEquals(expiring, removal.dynamodb().oldImage());
        assertNull(records.get(0).userIdentity());
    }

    @Test
    void pagesOfOneRecordFollowEachOtherWithoutLossOrRepeatWhileWritesGoOn() {
        String table = TABLES.get(StreamViewType.KEYS_ONLY);
        String arn = StreamConsumer.streamArnOf(table);
        String pk = UUID.randomUUID().toString();
        for (int i = 0; i < 4; i++) putSortKey(table, pk, i);
        Record first = recordsOf(table, pk, 1).get(0);
        String shard = shardOf(arn, first);
        String iterator = Clients.streams().getShardIterator(r -> r.streamArn(arn).shardId(shard)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                .sequenceNumber(first.dynamodb().sequenceNumber())).shardIterator();

        List<String> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(Endpoint.isEmbedded() ? 5 : 30));
        for (int page = 0; seen.size() < 8 && Instant.now().isBefore(deadline); page++) {
            String from = iterator;
            var answer = Clients.streams().getRecords(r -> r.shardIterator(from).limit(1));
            assertTrue(answer.records().size() <= 1);
            for (Record r : answer.records()) {
                if (r.dynamodb().keys().get("pk").s().equals(pk)) seen.add(r.dynamodb().keys().get("sk").n());
            }
            // Written while the shard is read a record at a time: after the first pages, and at its end.
            if (page == 1) for (int i = 4; i < 7; i++) putSortKey(table, pk, i);
            if (answer.records().isEmpty() && seen.size() == 7) putSortKey(table, pk, 7);
            if (answer.records().isEmpty()) pause();
            iterator = answer.nextShardIterator();
        }
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7"), seen);
    }

    private void putSortKey(String table, String pk, int sk) {
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk),
                "sk", AttributeValue.fromN(Integer.toString(sk)))));
    }

    /** The endpoint's time: other tests move an embedded Eddy's clock forward. */
    private static Instant serverNow() {
        return Endpoint.isEmbedded() ? Endpoint.embedded().clock().instant() : Instant.now();
    }

    static String shardOf(String arn, Record record) {
        BigInteger seq = new BigInteger(record.dynamodb().sequenceNumber());
        for (var shard : StreamConsumer.shards(arn)) {
            String iterator = Clients.streams().getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            for (Record r : readFrom(iterator)) {
                if (new BigInteger(r.dynamodb().sequenceNumber()).equals(seq)) return shard.shardId();
            }
        }
        throw new AssertionError("no shard holds " + seq);
    }

    static List<Record> readFrom(String iterator) {
        List<Record> out = new ArrayList<>();
        String it = iterator;
        while (it != null) {
            String from = it;
            var page = Clients.streams().getRecords(r -> r.shardIterator(from));
            out.addAll(page.records());
            if (page.records().isEmpty()) break;
            it = page.nextShardIterator();
        }
        return out;
    }

    /** The records of one partition key, in stream order, once {@code expected} of them are there. */
    static List<Record> recordsOf(String table, String pk, int expected) {
        StreamConsumer consumer = new StreamConsumer(StreamConsumer.streamArnOf(table));
        List<Record> mine = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(Endpoint.isEmbedded() ? 0 : 30));
        while (true) {
            for (Record r : consumer.poll()) {
                if (r.dynamodb().keys().get("pk").s().equals(pk)) mine.add(r);
            }
            if (mine.size() >= expected || !Instant.now().isBefore(deadline)) return mine;
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(sk));
    }

    static Map<String, AttributeValue> item(String pk, String sk, String attr) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(sk), "attr", AttributeValue.fromS(attr));
    }

}
