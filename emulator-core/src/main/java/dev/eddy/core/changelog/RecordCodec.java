package dev.eddy.core.changelog;

import dev.eddy.core.item.EncodedItem;
import dev.eddy.core.table.StreamSpecification.ViewType;
import dev.eddy.core.write.WriteOrigin;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

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

    /**
     * Reads the layout {@link #encode} writes, in place: GetRecords reads a megabyte of these
     * per call, so keys and images stay encoded in {@code bytes}.
     */
    static StreamRecord decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        Instant created = Instant.ofEpochMilli(in.getLong());
        long sequence = in.getLong();
        String eventId = readUtf(in);
        EventName eventName = EventName.valueOf(readUtf(in));
        WriteOrigin origin = WriteOrigin.valueOf(readUtf(in));
        ViewType viewType = ViewType.valueOf(readUtf(in));
        EncodedItem keys = readItem(in);
        EncodedItem oldImage = readItem(in);
        EncodedItem newImage = readItem(in);
        long sizeBytes = in.getLong();
        return new StreamRecord(sequence, eventId, eventName, created, origin, viewType, keys, oldImage,
                newImage, sizeBytes);
    }

    /** What {@link DataOutputStream#writeUTF} wrote; Eddy's own ids and enum names are ASCII. */
    private static String readUtf(ByteBuffer in) {
        int length = in.getShort() & 0xFFFF;
        String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    /** The creation time of an encoded record, without decoding the rest. */
    static long createdMillis(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 0, 8).getLong();
    }

    private static void writeItem(DataOutputStream out, EncodedItem item) throws IOException {
        if (item == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(item.length());
        out.write(item.bytes(), item.offset(), item.length());
    }

    private static EncodedItem readItem(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) return null;
        EncodedItem item = new EncodedItem(in.array(), in.position(), length);
        in.position(in.position() + length);
        return item;
    }
}
