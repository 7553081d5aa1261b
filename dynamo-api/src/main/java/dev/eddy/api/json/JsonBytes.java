package dev.eddy.api.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A JSON document written straight into a growing array of UTF-8 bytes, for bodies of a
 * megabyte whose values are already UTF-8 (stored items): they are copied in runs, where
 * Jackson's generator would decode them to strings and encode them again character by
 * character. {@link #string} writes exactly what that generator writes: {@code "}, {@code \}
 * and control characters escaped (short escapes where JSON has them, else {@code \}{@code u00XX}
 * in upper case), characters beyond the Basic Multilingual Plane as escaped surrogate pairs,
 * everything else as it is.
 *
 * <p>The caller writes the structure ({@link #raw} braces, commas and member names).
 */
public final class JsonBytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** The short escape of each control character, or 0 where JSON has none. */
    private static final byte[] SHORT_ESCAPES = new byte[32];

    static {
        SHORT_ESCAPES['\b'] = 'b';
        SHORT_ESCAPES['\t'] = 't';
        SHORT_ESCAPES['\n'] = 'n';
        SHORT_ESCAPES['\f'] = 'f';
        SHORT_ESCAPES['\r'] = 'r';
    }

    /** The largest buffer a thread keeps for {@link #reusing}: a GetRecords body and then some. */
    private static final int REUSED_MAX_BYTES = 2 << 20;
    private static final ThreadLocal<byte[]> THREAD_BUFFER = new ThreadLocal<>();

    private byte[] buf;
    private int size;
    private final boolean reused;

    public JsonBytes(int capacity) {
        buf = new byte[Math.max(16, capacity)];
        reused = false;
    }

    private JsonBytes(byte[] buf) {
        this.buf = buf;
        reused = true;
    }

    /**
     * A document written into the calling thread's own buffer, kept from one document to the
     * next: a megabyte body allocated (and zeroed) per request cost GetRecords a tenth of its
     * time and filled the young generation every few calls. The bytes are valid until the
     * thread starts its next such document, so the answer must be copied out before then (the
     * protocol copies every body into the connection's buffers on the thread that wrote it).
     */
    public static JsonBytes reusing(int capacity) {
        byte[] kept = THREAD_BUFFER.get();
        if (kept == null || kept.length < capacity) {
            // A power of two, so that doubling reaches the largest size kept exactly.
            kept = new byte[Math.max(16, Integer.highestOneBit(capacity - 1) << 1)];
            if (kept.length <= REUSED_MAX_BYTES) THREAD_BUFFER.set(kept);
        }
        return new JsonBytes(kept);
    }

    /** Moves the write position to {@code position}, leaving the bytes before it as they are. */
    public JsonBytes position(int position) {
        ensure(position - size);
        size = position;
        return this;
    }

    /** The bytes of ASCII text, such as a prepared member name for {@link #raw(byte[])}. */
    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public JsonBytes raw(char ascii) {
        ensure(1);
        buf[size++] = (byte) ascii;
        return this;
    }

    /** Bytes that are JSON as they are, such as prepared member names. */
    public JsonBytes raw(byte[] json) {
        return raw(json, 0, json.length);
    }

    public JsonBytes raw(byte[] json, int offset, int length) {
        ensure(length);
        System.arraycopy(json, offset, buf, size, length);
        size += length;
        return this;
    }

    /** A string value or member name, quoted and escaped. */
    public JsonBytes string(String s) {
        int length = s.length();
        ensure(length + 2);
        int start = size;
        buf[size++] = '"';
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || escapes(c)) {
                size = start;
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                return string(utf8, 0, utf8.length);
            }
            buf[size++] = (byte) c;
        }
        buf[size++] = '"';
        return this;
    }

    /** A string value or member name given as UTF-8 (well formed), quoted and escaped. */
    public JsonBytes string(byte[] utf8, int offset, int length) {
        ensure(length + 2);
        buf[size++] = '"';
        int end = offset + length;
        int i = offset;
        while (true) {
            int run = i;
            while (i + 8 <= end && !anyEscapesOrFourByteLeads((long) LONGS.get(utf8, i))) i += 8;
            while (i < end && !escapes(utf8[i]) && !isFourByteLead(utf8[i])) i++;
            System.arraycopy(utf8, run, buf, size, i - run);
            size += i - run;
            if (i == end) break;
            ensure(12 + end - i);
            if (isFourByteLead(utf8[i])) {
                int codePoint = (utf8[i] & 0x07) << 18 | (utf8[i + 1] & 0x3F) << 12 | (utf8[i + 2] & 0x3F) << 6
                        | (utf8[i + 3] & 0x3F);
                unicodeEscape(Character.highSurrogate(codePoint));
                unicodeEscape(Character.lowSurrogate(codePoint));
                i += 4;
            } else {
                escape(utf8[i++]);
            }
        }
        buf[size++] = '"';
        return this;
    }

    /** A string given as UTF-8 that {@link #needsAsciiEscapes needs no escapes}, quoted, as it is. */
    public JsonBytes unescapedString(byte[] utf8, int offset, int length) {
        ensure(length + 2);
        buf[size++] = '"';
        System.arraycopy(utf8, offset, buf, size, length);
        size += length;
        buf[size++] = '"';
        return this;
    }

    /** Whether UTF-8 text holds {@code "}, {@code \} or a control character. */
    public static boolean needsAsciiEscapes(byte[] utf8, int offset, int length) {
        int end = offset + length;
        int i = offset;
        // Four words per step and one branch: item strings are often a kilobyte or more.
        for (; i + 32 <= end; i += 32) {
            long lanes = asciiEscapeLanes((long) LONGS.get(utf8, i)) | asciiEscapeLanes((long) LONGS.get(utf8, i + 8))
                    | asciiEscapeLanes((long) LONGS.get(utf8, i + 16)) | asciiEscapeLanes((long) LONGS.get(utf8, i + 24));
            if ((lanes & HIGH_BITS) != 0) return true;
        }
        for (; i + 8 <= end; i += 8) {
            if (anyEscapes((long) LONGS.get(utf8, i))) return true;
        }
        for (; i < end; i++) {
            if (escapes(utf8[i])) return true;
        }
        return false;
    }

    /** A whole number, its digits written in place rather than through a string. */
    public JsonBytes number(long value) {
        if (value == Long.MIN_VALUE) return raw(ascii(Long.toString(value)));
        ensure(20);
        if (value < 0) {
            buf[size++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) digits++;
        for (int i = size + digits - 1; i >= size; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += digits;
        return this;
    }

    /** Bytes as a base64 string, padded, without line breaks. */
    public JsonBytes base64(byte[] bytes, int offset, int length) {
        byte[] encoded = Base64.getEncoder().encode(Arrays.copyOfRange(bytes, offset, offset + length));
        ensure(encoded.length + 2);
        buf[size++] = '"';
        System.arraycopy(encoded, 0, buf, size, encoded.length);
        size += encoded.length;
        buf[size++] = '"';
        return this;
    }

    public int size() {
        return size;
    }

    /** The buffer written to: its first {@link #size()} bytes, until the next write. */
    public byte[] buffer() {
        return buf;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private static boolean escapes(int c) {
        return (c >= 0 && c < 0x20) || c == '"' || c == '\\';
    }

    /** The first byte of a character beyond the Basic Multilingual Plane. */
    private static boolean isFourByteLead(byte b) {
        return (b & 0xF0) == 0xF0;
    }

    /**
     * Whether any of eight bytes is below 0x20, {@code "} or {@code \}. Exact: a lane borrows
     * from the next only when it holds such a byte, and bytes of 0x80 and above never match.
     */
    private static boolean anyEscapes(long v) {
        return (asciiEscapeLanes(v) & HIGH_BITS) != 0;
    }

    private static boolean anyEscapesOrFourByteLeads(long v) {
        // A lane's top bit and the three below it all set: a byte of 0xF0 or above.
        long fourByteLeads = v & (v << 1) & (v << 2) & (v << 3);
        return ((asciiEscapeLanes(v) | fourByteLeads) & HIGH_BITS) != 0;
    }

    /**
     * Eight lanes whose top bit is set where the byte is below 0x20, {@code "} or {@code \}
     * (and possibly in the lane after such a byte). The quote and backslash tests look at
     * {@code v ^ c}, whose top bits are those of {@code v}, so one {@code & ~v} serves all three.
     */
    private static long asciiEscapeLanes(long v) {
        long quote = v ^ ('"' * ONES);
        long backslash = v ^ ('\\' * ONES);
        return ((v - 0x20 * ONES) | (quote - ONES) | (backslash - ONES)) & ~v;
    }

    private void escape(byte b) {
        if (b == '"' || b == '\\') {
            buf[size++] = '\\';
            buf[size++] = b;
        } else if (SHORT_ESCAPES[b] != 0) {
            buf[size++] = '\\';
            buf[size++] = SHORT_ESCAPES[b];
        } else {
            unicodeEscape((char) b);
        }
    }

    private void unicodeEscape(char c) {
        buf[size++] = '\\';
        buf[size++] = 'u';
        buf[size++] = HEX[c >> 12];
        buf[size++] = HEX[(c >> 8) & 0xF];
        buf[size++] = HEX[(c >> 4) & 0xF];
        buf[size++] = HEX[c & 0xF];
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            if (reused && buf.length <= REUSED_MAX_BYTES) THREAD_BUFFER.set(buf);
        }
    }
}
