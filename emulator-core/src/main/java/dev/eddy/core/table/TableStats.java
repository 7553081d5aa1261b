package dev.eddy.core.table;

import dev.eddy.core.storage.Store;
import java.nio.ByteBuffer;

/**
 * ItemCount and TableSizeBytes, kept exact: every write adds its deltas to two counters in
 * the same batch as the item, so the figures survive restarts without a scan.
 */
public final class TableStats {
    private TableStats() {
    }

    public static byte[] countKey(long tableOrIndexId) {
        return key('c', tableOrIndexId);
    }

    public static byte[] sizeKey(long tableOrIndexId) {
        return key('s', tableOrIndexId);
    }

    public static long itemCount(Store store, long tableOrIndexId) {
        return store.counter(countKey(tableOrIndexId));
    }

    public static long sizeBytes(Store store, long tableOrIndexId) {
        return store.counter(sizeKey(tableOrIndexId));
    }

    private static byte[] key(char kind, long id) {
        return ByteBuffer.allocate(15).put("stats/".getBytes()).put((byte) kind).putLong(id).array();
    }
}
