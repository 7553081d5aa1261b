package dev.eddy.core.storage;

import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A forward or backward walk over the keys of one family within [lower, upper).
 * Must be closed: it pins native memory and a view of the database.
 */
public final class Cursor implements AutoCloseable {
    private final RocksIterator iterator;
    private final ReadOptions readOptions;
    private final Slice lowerSlice;
    private final Slice upperSlice;

    Cursor(RocksIterator iterator, ReadOptions readOptions, Slice lowerSlice, Slice upperSlice) {
        this.iterator = iterator;
        this.readOptions = readOptions;
        this.lowerSlice = lowerSlice;
        this.upperSlice = upperSlice;
    }

    /** Positions at the first key at or after {@code key}. */
    public void seek(byte[] key) {
        iterator.seek(key);
    }

    /** Positions at the last key at or before {@code key}. */
    public void seekForPrev(byte[] key) {
        iterator.seekForPrev(key);
    }

    public void seekToFirst() {
        iterator.seekToFirst();
    }

    public void seekToLast() {
        iterator.seekToLast();
    }

    public boolean valid() {
        return iterator.isValid();
    }

    public byte[] key() {
        return iterator.key();
    }

    public byte[] value() {
        return iterator.value();
    }

    /**
     * Copies the value into {@code buffer} when it fits, and returns its length either way:
     * a reader of many values reuses one buffer instead of an array per value.
     */
    public int value(byte[] buffer) {
        return iterator.value(buffer, 0, buffer.length);
    }

    public void next() {
        iterator.next();
    }

    public void prev() {
        iterator.prev();
    }

    @Override
    public void close() {
        iterator.close();
        readOptions.close();
        if (lowerSlice != null) lowerSlice.close();
        if (upperSlice != null) upperSlice.close();
    }
}
