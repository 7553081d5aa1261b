package dev.eddy.core.index;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemCodec;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.storage.Batch;
import dev.eddy.core.storage.Cursor;
import dev.eddy.core.storage.Family;
import dev.eddy.core.storage.Store;
import dev.eddy.core.table.Catalog;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.TableStats;
import dev.eddy.core.write.ItemLocks;
import dev.eddy.core.write.Items;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Secondary indexes on live tables: keeps them current on every write (through
 * {@link IndexMaintenance}), backfills a global index added by UpdateTable, and removes the
 * entries of a deleted one, in the background. Work left unfinished by a stopped process
 * resumes when the data directory is opened again.
 */
public final class Indexes implements AutoCloseable {
    private static final int BACKFILL_CHUNK = 512;

    private final Store store;
    private final Catalog catalog;
    private final Items items;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eddy-index-builds");
        t.setDaemon(true);
        return t;
    });

    public Indexes(Store store, Catalog catalog, Items items) {
        this.store = store;
        this.catalog = catalog;
        this.items = items;
        items.addHook(new IndexMaintenance(catalog, store));
        for (TableDefinition t : catalog.all()) {
            for (SecondaryIndex i : t.globalIndexes()) {
                if (i.status() == SecondaryIndex.IndexStatus.CREATING) backfill(t, i);
                if (i.status() == SecondaryIndex.IndexStatus.DELETING) drop(t, i);
            }
        }
    }

    /**
     * Copies the existing items of a table into a global index the catalog already lists as
     * CREATING, then makes it ACTIVE. Items are copied under their locks, a chunk at a time,
     * so a concurrent write is either seen by the copy or maintains the entry itself.
     */
    public void backfill(TableDefinition table, SecondaryIndex index) {
        background.execute(() -> {
            try {
                if (copyItems(table, index)) {
                    // Unless UpdateTable deleted the index meanwhile: its removal follows on this thread.
                    changeIndex(table, index, i -> i.status() == SecondaryIndex.IndexStatus.CREATING
                            ? i.withStatus(SecondaryIndex.IndexStatus.ACTIVE, false) : i);
                }
            } catch (RuntimeException e) {
                log().log(Level.WARNING, "backfill of index " + index.name() + " failed", e);
            }
        });
    }

    /**
     * Removes the entries and statistics of an index the catalog lists as DELETING, then the
     * index, and with it (as AWS does) the attribute definitions no other key still uses.
     */
    public void drop(TableDefinition table, SecondaryIndex index) {
        background.execute(() -> {
            try {
                store.deleteRange(Family.INDEXES, Catalog.idPrefix(index.id()), Catalog.idPrefix(index.id() + 1));
                try (Batch batch = store.newBatch()) {
                    batch.delete(Family.META, TableStats.countKey(index.id()));
                    batch.delete(Family.META, TableStats.sizeKey(index.id()));
                    store.write(batch);
                }
                changeIndex(table, index, i -> null);
            } catch (RuntimeException e) {
                log().log(Level.WARNING, "removal of index " + index.name() + " failed", e);
            }
        });
    }

    private boolean copyItems(TableDefinition table, SecondaryIndex index) {
        byte[] upper = Catalog.idPrefix(table.id() + 1);
        byte[] from = Catalog.idPrefix(table.id());
        while (!Thread.currentThread().isInterrupted()) {
            List<byte[]> keys = new ArrayList<>(BACKFILL_CHUNK);
            try (Cursor c = store.cursor(Family.ITEMS, from, upper)) {
                for (c.seekToFirst(); c.valid() && keys.size() < BACKFILL_CHUNK; c.next()) keys.add(c.key());
            }
            if (keys.isEmpty()) return true;
            byte[] last = keys.get(keys.size() - 1);
            from = java.util.Arrays.copyOf(last, last.length + 1);
            try (ItemLocks.Held held = items.locks().lockAll(keys)) {
                SecondaryIndex current = currentIndex(table, index);
                if (current == null || current.status() != SecondaryIndex.IndexStatus.CREATING) return false;
                copyChunk(table, current, keys);
            }
        }
        return false;
    }

    private void copyChunk(TableDefinition table, SecondaryIndex index, List<byte[]> keys) {
        long count = 0;
        long size = 0;
        try (Batch batch = store.newBatch()) {
            for (byte[] key : keys) {
                byte[] bytes = store.get(Family.ITEMS, key);
                if (bytes == null) continue;
                Map<String, AttributeValue> item = ItemCodec.decode(bytes);
                byte[] entryKey = IndexEntries.key(index, table.keySchema(), item);
                if (entryKey == null || !IndexEntries.keySizesFit(index, item)
                        || store.get(Family.INDEXES, entryKey) != null) {
                    continue;
                }
                Map<String, AttributeValue> projected = IndexEntries.project(index, table.keySchema(), item);
                batch.put(Family.INDEXES, entryKey, ItemCodec.encode(projected));
                count++;
                size += ItemSize.of(projected);
            }
            if (count == 0) return;
            batch.addToCounter(TableStats.countKey(index.id()), count);
            batch.addToCounter(TableStats.sizeKey(index.id()), size);
            store.write(batch);
        }
    }

    private SecondaryIndex currentIndex(TableDefinition table, SecondaryIndex index) {
        TableDefinition t = catalog.find(table.region(), table.name());
        if (t == null || t.id() != table.id()) return null;
        for (SecondaryIndex i : t.globalIndexes()) if (i.id() == index.id()) return i;
        return null;
    }

    /** Replaces (or, when {@code change} answers null, removes) the index of that id, if the table still has it. */
    private void changeIndex(TableDefinition table, SecondaryIndex index, UnaryOperator<SecondaryIndex> change) {
        if (currentIndex(table, index) == null) return;
        try {
            catalog.update(table.region(), table.name(), t -> {
                if (t.id() != table.id()) return t;
                List<SecondaryIndex> gsis = new ArrayList<>();
                boolean removed = false;
                for (SecondaryIndex i : t.globalIndexes()) {
                    SecondaryIndex changed = i.id() == index.id() ? change.apply(i) : i;
                    if (changed != null) gsis.add(changed);
                    else removed = true;
                }
                TableDefinition.Builder b = t.toBuilder().globalIndexes(gsis);
                if (removed) b.attributeDefinitions(definitionsInUse(t, gsis));
                return b.build();
            });
        } catch (dev.eddy.core.error.DynamoException tableGone) {
            // deleted meanwhile: its index entries went with it
        }
    }

    /** The table's attribute definitions that its key, its local indexes or {@code gsis} use. */
    private static Map<String, AttributeValue.Type> definitionsInUse(TableDefinition t, List<SecondaryIndex> gsis) {
        Set<String> used = new HashSet<>();
        for (KeyAttribute k : t.keySchema().attributes()) used.add(k.name());
        for (SecondaryIndex i : t.localIndexes()) for (KeyAttribute k : i.keySchema().attributes()) used.add(k.name());
        for (SecondaryIndex i : gsis) for (KeyAttribute k : i.keySchema().attributes()) used.add(k.name());
        Map<String, AttributeValue.Type> kept = new LinkedHashMap<>(t.attributeDefinitions());
        kept.keySet().retainAll(used);
        return kept;
    }

    @Override
    public void close() {
        background.shutdownNow();
        try {
            background.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Looked up at the first failure, not at class load: starting java.util.logging slows a cold start. */
    private static Logger log() {
        return Logger.getLogger(Indexes.class.getName());
    }
}
