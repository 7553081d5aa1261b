package dev.eddy.core.index;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.storage.Batch;
import dev.eddy.core.storage.Family;
import dev.eddy.core.storage.Store;
import dev.eddy.core.table.Catalog;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.TableStats;
import dev.eddy.core.write.PrimaryKey;
import dev.eddy.core.write.WriteHook;
import dev.eddy.core.write.WriteOrigin;
import java.util.Arrays;
import java.util.Map;

/**
 * Keeps every secondary index in step with its table: stages the entry changes, index
 * statistics and item collection size of each item write into the write's own batch.
 *
 * <p>It reads the table's definition from the catalog at staging time, under the item's lock,
 * not the one the request started with: an index added to a live table then sees every
 * write that its backfill may already have passed. While an index backfills, an entry may or
 * may not exist yet, so the counters follow what is actually stored.
 */
public final class IndexMaintenance implements WriteHook {
    private final Catalog catalog;
    private final Store store;

    public IndexMaintenance(Catalog catalog, Store store) {
        this.catalog = catalog;
        this.store = store;
    }

    @Override
    public void stage(TableDefinition table, PrimaryKey key, Map<String, AttributeValue> oldItem,
                      Map<String, AttributeValue> newItem, WriteOrigin origin, Batch batch) {
        TableDefinition current = catalog.find(table.region(), table.name());
        if (current == null || current.id() != table.id()) return;
        long collectionDelta = 0;
        for (SecondaryIndex index : current.indexes()) {
            if (index.status() == SecondaryIndex.IndexStatus.DELETING) continue;
            long sizeDelta = stage(index, current.keySchema(), oldItem, newItem, batch);
            if (!index.global()) collectionDelta += sizeDelta;
        }
        if (!current.localIndexes().isEmpty()) {
            collectionDelta += (newItem == null ? 0 : ItemSize.of(newItem)) - (oldItem == null ? 0 : ItemSize.of(oldItem));
            if (collectionDelta == 0) return;
            byte[] counter = ItemCollections.sizeKey(current.id(), key.partition());
            if (collectionDelta > 0 && store.counter(counter) + collectionDelta > ItemCollections.MAX_BYTES) {
                throw new DynamoException(ErrorCode.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED,
                        "Item collection size limit exceeded. Item collection size exceeds the 10 GB limit");
            }
            batch.addToCounter(counter, collectionDelta);
        }
    }

    /** Stages one index's change; returns the change in the index's size. */
    private long stage(SecondaryIndex index, KeySchema tableKey, Map<String, AttributeValue> oldItem,
                       Map<String, AttributeValue> newItem, Batch batch) {
        byte[] oldKey = oldItem == null ? null : IndexEntries.key(index, tableKey, oldItem);
        byte[] newKey = newItem == null ? null : IndexEntries.key(index, tableKey, newItem);
        if (oldKey != null && index.backfilling() && store.get(Family.INDEXES, oldKey) == null) oldKey = null;
        long oldSize = oldKey == null ? 0 : ItemSize.of(IndexEntries.project(index, tableKey, oldItem));
        long count = 0;
        long size = 0;
        if (oldKey != null && (newKey == null || !Arrays.equals(oldKey, newKey))) {
            batch.delete(Family.INDEXES, oldKey);
            count--;
            size -= oldSize;
        }
        if (newKey != null) {
            Map<String, AttributeValue> projected = IndexEntries.project(index, tableKey, newItem);
            batch.put(Family.INDEXES, newKey, dev.eddy.core.item.ItemCodec.encode(projected));
            if (oldKey != null && Arrays.equals(oldKey, newKey)) {
                size += ItemSize.of(projected) - oldSize;
            } else {
                count++;
                size += ItemSize.of(projected);
            }
        }
        if (count != 0) batch.addToCounter(TableStats.countKey(index.id()), count);
        if (size != 0) batch.addToCounter(TableStats.sizeKey(index.id()), size);
        return size;
    }
}
