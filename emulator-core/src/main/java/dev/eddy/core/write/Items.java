package dev.eddy.core.write;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemCodec;
import dev.eddy.core.storage.Batch;
import dev.eddy.core.storage.Family;
import dev.eddy.core.storage.Store;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.TableStats;
import java.util.ArrayList;
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
            byte[] oldBytes = store.getForWrite(Family.ITEMS, storageKey);
            Map<String, AttributeValue> oldItem = oldBytes == null ? null : ItemCodec.decode(oldBytes);
            WriteResult result = WriteResult.of(oldItem, change.apply(oldItem));
            if (Objects.equals(oldItem, result.newItem())) return result;
            try (Batch batch = store.newBatch()) {
                stage(batch, table, key, storageKey, result, origin);
                store.write(batch);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stages one item's change into a batch, with its statistics and hooks. The caller holds
     * the item's lock and commits the batch; transactions stage several items into one batch.
     */
    public void stage(Batch batch, TableDefinition table, PrimaryKey key, byte[] storageKey, WriteResult change,
                      WriteOrigin origin) {
        Map<String, AttributeValue> oldItem = change.oldItem();
        Map<String, AttributeValue> newItem = change.newItem();
        long sizeDelta = change.newSize() - change.oldSize();
        long countDelta = 0;
        if (oldItem != null) countDelta--;
        if (newItem != null) {
            batch.put(Family.ITEMS, storageKey, ItemCodec.encode(newItem));
            countDelta++;
        } else {
            batch.delete(Family.ITEMS, storageKey);
        }
        if (countDelta != 0) batch.addToCounter(TableStats.countKey(table.id()), countDelta);
        if (sizeDelta != 0) batch.addToCounter(TableStats.sizeKey(table.id()), sizeDelta);
        for (WriteHook hook : hooks) hook.stage(table, key, oldItem, newItem, origin, batch);
    }

    /**
     * Applies several changes all or nothing, serialisable with every other write: takes the
     * items' lock stripes in ascending order, reads every item, applies every change, and
     * commits one batch only if none refused. Items must be distinct.
     *
     * @throws TransactionFailure when any change throws a DynamoException; nothing is written
     */
    public List<WriteResult> transact(List<TransactWrite> writes) {
        List<byte[]> storageKeys = new ArrayList<>(writes.size());
        for (TransactWrite w : writes) storageKeys.add(w.key().encode(w.table().id()));
        try (ItemLocks.Held held = locks.lockAll(storageKeys)) {
            List<WriteResult> results = new ArrayList<>(writes.size());
            List<DynamoException> reasons = new ArrayList<>(writes.size());
            boolean failed = false;
            for (int i = 0; i < writes.size(); i++) {
                byte[] oldBytes = store.getForWrite(Family.ITEMS, storageKeys.get(i));
                Map<String, AttributeValue> oldItem = oldBytes == null ? null : ItemCodec.decode(oldBytes);
                try {
                    results.add(WriteResult.of(oldItem, writes.get(i).change().apply(oldItem)));
                    reasons.add(null);
                } catch (DynamoException e) {
                    results.add(null);
                    reasons.add(e);
                    failed = true;
                }
            }
            if (failed) throw new TransactionFailure(reasons);
            try (Batch batch = store.newBatch()) {
                for (int i = 0; i < writes.size(); i++) {
                    WriteResult r = results.get(i);
                    if (Objects.equals(r.oldItem(), r.newItem())) continue;
                    TransactWrite w = writes.get(i);
                    stage(batch, w.table(), w.key(), storageKeys.get(i), r, WriteOrigin.CLIENT);
                }
                if (!batch.isEmpty()) store.write(batch);
            }
            return results;
        }
    }

    /** Reads several items as of one instant: no transaction is half visible to it. */
    public List<Map<String, AttributeValue>> getAll(List<TableDefinition> tables, List<PrimaryKey> keys) {
        List<byte[]> storageKeys = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) storageKeys.add(keys.get(i).encode(tables.get(i).id()));
        try (ItemLocks.Held held = locks.lockAll(storageKeys)) {
            List<Map<String, AttributeValue>> items = new ArrayList<>(keys.size());
            for (byte[] k : storageKeys) {
                byte[] bytes = store.get(Family.ITEMS, k);
                items.add(bytes == null ? null : ItemCodec.decode(bytes));
            }
            return items;
        }
    }
}
