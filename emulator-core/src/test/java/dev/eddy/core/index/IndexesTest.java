package dev.eddy.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eddy.core.Emulator;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.read.Page;
import dev.eddy.core.read.PageRequest;
import dev.eddy.core.read.Reader;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.Projection;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.TableStats;
import dev.eddy.core.table.Throughput;
import dev.eddy.core.write.Keys;
import dev.eddy.core.write.TransactWrite;
import dev.eddy.core.write.TransactionFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IndexesTest {
    private static final AttributeValue.Type S = AttributeValue.Type.S;
    private static final AttributeValue.Type N = AttributeValue.Type.N;
    private final Emulator emulator = Emulator.inMemory(Clock.systemUTC());

    @AfterEach
    void close() {
        emulator.close();
    }

    private TableDefinition table() {
        return emulator.catalog().create(TableDefinition.builder().region("r").name("t")
                .keySchema(new KeySchema(new KeyAttribute("pk", N), null))
                .attributeDefinitions(Map.of("pk", N)).build());
    }

    private static Map<String, AttributeValue> item(int pk, int qty) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.n(pk));
        if (pk % 3 != 0) item.put("kind", AttributeValue.s("k" + pk % 5));
        item.put("qty", AttributeValue.n(qty));
        return item;
    }

    @Test
    void aGlobalIndexAddedToALiveTableHoldsEveryItemIncludingWritesDuringItsBackfill() throws Exception {
        TableDefinition t = table();
        int items = 30_000;
        for (int i = 0; i < items; i++) {
            Map<String, AttributeValue> item = item(i, i);
            emulator.items().write(t, Keys.fromItem(t, item), old -> item);
        }
        long id = emulator.catalog().newIndexId();
        SecondaryIndex gsi = new SecondaryIndex("byKind", id, true,
                new KeySchema(new KeyAttribute("kind", S), new KeyAttribute("qty", N)),
                new Projection(Projection.Type.KEYS_ONLY, null), Throughput.ON_DEMAND,
                SecondaryIndex.IndexStatus.CREATING, true);
        TableDefinition withIndex = emulator.catalog().update("r", "t",
                x -> x.toBuilder().globalIndexes(List.of(gsi)).attributeDefinitions(Map.of("pk", N, "kind", S, "qty", N)).build());
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            while (!done.get()) {
                int pk = r.nextInt(items + 1000);
                if (r.nextInt(4) == 0) {
                    emulator.items().write(withIndex, Keys.fromKey(withIndex, Map.of("pk", AttributeValue.n(pk))), old -> null);
                } else {
                    Map<String, AttributeValue> item = item(pk, r.nextInt(1000));
                    emulator.items().write(withIndex, Keys.fromItem(withIndex, item), old -> item);
                }
            }
        });
        writer.start();
        long started = System.nanoTime();
        emulator.indexes().backfill(withIndex, gsi);
        while (emulator.catalog().find("r", "t").index("byKind").status() != SecondaryIndex.IndexStatus.ACTIVE) {
            Thread.onSpinWait();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        done.set(true);
        writer.join();

        TableDefinition now = emulator.catalog().find("r", "t");
        Page table = new Reader(emulator.store()).scan(now, null, 0, 1, null, new PageRequest(null, i -> i.containsKey("kind"), true, false));
        List<Map<String, AttributeValue>> expected = new ArrayList<>(table.items());
        Map<String, AttributeValue> start = null;
        int inIndex = 0;
        do {
            Page p = new Reader(emulator.store()).scan(now, now.index("byKind"), 0, 1, start, new PageRequest(null, i -> true, true, false));
            inIndex += p.count();
            start = p.lastEvaluatedKey();
        } while (start != null);
        assertEquals(expected.size(), inIndex);
        assertEquals(expected.size(), TableStats.itemCount(emulator.store(), id));
        System.out.println("backfilled " + items + " items in " + millis + " ms");
    }

    @Test
    void aDroppedIndexTakesTheDefinitionsOnlyItUsedWithIt() {
        table();
        SecondaryIndex dropped = new SecondaryIndex("byQty", emulator.catalog().newIndexId(), true,
                new KeySchema(new KeyAttribute("kind", S), new KeyAttribute("qty", N)),
                new Projection(Projection.Type.KEYS_ONLY, null), Throughput.ON_DEMAND,
                SecondaryIndex.IndexStatus.DELETING, false);
        SecondaryIndex kept = new SecondaryIndex("byRank", emulator.catalog().newIndexId(), true,
                new KeySchema(new KeyAttribute("kind", S), new KeyAttribute("rank", N)),
                new Projection(Projection.Type.KEYS_ONLY, null), Throughput.ON_DEMAND,
                SecondaryIndex.IndexStatus.ACTIVE, false);
        TableDefinition t = emulator.catalog().update("r", "t", x -> x.toBuilder().globalIndexes(List.of(dropped, kept))
                .attributeDefinitions(Map.of("pk", N, "kind", S, "qty", N, "rank", N)).build());
        emulator.indexes().drop(t, dropped);
        while (emulator.catalog().find("r", "t").index("byQty") != null) Thread.onSpinWait();
        assertEquals(Map.of("pk", N, "kind", S, "rank", N), emulator.catalog().find("r", "t").attributeDefinitions());
    }

    @Test
    void aTransactionWritesAllOfItsItemsOrNone() {
        TableDefinition t = table();
        Map<String, AttributeValue> a = item(1, 10);
        Map<String, AttributeValue> b = item(2, 20);
        emulator.items().transact(List.of(
                new TransactWrite(t, Keys.fromItem(t, a), old -> a),
                new TransactWrite(t, Keys.fromItem(t, b), old -> b)));
        assertEquals(2, TableStats.itemCount(emulator.store(), t.id()));
        TransactionFailure f = assertThrows(TransactionFailure.class, () -> emulator.items().transact(List.of(
                new TransactWrite(t, Keys.fromItem(t, a), old -> null),
                new TransactWrite(t, Keys.fromItem(t, b), old -> {
                    throw new DynamoException(dev.eddy.core.error.ErrorCode.CONDITIONAL_CHECK_FAILED, "no");
                }))));
        assertEquals(null, f.reasons().get(0));
        assertEquals(2, TableStats.itemCount(emulator.store(), t.id()));
    }
}
