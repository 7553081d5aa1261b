package dev.eddy.core.write;

import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;
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

    /**
     * Takes the stripes of several items, each once, in ascending order, so two holders of
     * overlapping sets cannot deadlock. Closing the result releases them.
     */
    public Held lockAll(Collection<byte[]> encodedKeys) {
        TreeSet<Integer> stripes = new TreeSet<>();
        for (byte[] k : encodedKeys) stripes.add(stripe(k));
        int[] taken = new int[stripes.size()];
        int n = 0;
        try {
            for (int s : stripes) {
                locks[s].lock();
                taken[n++] = s;
            }
        } catch (RuntimeException | Error e) {
            for (int i = n - 1; i >= 0; i--) locks[taken[i]].unlock();
            throw e;
        }
        return new Held(taken);
    }

    /** Stripes held by {@link #lockAll}; closing releases them in reverse order. */
    public final class Held implements AutoCloseable {
        private final int[] stripes;

        private Held(int[] stripes) {
            this.stripes = stripes;
        }

        @Override
        public void close() {
            for (int i = stripes.length - 1; i >= 0; i--) locks[stripes[i]].unlock();
        }
    }
}
