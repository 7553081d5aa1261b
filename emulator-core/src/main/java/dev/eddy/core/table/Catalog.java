package dev.eddy.core.table;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.storage.Batch;
import dev.eddy.core.storage.Cursor;
import dev.eddy.core.storage.Family;
import dev.eddy.core.storage.Store;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The tables of every region, kept in memory and persisted in the META family. Changes to
 * one table's definition are serialised; readers see whole definitions, never half of one.
 */
public final class Catalog {
    private static final byte[] NEXT_ID = "next-id".getBytes(StandardCharsets.UTF_8);
    private static final String TABLE_PREFIX = "table/";

    private final Store store;
    private final Clock clock;
    private final Map<String, TableDefinition> tables = new ConcurrentHashMap<>();
    private final Object idLock = new Object();
    private final List<TableListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong lastStreamLabelMillis = new AtomicLong();

    public Catalog(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        byte[] prefix = TABLE_PREFIX.getBytes(StandardCharsets.UTF_8);
        try (Cursor c = store.cursor(Family.META, prefix, upperBound(prefix))) {
            for (c.seekToFirst(); c.valid(); c.next()) {
                TableDefinition t = TableCodec.decode(c.value());
                tables.put(mapKey(t.region(), t.name()), t);
            }
        }
    }

    public Clock clock() {
        return clock;
    }

    public void addListener(TableListener listener) {
        listeners.add(listener);
    }

    /** The table, or null. */
    public TableDefinition find(String region, String name) {
        return tables.get(mapKey(region, name));
    }

    /** The table for a data-plane operation; AWS names no table in this message. */
    public TableDefinition require(String region, String name) {
        TableDefinition t = find(region, name);
        if (t == null) throw new DynamoException(ErrorCode.RESOURCE_NOT_FOUND, "Requested resource not found");
        return t;
    }

    /** The table for a control-plane operation, which names it when missing. */
    public TableDefinition describe(String region, String name) {
        TableDefinition t = find(region, name);
        if (t == null) {
            throw new DynamoException(ErrorCode.RESOURCE_NOT_FOUND,
                    "Requested resource not found: Table: " + name + " not found");
        }
        return t;
    }

    public List<TableDefinition> list(String region) {
        List<TableDefinition> list = new ArrayList<>();
        for (TableDefinition t : tables.values()) if (t.region().equals(region)) list.add(t);
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }

    public List<TableDefinition> all() {
        return new ArrayList<>(tables.values());
    }

    /** Creates a table from a validated draft: assigns its ids and creation time. */
    public TableDefinition create(TableDefinition draft) {
        synchronized (this) {
            if (find(draft.region(), draft.name()) != null) {
                throw new DynamoException(ErrorCode.RESOURCE_IN_USE, "Table already exists: " + draft.name());
            }
            List<SecondaryIndex> lsis = new ArrayList<>();
            for (SecondaryIndex i : draft.localIndexes()) lsis.add(withId(i, nextId()));
            List<SecondaryIndex> gsis = new ArrayList<>();
            for (SecondaryIndex i : draft.globalIndexes()) gsis.add(withId(i, nextId()));
            Instant created = clock.instant();
            TableDefinition t = draft.toBuilder()
                    .id(nextId())
                    .tableId(UUID.randomUUID().toString())
                    .created(created)
                    // A table created on demand switched to it when it was created, to the millisecond.
                    .lastUpdateToPayPerRequest(draft.billingMode() == BillingMode.PAY_PER_REQUEST ? created : null)
                    .latestStreamLabel(draft.stream().enabled() ? streamLabel() : null)
                    .localIndexes(lsis)
                    .globalIndexes(gsis)
                    .status(TableStatus.ACTIVE)
                    .build();
            persist(null, t);
            return t;
        }
    }

    /**
     * Changes a table's definition atomically with respect to other changes of it.
     * {@code change} may throw a DynamoException to refuse the change.
     */
    public TableDefinition update(String region, String name, UnaryOperator<TableDefinition> change) {
        synchronized (this) {
            TableDefinition current = describe(region, name);
            TableDefinition updated = change.apply(current);
            if (updated != current) persist(current, updated);
            return updated;
        }
    }

