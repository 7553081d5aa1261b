package dev.eddy.core.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.core.Emulator;
import dev.eddy.core.clock.SettableClock;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.storage.Batch;
import dev.eddy.core.table.BillingMode;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.StreamSpecification;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.Throughput;
import dev.eddy.core.write.PrimaryKey;
import dev.eddy.core.write.WriteOrigin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChangeLogTest {
    private final Emulator emulator = Emulator.inMemory(new SettableClock());
    private final TableDefinition table = emulator.catalog().create(TableDefinition.builder()
            .region("us-east-1").name("t")
            .keySchema(new KeySchema(new KeyAttribute("pk", AttributeValue.Type.S), null))
            .attributeDefinitions(Map.of("pk", AttributeValue.Type.S))
            .stream(new StreamSpecification(true, StreamSpecification.ViewType.NEW_IMAGE))
            .build());

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void aReaderStopsBeforeARecordWhoseBatchHasNotClosedAndPassesItOnceAbandoned() throws Exception {
        ChangeLog log = emulator.changeLog();
        PrimaryKey key = new PrimaryKey(AttributeValue.s("a"), null);
        String arn = table.latestStreamArn();
        CompletableFuture<?> later;
        String shardId;
        try (Batch pending = emulator.store().newBatch()) {
            log.stage(table, key, null, Map.of("pk", AttributeValue.s("a")), WriteOrigin.CLIENT, pending);
            shardId = shardHolding(log.stream(arn));
            long first = log.stream(arn).shard(shardId).lastSequence();
            later = CompletableFuture.runAsync(() -> emulator.items().write(table, key,
                    old -> Map.of("pk", AttributeValue.s("a"), "x", AttributeValue.s("1"))));
            while (log.stream(arn).shard(shardId).lastSequence() == first) Thread.onSpinWait();
            ReadResult blocked = log.read(arn, shardId, first, 100, 1 << 20, r -> { });
            assertEquals(0, blocked.records(), "the later record waits for the pending one");
            assertEquals(first, blocked.nextPosition());
            assertFalse(later.isDone(), "the later write is acknowledged only once readable");
        }
        later.get();
        List<EventName> events = new ArrayList<>();
        ReadResult after = log.read(arn, shardId, log.stream(arn).shard(shardId).startingSequence(), 100, 1 << 20,
                r -> events.add(r.eventName()));
        assertEquals(1, after.records(), "the abandoned batch leaves a gap readers pass");
        assertEquals(List.of(EventName.INSERT), events);
    }

    @Test
    void theSameItemAlwaysLandsInTheSameShardInWriteOrder() {
        ChangeLog log = emulator.changeLog();
        PrimaryKey key = new PrimaryKey(AttributeValue.s("b"), null);
        for (int i = 0; i < 10; i++) {
            String v = Integer.toString(i);
            emulator.items().write(table, key, old -> Map.of("pk", AttributeValue.s("b"), "v", AttributeValue.s(v)));
        }
        StreamView stream = log.stream(table.latestStreamArn());
        int shardsWithRecords = 0;
        for (ShardView s : stream.shards()) {
            // A record lives only while the reader has it: decode its image then.
            List<AttributeValue> values = new ArrayList<>();
            log.read(stream.arn(), s.shardId(), s.startingSequence(), 100, 1 << 20,
                    r -> values.add(r.newImage().decode().get("v")));
            if (values.isEmpty()) continue;
            shardsWithRecords++;
            for (int i = 0; i < 10; i++) assertEquals(AttributeValue.s(Integer.toString(i)), values.get(i));
        }
        assertEquals(1, shardsWithRecords);
    }

    private static String shardHolding(StreamView stream) {
        for (ShardView s : stream.shards()) if (s.lastSequence() >= s.startingSequence()) return s.shardId();
        throw new AssertionError("no shard has records");
    }

    @Test
    void aStreamHasAShardPerPartitionTheTableWouldHave() {
        TableDefinition.Builder b = TableDefinition.builder().region("us-east-1").name("p")
                .keySchema(new KeySchema(new KeyAttribute("pk", AttributeValue.Type.S), null));
        assertEquals(4, ChangeLog.partitionsOf(b.billingMode(BillingMode.PAY_PER_REQUEST).build()));
        b.billingMode(BillingMode.PROVISIONED);
        assertEquals(1, ChangeLog.partitionsOf(b.throughput(Throughput.of(5, 5)).build()));
        assertEquals(1, ChangeLog.partitionsOf(b.throughput(Throughput.of(3000, 0)).build()));
        assertEquals(2, ChangeLog.partitionsOf(b.throughput(Throughput.of(3000, 1)).build()));
        assertEquals(10, ChangeLog.partitionsOf(b.throughput(Throughput.of(0, 10_000)).build()));
    }

    @Test
    void eventIdsAreThirtyTwoHexDigitsAndUnique() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = ChangeLog.eventId();
            assertTrue(id.matches("[0-9a-f]{32}"), id);
            assertTrue(ids.add(id), id);
        }
    }
}
