package dev.eddy.core.storage;

import java.util.ArrayList;
import java.util.List;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/** Changes that commit together or not at all: one logical write is one batch. */
public final class Batch implements AutoCloseable {
    private final Store store;
    final WriteBatch writeBatch = new WriteBatch();
    private List<Runnable> onClose;

    Batch(Store store) {
        this.store = store;
    }

    public Batch put(Family family, byte[] key, byte[] value) {
        try {
            writeBatch.put(store.handle(family), key, value);
        } catch (RocksDBException e) {
            throw new StorageException("cannot stage a write", e);
        }
        return this;
    }

    public Batch delete(Family family, byte[] key) {
        try {
            writeBatch.delete(store.handle(family), key);
        } catch (RocksDBException e) {
            throw new StorageException("cannot stage a delete", e);
        }
        return this;
    }

    /** Adds {@code delta} to a 64-bit counter (see {@link Store#counter}). */
    public Batch addToCounter(byte[] key, long delta) {
        try {
            writeBatch.merge(store.handle(Family.META), key, Store.littleEndian(delta));
        } catch (RocksDBException e) {
            throw new StorageException("cannot stage a counter update", e);
        }
        return this;
    }

    public boolean isEmpty() {
        return writeBatch.count() == 0;
    }

    /**
     * Runs {@code action} when the batch closes, after it was committed or abandoned. Lets a
     * hook hold something it reserved for the write (a stream sequence number) until the
     * commit is over, so every writer's batch must be closed, as try-with-resources does.
     */
    public void onClose(Runnable action) {
        if (onClose == null) onClose = new ArrayList<>(2);
        onClose.add(action);
    }

    @Override
    public void close() {
        writeBatch.close();
        if (onClose == null) return;
        List<Runnable> actions = onClose;
        onClose = null;
        for (Runnable action : actions) action.run();
    }
}