    /**
     * A new stream's label: its creation time to the millisecond, as AWS forms it. Each
     * enabling of a stream gets a new one, so a re-enabled stream is a new stream: two labels
     * asked for within one millisecond are a millisecond apart.
     */
    public String streamLabel() {
        long now = clock.millis();
        long millis = lastStreamLabelMillis.updateAndGet(last -> Math.max(now, last + 1));
        return StreamLabel.FORMAT.format(java.time.Instant.ofEpochMilli(millis));
    }

    /**
     * Built on first use: a DateTimeFormatter loads some fifty classes of java.time, about 5 ms
     * of every start that creates no stream.
     */
    private static final class StreamLabel {
        static final java.time.format.DateTimeFormatter FORMAT =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC);
    }

    /** Allocates an id for a new index, never reused. */
    public long newIndexId() {
        return nextId();
    }

    /**
     * Removes a table and all its items and index entries. Returns its last definition. As on
     * AWS, a table whose global index is still being built or removed cannot be deleted.
     */
    public TableDefinition delete(String region, String name) {
        TableDefinition t;
        synchronized (this) {
            t = describe(region, name);
            if (t.deletionProtection()) {
                throw new DynamoException(ErrorCode.VALIDATION,
                        "Resource cannot be deleted as it is currently protected against deletion. "
                                + "Disable deletion protection first.");
            }
            for (SecondaryIndex i : t.globalIndexes()) {
                if (i.status() != SecondaryIndex.IndexStatus.ACTIVE) {
                    throw new DynamoException(ErrorCode.RESOURCE_IN_USE, "Attempt to change a resource which is still "
                            + "in use: Cannot delete table while indexes are being created, updated, or deleted.");
                }
            }
            try (Batch batch = store.newBatch()) {
                batch.delete(Family.META, tableKey(region, name));
                batch.delete(Family.META, TableStats.countKey(t.id()));
                batch.delete(Family.META, TableStats.sizeKey(t.id()));
                for (TableListener l : listeners) l.tableChanged(t, null, batch);
                store.write(batch);
            }
            tables.remove(mapKey(region, name));
        }
        store.deleteRange(Family.ITEMS, idPrefix(t.id()), idPrefix(t.id() + 1));
        for (SecondaryIndex i : t.indexes()) {
            store.deleteRange(Family.INDEXES, idPrefix(i.id()), idPrefix(i.id() + 1));
        }
        return t;
    }

    private void persist(TableDefinition before, TableDefinition t) {
        try (Batch batch = store.newBatch()) {
            batch.put(Family.META, tableKey(t.region(), t.name()), TableCodec.encode(t));
            for (TableListener l : listeners) l.tableChanged(before, t, batch);
            store.write(batch);
        }
        tables.put(mapKey(t.region(), t.name()), t);
    }

    private long nextId() {
        synchronized (idLock) {
            byte[] current = store.get(Family.META, NEXT_ID);
            long id = current == null ? 1 : ByteBuffer.wrap(current).getLong();
            try (Batch batch = store.newBatch()) {
                batch.put(Family.META, NEXT_ID, ByteBuffer.allocate(8).putLong(id + 1).array());
                store.write(batch);
            }
            return id;
        }
    }

    private static SecondaryIndex withId(SecondaryIndex i, long id) {
        return new SecondaryIndex(i.name(), id, i.global(), i.keySchema(), i.projection(), i.throughput(),
                SecondaryIndex.IndexStatus.ACTIVE, false, i.onDemandThroughput());
    }

    /** The 8-byte big-endian prefix of every storage key of a table or index. */
    public static byte[] idPrefix(long id) {
        return ByteBuffer.allocate(8).putLong(id).array();
    }

    private static byte[] tableKey(String region, String name) {
        return (TABLE_PREFIX + region + "/" + name).getBytes(StandardCharsets.UTF_8);
    }

    private static String mapKey(String region, String name) {
        return region + "/" + name;
    }

    private static byte[] upperBound(byte[] prefix) {
        byte[] upper = prefix.clone();
        upper[upper.length - 1]++;
        return upper;
    }
}
