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
import java.util.Arrays;

/**
 * Stream records on disk. The creation time comes first so that trimming reads eight bytes
 * per record; enum values are stored by name, never by ordinal.
 */
final class RecordCodec {
    private static final Names<EventName> EVENT_NAMES = new Names<>(EventName.values());
    private static final Names<WriteOrigin> ORIGINS = new Names<>(WriteOrigin.values());
    private static final Names<ViewType> VIEW_TYPES = new Names<>(ViewType.values());

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
    static StreamRecord decode(byte[] bytes, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        Instant created = Instant.ofEpochMilli(in.getLong());
        long sequence = in.getLong();
        String eventId = readUtf(in);
        EventName eventName = readEnum(in, EVENT_NAMES);
        WriteOrigin origin = readEnum(in, ORIGINS);
        ViewType viewType = readEnum(in, VIEW_TYPES);
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

    /** An enum value stored by name, found without making a string of the name. */
    private static <E extends Enum<E>> E readEnum(ByteBuffer in, Names<E> names) {
        int length = in.getShort() & 0xFFFF;
        int at = in.position();
        for (int i = 0; i < names.values.length; i++) {
            byte[] name = names.bytes[i];
            if (Arrays.equals(in.array(), at, at + length, name, 0, name.length)) {
                in.position(at + length);
                return names.values[i];
            }
        }
        throw new IllegalStateException("corrupt stream record: unknown name "
                + new String(in.array(), at, length, StandardCharsets.UTF_8));
    }

    /** An enum's values and the UTF-8 of their names. */
    private static final class Names<E extends Enum<E>> {
        final E[] values;
        final byte[][] bytes;

        Names(E[] values) {
            this.values = values;
            this.bytes = new byte[values.length][];
            for (int i = 0; i < values.length; i++) bytes[i] = values[i].name().getBytes(StandardCharsets.UTF_8);
        }
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
