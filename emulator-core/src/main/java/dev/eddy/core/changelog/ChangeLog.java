package dev.eddy.core.changelog;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.EncodedItem;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.item.KeyCodec;
import dev.eddy.core.storage.Batch;
import dev.eddy.core.storage.Cursor;
import dev.eddy.core.storage.Family;
import dev.eddy.core.storage.Store;
import dev.eddy.core.table.BillingMode;
import dev.eddy.core.table.StreamSpecification.ViewType;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.TableListener;
import dev.eddy.core.write.PrimaryKey;
import dev.eddy.core.write.WriteHook;
import dev.eddy.core.write.WriteOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The tables' streams: every change of an item of a table with an enabled stream becomes one
 * record in the batch that writes the item, so the two commit together or not at all.
 *
 * <p>Items hash to the stream's partitions, each with one open shard (see {@link #partitionsOf}:
 * as many as DynamoDB would give the table when the stream was created); a shard's records
 * are in the order their items' writes happened, since a record's sequence number is
 * allocated under the item's lock. Sequence numbers are allocated before the batch commits,
 * so a later number can commit before an earlier one: a number stays pending until its batch
 * closes, readers never pass the first pending number (they would skip it once it commits),
 * and a writer returns only after every earlier number of its shard closed, so an
 * acknowledged write can be read at once.
 *
 * <p>Open shards roll over into child shards every {@link #rollOverEvery interval}, records are
 * trimmed after 24 hours, closed shards and disabled streams are gone 24 hours after they
 * closed. All times come from the injected clock; {@link #maintain()} applies them, and every
 * read applies them to its stream first.
 */
public final class ChangeLog implements WriteHook, TableListener {
    public static final Duration RETENTION = Duration.ofHours(24);
    /** What an on-demand table starts with, and what streams stored before their count was kept have. */
    static final int ON_DEMAND_PARTITIONS = 4;
    private static final long TRIM_EVERY_MILLIS = 1000;
    private static final long WAIT_FOR_EARLIER_COMMITS_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final HexFormat EVENT_ID_HEX = HexFormat.of();
    /** Room for a record of two 1 KB images; a larger one grows it. */
    private static final int READ_BUFFER_BYTES = 8192;

    private final Store store;
    private final Clock clock;
    private final Map<String, TableStream> streams = new ConcurrentHashMap<>();
    private final AtomicLong nextStreamId;
    private final byte[] iteratorKey;
    private volatile Duration rollOverInterval = Duration.ofHours(4);

    public ChangeLog(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        long maxId = 0;
        for (TableStream s : ChangeLogStorage.load(store).values()) {
            streams.put(s.arn, s);
            maxId = Math.max(maxId, s.id);
        }
        nextStreamId = new AtomicLong(Math.max(maxId + 1,
                ChangeLogStorage.readLong(store.get(Family.STREAMS, ChangeLogStorage.NEXT_STREAM_ID))));
        iteratorKey = loadIteratorKey(store);
    }

    /** How long a shard stays open before a child shard takes over (AWS: about four hours). */
    public void rollOverEvery(Duration interval) {
        rollOverInterval = interval;
    }

    /** A secret of this data directory, to sign shard iterators with, so they survive restarts. */
    public byte[] iteratorKey() {
        return iteratorKey.clone();
    }

    /** The streams of a region, oldest table name first; disabled ones too, until they are gone. */
    public List<StreamView> streams(String region) {
        maintain();
        List<StreamView> list = new ArrayList<>();
        for (TableStream s : streams.values()) {
            if (!s.region.equals(region)) continue;
            s.lock.lock();
            try {
                list.add(s.view());
            } finally {
                s.lock.unlock();
            }
        }
        list.sort((a, b) -> a.arn().compareTo(b.arn()));
        return list;
    }

    /** The stream of this ARN, or null. */
    public StreamView stream(String arn) {
        TableStream s = streams.get(arn);
        if (s == null) return null;
        s.lock.lock();
        try {
            if (!maintain(s, clock.millis())) return null;
            return s.view();
        } finally {
            s.lock.unlock();
        }
    }

    /**
     * Reads a shard from {@code position} (a sequence number, inclusive): hands {@code sink} at
     * most {@code limit} records and, past the first, at most {@code maxBytes} of them, one at a
     * time. A record is valid only while {@code sink} has it: the next is read into the same
     * buffer, so that a reader of a megabyte of records allocates one buffer, not an array per
     * record. Null when the stream or shard is gone; throws {@link TrimmedException} when the
     * position was trimmed.
     */
    public ReadResult read(String arn, String shardId, long position, int limit, long maxBytes,
                           Consumer<StreamRecord> sink) {
        TableStream s = streams.get(arn);
        if (s == null) return null;
        long shardNumber;
        long before;
        boolean closed;
        s.lock.lock();
        try {
            if (!maintain(s, clock.millis())) return null;
            Shard h = s.shardsById.get(shardId);
            if (h == null) return null;
            if (position < h.trimmedBefore) throw new TrimmedException();
            shardNumber = h.number;
            before = h.visibleBefore();
            closed = !h.isOpen() && h.pending.isEmpty();
            if (!h.isOpen()) before = Math.min(before, h.endSequence + 1);
        } finally {
            s.lock.unlock();
        }
        int records = 0;
        long next = position;
        long bytes = 0;
        boolean exhausted;
        if (position >= before) {
            exhausted = true;
        } else {
            try (Cursor c = store.scan(Family.STREAMS, ChangeLogStorage.recordKey(s.id, shardNumber, position),
                    ChangeLogStorage.recordKey(s.id, shardNumber, before))) {
                byte[] buffer = new byte[READ_BUFFER_BYTES];
                for (c.seekToFirst(); c.valid() && records < limit; c.next()) {
                    int length = c.value(buffer);
                    if (length > buffer.length) {
                        buffer = new byte[Math.max(length, buffer.length * 2)];
                        c.value(buffer);
                    }
                    StreamRecord r = RecordCodec.decode(buffer, length);
                    if (records > 0 && bytes + r.sizeBytes() > maxBytes) break;
                    sink.accept(r);
                    records++;
                    bytes += r.sizeBytes();
                    next = r.sequence() + 1;
                }
                exhausted = !c.valid();
            }
        }
        return new ReadResult(records, next, closed && exhausted);
    }

    /** Applies time to every stream: rolls shards over, trims records, removes what expired. */
    public void maintain() {
        long now = clock.millis();
        for (TableStream s : streams.values()) {
            s.lock.lock();
            try {
                maintain(s, now);
            } finally {
                s.lock.unlock();
            }
        }
    }

    @Override
    public void stage(TableDefinition table, PrimaryKey key, Map<String, AttributeValue> oldItem,
                      Map<String, AttributeValue> newItem, WriteOrigin origin, Batch batch) {
        String arn = table.latestStreamArn();
        TableStream s = arn == null ? null : streams.get(arn);
        if (s == null) return;
        int partition = Math.floorMod(KeyCodec.partitionHash(KeyCodec.encode(key.partition())), s.open.length);
        Shard shard;
        long sequence;
        long created;
        s.lock.lock();
        try {
            if (s.status != StreamStatus.ENABLED) return;
            long now = clock.millis();
            rollOverDue(s, now);
            shard = s.open[partition];
            sequence = s.nextSequence++;
            created = Math.max(now, s.lastRecordMillis);
            s.lastRecordMillis = created;
            shard.lastSequence = sequence;
            shard.pending.add(sequence);
        } finally {
            s.lock.unlock();
        }
        batch.onClose(() -> closed(s, shard, sequence));
        StreamRecord record = record(s, key, oldItem, newItem, origin, sequence, created);
        batch.put(Family.STREAMS, ChangeLogStorage.recordKey(s.id, shard.number, sequence), RecordCodec.encode(record));
    }

    @Override
    public void tableChanged(TableDefinition before, TableDefinition after, Batch batch) {
        String beforeArn = before == null ? null : before.latestStreamArn();
        boolean wasEnabled = before != null && before.stream().enabled();
        boolean isEnabled = after != null && after.stream().enabled();
        String afterArn = after == null ? null : after.latestStreamArn();
        if (wasEnabled && (!isEnabled || !Objects.equals(beforeArn, afterArn))) disable(streams.get(beforeArn), batch);
        if (isEnabled && !Objects.equals(beforeArn, afterArn)) create(after, batch);
    }

    private void create(TableDefinition t, Batch batch) {
        long id = nextStreamId.getAndIncrement();
        batch.put(Family.STREAMS, ChangeLogStorage.NEXT_STREAM_ID, ChangeLogStorage.longBytes(id + 1));
        long now = clock.millis();
        TableStream s = new TableStream(id, t.latestStreamArn(), t.region(), t.name(), t.latestStreamLabel(), t.id(),
                t.stream().viewType(), t.keySchema(), now, partitionsOf(t));
        ChangeLogStorage.putStream(batch, s);
        for (int p = 0; p < s.open.length; p++) {
            Shard h = newShard(s, p, null, now);
            ChangeLogStorage.putShard(batch, s.id, h);
        }
        streams.put(s.arn, s);
    }

    /**
     * How many shards a new stream has open: one per partition DynamoDB gives the table. An
     * on-demand table starts with four; a provisioned one with a partition per 3,000 read and
     * 1,000 write capacity units, at least one (so a small provisioned table's stream has one
     * shard, as on AWS). The count is kept for the stream's life.
     */
    static int partitionsOf(TableDefinition t) {
        if (t.billingMode() == BillingMode.PAY_PER_REQUEST) return ON_DEMAND_PARTITIONS;
        double units = t.throughput().readCapacityUnits() / 3000.0 + t.throughput().writeCapacityUnits() / 1000.0;
        return (int) Math.max(1, Math.ceil(units));
    }

    private void disable(TableStream s, Batch batch) {
        if (s == null) return;
        s.lock.lock();
        try {
            if (s.status == StreamStatus.DISABLED) return;
            long now = clock.millis();
            s.status = StreamStatus.DISABLED;
            s.disabledMillis = now;
            for (int p = 0; p < s.open.length; p++) {
                Shard h = s.open[p];
                if (h == null) continue;
                close(h, now);
                s.open[p] = null;
                ChangeLogStorage.putShard(batch, s.id, h);
            }
            ChangeLogStorage.putStream(batch, s);
        } finally {
            s.lock.unlock();
        }
    }

    /** Under the stream's lock. False when the stream expired and is gone. */
    private boolean maintain(TableStream s, long now) {
        long retention = RETENTION.toMillis();
        if (s.status == StreamStatus.DISABLED && now - s.disabledMillis >= retention) {
            streams.remove(s.arn, s);
            ChangeLogStorage.deleteStream(store, s.id);
            return false;
        }
        rollOverDue(s, now);
        // Trimming looks at the oldest record of every shard; once a second is enough for a
        // 24-hour retention, and spares each GetRecords that work. A moved clock trims at once.
        boolean trimDue = s.trimmedAtMillis < 0 || now - s.trimmedAtMillis >= TRIM_EVERY_MILLIS
                || now < s.trimmedAtMillis;
        if (trimDue) s.trimmedAtMillis = now;
        for (Shard h : List.copyOf(s.shards)) {
            if (!h.isOpen() && now - h.closedMillis >= retention) {
                s.remove(h);
                try (Batch batch = store.newBatch()) {
                    batch.delete(Family.STREAMS, ChangeLogStorage.shardKey(s.id, h.number));
                    store.write(batch);
                }
                store.deleteRange(Family.STREAMS, ChangeLogStorage.recordKey(s.id, h.number, 0),
                        ChangeLogStorage.recordKey(s.id, h.number + 1, 0));
            } else if (trimDue) {
                trim(s, h, now - retention);
            }
        }
        return true;
    }

    /**
     * Trims the records created before {@code cutoff}. The new horizon is persisted before the
     * records go, so a crash in between leaves unreadable records, never a silent gap.
     */
    private void trim(TableStream s, Shard h, long cutoff) {
        long lastTrimmed = -1;
        try (Cursor c = store.cursor(Family.STREAMS, ChangeLogStorage.recordKey(s.id, h.number, h.trimmedBefore),
                ChangeLogStorage.recordKey(s.id, h.number, h.visibleBefore()))) {
            for (c.seekToFirst(); c.valid(); c.next()) {
                if (RecordCodec.createdMillis(c.value()) >= cutoff) break;
                lastTrimmed = ChangeLogStorage.sequenceOf(c.key());
            }
        }
        if (lastTrimmed < 0) return;
        h.trimmedBefore = lastTrimmed + 1;
        try (Batch batch = store.newBatch()) {
            ChangeLogStorage.putShard(batch, s.id, h);
            store.write(batch);
        }
        store.deleteRange(Family.STREAMS, ChangeLogStorage.recordKey(s.id, h.number, 0),
                ChangeLogStorage.recordKey(s.id, h.number, h.trimmedBefore));
    }

    /** Under the stream's lock: closes open shards older than the interval, each into a child. */
    private void rollOverDue(TableStream s, long now) {
        if (s.status != StreamStatus.ENABLED) return;
        long interval = rollOverInterval.toMillis();
        Batch batch = null;
        try {
            for (int p = 0; p < s.open.length; p++) {
                Shard parent = s.open[p];
                if (now - parent.createdMillis < interval) continue;
                if (batch == null) batch = store.newBatch();
                close(parent, now);
                ChangeLogStorage.putShard(batch, s.id, parent);
                ChangeLogStorage.putShard(batch, s.id, newShard(s, p, parent.shardId, now));
            }
            if (batch != null) store.write(batch);
        } finally {
            if (batch != null) batch.close();
        }
    }

    private static void close(Shard h, long now) {
        h.endSequence = Math.max(h.lastSequence, h.startSequence);
        h.closedMillis = now;
    }

    private static Shard newShard(TableStream s, int partition, String parentShardId, long now) {
        String shardId = String.format("shardId-%020d-%08x", now, ThreadLocalRandom.current().nextInt());
        // A shard's starting number is its own, below every record it will hold, as on AWS.
        Shard h = new Shard(s.nextShardNumber++, shardId, parentShardId, partition, now, s.nextSequence++);
        s.add(h);
        return h;
    }

    /**
     * The batch of {@code sequence} closed: it is no longer pending. Waits until every earlier
     * number of the shard closed too, so that the write is readable once acknowledged.
     */
    private static void closed(TableStream s, Shard h, long sequence) {
        s.lock.lock();
        try {
            h.pending.remove(sequence);
            s.committed.signalAll();
            long nanos = WAIT_FOR_EARLIER_COMMITS_NANOS;
            while (!h.pending.isEmpty() && h.pending.first() < sequence && nanos > 0) {
                nanos = s.committed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            s.lock.unlock();
        }
    }

    private static StreamRecord record(TableStream s, PrimaryKey key, Map<String, AttributeValue> oldItem,
                                       Map<String, AttributeValue> newItem, WriteOrigin origin, long sequence,
                                       long created) {
        Map<String, AttributeValue> keys = key.asItem(s.keySchema);
        ViewType view = s.viewType;
        Map<String, AttributeValue> oldImage =
                view == ViewType.OLD_IMAGE || view == ViewType.NEW_AND_OLD_IMAGES ? oldItem : null;
        Map<String, AttributeValue> newImage =
                view == ViewType.NEW_IMAGE || view == ViewType.NEW_AND_OLD_IMAGES ? newItem : null;
        long size = ItemSize.of(keys) + (oldImage == null ? 0 : ItemSize.of(oldImage))
                + (newImage == null ? 0 : ItemSize.of(newImage));
        return new StreamRecord(sequence, eventId(), EventName.of(oldItem, newItem), Instant.ofEpochMilli(created),
                origin, view, EncodedItem.of(keys), oldImage == null ? null : EncodedItem.of(oldImage),
                newImage == null ? null : EncodedItem.of(newImage), size);
    }

    /**
     * 32 lowercase hex digits, the shape of AWS's event ids. They must be unique, not secret:
     * UUID.randomUUID's SecureRandom took 7% of the CPU of a write to a table with a stream.
     */
    static String eventId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return EVENT_ID_HEX.toHexDigits(random.nextLong()) + EVENT_ID_HEX.toHexDigits(random.nextLong());
    }

    /**
     * 32 bytes from the kernel's generator. Read directly, since setting up SecureRandom's
     * providers costs about 20 ms of every in-memory start; SecureRandom where there is none.
     */
    private static byte[] randomKey() {
        try (InputStream in = Files.newInputStream(Path.of("/dev/urandom"))) {
            byte[] key = in.readNBytes(32);
            if (key.length == 32) return key;
        } catch (IOException | RuntimeException e) {
            // not a Unix-like system
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static byte[] loadIteratorKey(Store store) {
        byte[] key = store.get(Family.STREAMS, ChangeLogStorage.ITERATOR_KEY);
        if (key != null) return key;
        key = randomKey();
        try (Batch batch = store.newBatch()) {
            batch.put(Family.STREAMS, ChangeLogStorage.ITERATOR_KEY, key);
            store.write(batch);
        }
        return key;
    }

    /** A read from a position whose records were trimmed. */
    public static final class TrimmedException extends RuntimeException {
        TrimmedException() {
            super("trimmed", null, false, false);
        }
    }
}
