package dev.eddy.core.index;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.storage.Store;
import dev.eddy.core.write.PrimaryKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Item collection sizes of tables with local secondary indexes: the table's items of one
 * partition key plus their local index entries, limited to 10 GB, kept as a counter per
 * collection that every write updates in its own batch.
 */
public final class ItemCollections {
    public static final long MAX_BYTES = 10L * 1024 * 1024 * 1024;
    private static final byte[] PREFIX = "collection/".getBytes(StandardCharsets.UTF_8);

    private ItemCollections() {
    }

    public static byte[] sizeKey(long tableId, AttributeValue partition) {
        byte[] collection = PrimaryKey.collectionPrefix(tableId, partition);
        return ByteBuffer.allocate(PREFIX.length + collection.length).put(PREFIX).put(collection).array();
    }

    public static long sizeBytes(Store store, long tableId, AttributeValue partition) {
        return store.counter(sizeKey(tableId, partition));
    }

    /** AWS's SizeEstimateRangeGB: the whole gigabytes below and above the collection's size. */
    public static double[] sizeEstimateRangeGb(long bytes) {
        double lower = Math.floor(bytes / (double) (1L << 30));
        return new double[] {lower, lower + 1};
    }
}
