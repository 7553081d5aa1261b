package dev.eddy.core.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Env;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.ReadTier;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksMemEnv;
import org.rocksdb.Slice;
import org.rocksdb.Status;
import org.rocksdb.UInt64AddOperator;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * Eddy's one RocksDB database: a fixed set of column families, opened at start. The
 * write-ahead log is always on, so an acknowledged write survives the process being
 * killed; {@code syncWrites} also fsyncs it, for power-loss durability.
 */
public final class Store implements AutoCloseable {
    /**
     * All memtables together stay under this, whatever the number of column families, so a
     * write-heavy load holds a bounded amount of memory before flushing.
     */
    private static final long MEMTABLE_BUDGET_BYTES = 48L << 20;
    /**
     * An in-memory store flushes sooner: its memtables hold items uncompressed, while its files,
     * in memory as well, hold them compressed. 16 MB kept 35 MB less resident after the
     * benchmark's PutItem load, for about 6% of its throughput (three runs each).
     */
    private static final long IN_MEMORY_MEMTABLE_BUDGET_BYTES = 16L << 20;
    /** Uncompressed blocks, shared by the families; memtable memory is charged to it as well. */
    private static final long BLOCK_CACHE_BYTES = 80L << 20;
    /**
     * An in-memory store's files are in memory already, so a block missing from the cache costs
     * a copy and a decompression, not a disk read: half the cache took 45 MB off the resident
     * memory after the benchmark's loads for about 10% of GetItem throughput at 16 clients.
     */
    private static final long IN_MEMORY_BLOCK_CACHE_BYTES = 40L << 20;
    private static final int BLOOM_BITS_PER_KEY = 10;
    private static final long STREAM_BLOCK_BYTES = 64 * 1024;

    static {
        NativeLibrary.load();
    }

    /** Set while the calling thread runs {@link #withoutWaitingForDisk}. */
    private static final ThreadLocal<boolean[]> CACHE_ONLY = ThreadLocal.withInitial(() -> new boolean[1]);

    private final RocksDB db;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions familyOptions;
    private final ColumnFamilyOptions streamFamilyOptions;
    private final UInt64AddOperator counterMerge;
    private final Env env;
    private final LRUCache blockCache;
    private final WriteBufferManager writeBufferManager;
    private final BloomFilter bloomFilter;
    private final WriteOptions writeOptions;
    private final ReadOptions cacheOnlyReads;
    private final ReadOptions readsForWrites;
    private final boolean inMemory;
    private final Map<Family, ColumnFamilyHandle> handles = new EnumMap<>(Family.class);
    private final List<ColumnFamilyHandle> allHandles = new ArrayList<>();

