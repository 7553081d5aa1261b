package dev.eddy.core.changelog;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemCodec;
import dev.eddy.core.table.StreamSpecification.ViewType;
import dev.eddy.core.write.WriteOrigin;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;

/**
 * Stream records on disk. The creation time comes first so that trimming reads eight bytes
 * per record; enum values are stored by name, never by ordinal.
 */
final class RecordCodec {
    private RecordCodec() {
    }

    static byte[] encode(StreamRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(r.created().toEpochMilli());
            out.writeLong(r.sequence());
            out.writeUTF(r.eventId());
            out.writeUTF(r.eventName().name());
            out.writeUTF(r.origin().name());
            out.writeUTF(r.viewType().name());
            writeItem(out, r.keys());
            writeItem(out, r.oldImage());
            writeItem(out, r.newImage());
            out.writeLong(r.sizeBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static StreamRecord decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            Instant created = Instant.ofEpochMilli(in.readLong());
            long sequence = in.readLong();
            String eventId = in.readUTF();
            EventName eventName = EventName.valueOf(in.readUTF());
            WriteOrigin origin = WriteOrigin.valueOf(in.readUTF());
            ViewType viewType = ViewType.valueOf(in.readUTF());
            Map<String, AttributeValue> keys = readItem(in);
            Map<String, AttributeValue> oldImage = readItem(in);
            Map<String, AttributeValue> newImage = readItem(in);
            long sizeBytes = in.readLong();
            return new StreamRecord(sequence, eventId, eventName, created, origin, viewType, keys, oldImage,
                    newImage, sizeBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The creation time of an encoded record, without decoding the rest. */
    static long createdMillis(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 0, 8).getLong();
    }

    private static void writeItem(DataOutputStream out, Map<String, AttributeValue> item) throws IOException {
        if (item == null) {
            out.writeInt(-1);
            return;
        }
        byte[] encoded = ItemCodec.encode(item);
        out.writeInt(encoded.length);
        out.write(encoded);
    }

    private static Map<String, AttributeValue> readItem(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) return null;
        byte[] encoded = new byte[length];
        in.readFully(encoded);
        return ItemCodec.decode(encoded);
    }
}
