package dev.eddy.core.storage;

import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/** Changes that commit together or not at all: one logical write is one batch. */
public final class Batch implements AutoCloseable {
    private final Store store;
    final WriteBatch writeBatch = new WriteBatch();

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

    @Override
    public void close() {
        writeBatch.close();
    }
}
