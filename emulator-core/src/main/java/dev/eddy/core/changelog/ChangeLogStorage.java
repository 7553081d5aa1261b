package dev.eddy.core.changelog;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.storage.Batch;
import dev.eddy.core.storage.Cursor;
import dev.eddy.core.storage.Family;
import dev.eddy.core.storage.Store;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.StreamSpecification.ViewType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The change log's layout in the STREAMS family, one key kind per leading byte:
 * {@code s}+stream id: a stream; {@code h}+stream id+shard number: a shard;
 * {@code r}+stream id+shard number+sequence number: a record, so one shard's records are one
 * contiguous range in sequence order; {@code n}: the next stream id; {@code k}: the key
 * iterators are signed with.
 */
final class ChangeLogStorage {
    private static final byte STREAM = 's';
    private static final byte SHARD = 'h';
    private static final byte RECORD = 'r';
    static final byte[] NEXT_STREAM_ID = {'n'};
    static final byte[] ITERATOR_KEY = {'k'};

    private ChangeLogStorage() {
    }

    static byte[] streamKey(long streamId) {
        return ByteBuffer.allocate(9).put(STREAM).putLong(streamId).array();
    }

    static byte[] shardKey(long streamId, long shardNumber) {
        return ByteBuffer.allocate(17).put(SHARD).putLong(streamId).putLong(shardNumber).array();
    }

    static byte[] recordKey(long streamId, long shardNumber, long sequence) {
        return ByteBuffer.allocate(25).put(RECORD).putLong(streamId).putLong(shardNumber).putLong(sequence).array();
    }

    static long sequenceOf(byte[] recordKey) {
        return ByteBuffer.wrap(recordKey, 17, 8).getLong();
    }

    static void putStream(Batch batch, TableStream s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(s.arn);
            out.writeUTF(s.region);
            out.writeUTF(s.tableName);
            out.writeUTF(s.label);
            out.writeLong(s.tableId);
            out.writeUTF(s.viewType.name());
            writeKey(out, s.keySchema.partitionKey());
            out.writeBoolean(s.keySchema.hasSortKey());
            if (s.keySchema.hasSortKey()) writeKey(out, s.keySchema.sortKey());
            out.writeLong(s.createdMillis);
            out.writeUTF(s.status.name());
            out.writeLong(s.disabledMillis);
            out.writeInt(s.open.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch.put(Family.STREAMS, streamKey(s.id), bytes.toByteArray());
    }

    static void putShard(Batch batch, long streamId, Shard h) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(h.number);
            out.writeUTF(h.shardId);
            out.writeBoolean(h.parentShardId != null);
            if (h.parentShardId != null) out.writeUTF(h.parentShardId);
            out.writeInt(h.partition);
            out.writeLong(h.createdMillis);
            out.writeLong(h.startSequence);
            out.writeLong(h.endSequence);
            out.writeLong(h.closedMillis);
            out.writeLong(h.trimmedBefore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch.put(Family.STREAMS, shardKey(streamId, h.number), bytes.toByteArray());
    }

    /** Every stream with its shards, and each shard's last sequence number as its records show. */
    static Map<Long, TableStream> load(Store store) {
        Map<Long, TableStream> streams = new LinkedHashMap<>();
        try (Cursor c = store.cursor(Family.STREAMS, new byte[] {STREAM}, new byte[] {STREAM + 1})) {
            for (c.seekToFirst(); c.valid(); c.next()) {
                long id = ByteBuffer.wrap(c.key(), 1, 8).getLong();
                streams.put(id, readStream(id, c.value()));
            }
        }
        try (Cursor c = store.cursor(Family.STREAMS, new byte[] {SHARD}, new byte[] {SHARD + 1})) {
            for (c.seekToFirst(); c.valid(); c.next()) {
                long streamId = ByteBuffer.wrap(c.key(), 1, 8).getLong();
                TableStream s = streams.get(streamId);
                if (s == null) continue;
                Shard h = readShard(c.value());
                h.lastSequence = h.isOpen() ? Math.max(h.trimmedBefore - 1, lastRecord(store, streamId, h))
                        : h.endSequence;
                s.add(h);
                s.nextShardNumber = Math.max(s.nextShardNumber, h.number + 1);
                // A shard's starting number is never a record's.
                s.nextSequence = Math.max(s.nextSequence, Math.max(h.startSequence + 1, h.lastSequence + 1));
            }
        }
        return streams;
    }

    private static long lastRecord(Store store, long streamId, Shard h) {
        try (Cursor c = store.cursor(Family.STREAMS, recordKey(streamId, h.number, 0),
                recordKey(streamId, h.number + 1, 0))) {
            c.seekToLast();
            return c.valid() ? sequenceOf(c.key()) : h.startSequence - 1;
        }
    }

    private static TableStream readStream(long id, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            String arn = in.readUTF();
            String region = in.readUTF();
            String tableName = in.readUTF();
            String label = in.readUTF();
            long tableId = in.readLong();
            ViewType viewType = ViewType.valueOf(in.readUTF());
            KeyAttribute partitionKey = readKey(in);
            KeyAttribute sortKey = in.readBoolean() ? readKey(in) : null;
            long created = in.readLong();
            StreamStatus status = StreamStatus.valueOf(in.readUTF());
            long disabledMillis = in.readLong();
            // Streams stored before the count was kept all had four partitions.
            int partitions = in.available() > 0 ? in.readInt() : ChangeLog.ON_DEMAND_PARTITIONS;
            TableStream s = new TableStream(id, arn, region, tableName, label, tableId, viewType,
                    new KeySchema(partitionKey, sortKey), created, partitions);
            s.status = status;
            s.disabledMillis = disabledMillis;
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Shard readShard(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            long number = in.readLong();
            String shardId = in.readUTF();
            String parent = in.readBoolean() ? in.readUTF() : null;
            int partition = in.readInt();
            long created = in.readLong();
            long start = in.readLong();
            Shard h = new Shard(number, shardId, parent, partition, created, start);
            h.endSequence = in.readLong();
            h.closedMillis = in.readLong();
            h.trimmedBefore = in.readLong();
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeKey(DataOutputStream out, KeyAttribute k) throws IOException {
        out.writeUTF(k.name());
        out.writeUTF(k.type().name());
    }

    private static KeyAttribute readKey(DataInputStream in) throws IOException {
        return new KeyAttribute(in.readUTF(), AttributeValue.Type.valueOf(in.readUTF()));
    }

    static long readLong(byte[] bytes) {
        return bytes == null ? 0 : ByteBuffer.wrap(bytes).getLong();
    }

    static byte[] longBytes(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    /** Deletes a stream: its definition, its shards and its records. */
    static void deleteStream(Store store, long streamId) {
        try (Batch batch = store.newBatch()) {
            batch.delete(Family.STREAMS, streamKey(streamId));
            store.write(batch);
        }
        store.deleteRange(Family.STREAMS, shardKey(streamId, 0), shardKey(streamId + 1, 0));
        store.deleteRange(Family.STREAMS, recordKey(streamId, 0, 0), recordKey(streamId + 1, 0, 0));
    }
}