    private Store(Path dir, boolean inMemory, boolean syncWrites) {
        this.inMemory = inMemory;
        env = inMemory ? new RocksMemEnv(Env.getDefault()) : null;
        counterMerge = new UInt64AddOperator();
        blockCache = new LRUCache(inMemory ? IN_MEMORY_BLOCK_CACHE_BYTES : BLOCK_CACHE_BYTES);
        writeBufferManager = new WriteBufferManager(
                inMemory ? IN_MEMORY_MEMTABLE_BUDGET_BYTES : MEMTABLE_BUDGET_BYTES, blockCache);
        // Bloom filters let a GetItem skip the files that cannot hold its key.
        bloomFilter = new BloomFilter(BLOOM_BITS_PER_KEY);
        // Large items (up to 400 KB) go to blob files, so compaction moves pointers, not items.
        familyOptions = new ColumnFamilyOptions().setMergeOperator(counterMerge)
                .setTableFormatConfig(new BlockBasedTableConfig()
                        .setBlockCache(blockCache)
                        .setFilterPolicy(bloomFilter))
                .setEnableBlobFiles(true)
                .setMinBlobSize(8 * 1024);
        // Stream records are only ever read in order, a megabyte per GetRecords, where fetching
        // and decompressing blocks was a third of the work: LZ4 decompresses several times
        // faster than Snappy at about the same size, and 64 KB blocks (of some thirty 2 KB
        // records, not two) pay each block's lookup and checksum once per many records.
        // Nothing looks a record up by key, so no Bloom filter.
        streamFamilyOptions = new ColumnFamilyOptions(familyOptions)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setTableFormatConfig(new BlockBasedTableConfig()
                        .setBlockCache(blockCache)
                        .setBlockSize(STREAM_BLOCK_BYTES));
        dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setMaxBackgroundJobs(2)
                // A writer waiting for the group commit of concurrent writes sleeps at once rather
                // than spinning on sched_yield for up to 100 us: with a few cores the spinning took
                // the CPU the committing thread needed (BatchWriteItem load p99 about 65 -> 44 ms).
                .setEnableWriteThreadAdaptiveYield(false)
                .setWriteBufferManager(writeBufferManager);
        if (env != null) dbOptions.setEnv(env);
        // A log kept in memory protects nothing the process keeps: an in-memory store has none.
        writeOptions = new WriteOptions().setSync(syncWrites).setDisableWAL(inMemory);
        // RocksDB answers these from memtables and the block cache, or says Incomplete.
        cacheOnlyReads = new ReadOptions().setReadTier(ReadTier.BLOCK_CACHE_TIER);
        readsForWrites = new ReadOptions().setFillCache(false);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions));
        for (Family f : Family.values()) {
            descriptors.add(new ColumnFamilyDescriptor(f.columnFamilyName.getBytes(),
                    f == Family.STREAMS ? streamFamilyOptions : familyOptions));
        }
        try {
            if (!inMemory) Files.createDirectories(dir);
            db = RocksDB.open(dbOptions, inMemory ? "/eddy-in-memory" : dir.toString(), descriptors, allHandles);
        } catch (RocksDBException e) {
            closeOptions();
            String status = String.valueOf(e.getMessage());
            if (status.contains("lock") || status.contains("LOCK")) {
                throw new StorageException("The data directory " + dir
                        + " is in use by another Eddy process; stop it or choose another --data-dir", e);
            }
            throw new StorageException("Cannot open the data directory " + dir + ": " + status, e);
        } catch (java.io.IOException e) {
            closeOptions();
            throw new StorageException("Cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
        for (Family f : Family.values()) handles.put(f, allHandles.get(f.ordinal() + 1));
    }

    public static Store open(Path dir, boolean syncWrites) {
        return new Store(dir, false, syncWrites);
    }

    /** A store that lives in memory only and leaves nothing on disk. */
    public static Store inMemory() {
        return new Store(null, true, false);
    }

    ColumnFamilyHandle handle(Family family) {
        return handles.get(family);
    }

    public byte[] get(Family family, byte[] key) {
        try {
            if (!inMemory && CACHE_ONLY.get()[0]) return db.get(handle(family), cacheOnlyReads, key);
            return db.get(handle(family), key);
        } catch (RocksDBException e) {
            Status status = e.getStatus();
            if (status != null && status.getCode() == Status.Code.Incomplete) throw WouldWaitForDisk.INSTANCE;
            throw new StorageException("read failed", e);
        }
    }

    /**
     * Reads a key that the caller is about to write. The block read stays out of the block
     * cache: the write replaces the version it holds, so the next read of the key wants the new
     * version (in a memtable, or the file it is flushed to), not that block. A PutItem load
     * otherwise filled the cache with such blocks.
     */
    public byte[] getForWrite(Family family, byte[] key) {
        try {
            return db.get(handle(family), readsForWrites, key);
        } catch (RocksDBException e) {
            throw new StorageException("read failed", e);
        }
    }

    /**
     * Runs {@code work} on the promise that its point reads ({@link #get}) never wait for the
     * disk: each is answered from memory (memtables, the block cache, or an in-memory store),
     * or throws {@link WouldWaitForDisk}, after which the caller runs the work again on a
     * thread that may wait. Work that writes must not run here.
     */
    public <T> T withoutWaitingForDisk(Supplier<T> work) {
        boolean[] cacheOnly = CACHE_ONLY.get();
        cacheOnly[0] = true;
        try {
            return work.get();
        } finally {
            cacheOnly[0] = false;
        }
    }

    /** A read inside {@link #withoutWaitingForDisk} needed the disk. Carries no stack: it is expected. */
    public static final class WouldWaitForDisk extends RuntimeException {
        static final WouldWaitForDisk INSTANCE = new WouldWaitForDisk();

        private WouldWaitForDisk() {
            super("the read needs the disk", null, false, false);
        }
    }

    public Batch newBatch() {
        return new Batch(this);
    }

    /** Commits the batch atomically, through the write-ahead log. */
    public void write(Batch batch) {
        try {
            db.write(writeOptions, batch.writeBatch);
        } catch (RocksDBException e) {
            throw new StorageException("write failed", e);
        }
    }

    /** A cursor over keys in [lower, upper); either bound may be null for open. */
    public Cursor cursor(Family family, byte[] lower, byte[] upper) {
        return cursor(family, lower, upper, true);
    }

    /**
     * A cursor for one pass over a range read about once, such as a shard's records: the
     * blocks it reads stay out of the block cache, where they would take the place (and
     * resident memory) of blocks that are read again.
     */
    public Cursor scan(Family family, byte[] lower, byte[] upper) {
        return cursor(family, lower, upper, false);
    }

    private Cursor cursor(Family family, byte[] lower, byte[] upper, boolean fillCache) {
        ReadOptions readOptions = new ReadOptions().setFillCache(fillCache);
        Slice lowerSlice = lower == null ? null : new Slice(lower);
        Slice upperSlice = upper == null ? null : new Slice(upper);
        if (lowerSlice != null) readOptions.setIterateLowerBound(lowerSlice);
        if (upperSlice != null) readOptions.setIterateUpperBound(upperSlice);
        return new Cursor(db.newIterator(handle(family), readOptions), readOptions, lowerSlice, upperSlice);
    }

    /** Deletes every key in [from, to) of a family at once (a range tombstone). */
    public void deleteRange(Family family, byte[] from, byte[] to) {
        try {
            db.deleteRange(handle(family), writeOptions, from, to);
            // Files wholly inside the range go now, not at some later compaction.
            db.deleteFilesInRanges(handle(family), List.of(from, to), false);
        } catch (RocksDBException e) {
            throw new StorageException("range delete failed", e);
        }
    }

    /** The value of a counter kept in META by {@link Batch#addToCounter}; 0 when absent. */
    public long counter(byte[] key) {
        byte[] value = get(Family.META, key);
        return value == null ? 0 : ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    static byte[] littleEndian(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    @Override
    public void close() {
        try {
            db.syncWal();
        } catch (RocksDBException ignored) {
            // closing anyway; the WAL has every acknowledged write already
        }
        for (ColumnFamilyHandle h : allHandles) h.close();
        db.close();
        closeOptions();
    }

    private void closeOptions() {
        writeOptions.close();
        cacheOnlyReads.close();
        readsForWrites.close();
        dbOptions.close();
        familyOptions.close();
        writeBufferManager.close();
        blockCache.close();
        bloomFilter.close();
        counterMerge.close();
        if (env != null) env.close();
        streamFamilyOptions.close();
    }
}
