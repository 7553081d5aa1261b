package dev.eddy.core.write;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks that serialise writes to one item. Two items may share a stripe, which only
 * costs concurrency; transactions take their stripes in ascending order, so they cannot deadlock.
 */
public final class ItemLocks {
    private static final int STRIPES = 4096;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public ItemLocks() {
        for (int i = 0; i < STRIPES; i++) locks[i] = new ReentrantLock();
    }

    public int stripe(byte[] encodedKey) {
        return Math.floorMod(Arrays.hashCode(encodedKey), STRIPES);
    }

    public ReentrantLock lock(int stripe) {
        return locks[stripe];
    }
}
