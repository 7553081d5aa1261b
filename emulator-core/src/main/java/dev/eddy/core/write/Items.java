package dev.eddy.core.write;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemCodec;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.storage.Batch;
import dev.eddy.core.storage.Family;
import dev.eddy.core.storage.Store;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.TableStats;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads and writes single items. Every write: lock the item, read it, apply the change,
 * then commit the item, its statistics and whatever the hooks stage in one batch.
 */
public final class Items {
    private final Store store;
    private final ItemLocks locks = new ItemLocks();
    private final List<WriteHook> hooks = new CopyOnWriteArrayList<>();

    public Items(Store store) {
        this.store = store;
    }

    public Store store() {
        return store;
    }

    public ItemLocks locks() {
        return locks;
    }

    public void addHook(WriteHook hook) {
        hooks.add(hook);
    }

    /** The stored item, or null. Reads are always of committed data, so every read is consistent. */
    public Map<String, AttributeValue> get(TableDefinition table, PrimaryKey key) {
        byte[] bytes = store.get(Family.ITEMS, key.encode(table.id()));
        return bytes == null ? null : ItemCodec.decode(bytes);
    }

    public WriteResult write(TableDefinition table, PrimaryKey key, ItemChange change) {
        return write(table, key, change, WriteOrigin.CLIENT);
    }

    public WriteResult write(TableDefinition table, PrimaryKey key, ItemChange change, WriteOrigin origin) {
        byte[] storageKey = key.encode(table.id());
        ReentrantLock lock = locks.lock(locks.stripe(storageKey));
        lock.lock();
        try {
            byte[] oldBytes = store.get(Family.ITEMS, storageKey);
            Map<String, AttributeValue> oldItem = oldBytes == null ? null : ItemCodec.decode(oldBytes);
            Map<String, AttributeValue> newItem = change.apply(oldItem);
            if (Objects.equals(oldItem, newItem)) return new WriteResult(oldItem, newItem);
            try (Batch batch = store.newBatch()) {
                stage(batch, table, key, storageKey, oldItem, newItem, origin);
                store.write(batch);
            }
            return new WriteResult(oldItem, newItem);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stages one item's change into a batch, with its statistics and hooks. The caller holds
     * the item's lock and commits the batch; transactions stage several items into one batch.
     */
    public void stage(Batch batch, TableDefinition table, PrimaryKey key, byte[] storageKey,
                      Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem, WriteOrigin origin) {
        long sizeDelta = 0;
        long countDelta = 0;
        if (oldItem != null) {
            sizeDelta -= ItemSize.of(oldItem);
            countDelta--;
        }
        if (newItem != null) {
            batch.put(Family.ITEMS, storageKey, ItemCodec.encode(newItem));
            sizeDelta += ItemSize.of(newItem);
            countDelta++;
        } else {
            batch.delete(Family.ITEMS, storageKey);
        }
        if (countDelta != 0) batch.addToCounter(TableStats.countKey(table.id()), countDelta);
        if (sizeDelta != 0) batch.addToCounter(TableStats.sizeKey(table.id()), sizeDelta);
        for (WriteHook hook : hooks) hook.stage(table, key, oldItem, newItem, origin, batch);
    }
}
