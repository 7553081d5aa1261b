package dev.eddy.core.item;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compact binary form items are stored in: a type tag per value, varint lengths,
 * numbers as their canonical text. Stable on disk: tags are fixed numbers, never ordinals.
 */
public final class ItemCodec {
    private static final int S = 1, N = 2, B = 3, BOOL = 4, NULL = 5, SS = 6, NS = 7, BS = 8, L = 9, M = 10;

    private ItemCodec() {
    }

    public static byte[] encode(Map<String, AttributeValue> item) {
        Writer w = new Writer(256);
        writeMap(w, item);
        return w.toByteArray();
    }

    public static Map<String, AttributeValue> decode(byte[] bytes) {
        return readMap(new Reader(bytes, 0));
    }

    /** The item encoded at {@code offset} of a larger array, such as a stream record. */
    public static Map<String, AttributeValue> decode(byte[] bytes, int offset) {
        return readMap(new Reader(bytes, offset));
    }

    /**
     * Visits the item encoded at {@code offset} attribute by attribute, in stored order,
     * without building attribute values: what a reader that only copies values out needs.
     */
    public static void visit(byte[] bytes, int offset, ItemVisitor visitor) {
        Reader r = new Reader(bytes, offset);
        visitMembers(r, r.varint(), visitor);
    }

    public static byte[] encodeValue(AttributeValue value) {
        Writer w = new Writer(64);
        writeValue(w, value);
        return w.toByteArray();
    }

    public static AttributeValue decodeValue(byte[] bytes) {
        return readValue(new Reader(bytes, 0));
    }

    private static void writeMap(Writer w, Map<String, AttributeValue> map) {
        w.varint(map.size());
        for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
            w.string(e.getKey());
            writeValue(w, e.getValue());
        }
    }

    private static void writeValue(Writer w, AttributeValue value) {
        switch (value.type()) {
            case S -> { w.tag(ItemCodec.S); w.string(((AttributeValue.S) value).value()); }
            case N -> { w.tag(N); w.string(((AttributeValue.N) value).text()); }
            case B -> { w.tag(B); w.bytes(((AttributeValue.B) value).value().bytes()); }
            case BOOL -> { w.tag(BOOL); w.tag(((AttributeValue.Bool) value).value() ? 1 : 0); }
            case NULL -> w.tag(NULL);
            case SS -> {
                Set<String> set = ((AttributeValue.SS) value).values();
                w.tag(SS); w.varint(set.size());
                for (String s : set) w.string(s);
            }
            case NS -> {
                Set<BigDecimal> set = ((AttributeValue.NS) value).values();
                w.tag(NS); w.varint(set.size());
                for (BigDecimal n : set) w.string(Numbers.toText(n));
            }
            case BS -> {
                Set<Binary> set = ((AttributeValue.BS) value).values();
                w.tag(BS); w.varint(set.size());
                for (Binary b : set) w.bytes(b.bytes());
            }
            case L -> {
                List<AttributeValue> list = ((AttributeValue.L) value).values();
                w.tag(L); w.varint(list.size());
                for (AttributeValue v : list) writeValue(w, v);
            }
            case M -> { w.tag(M); writeMap(w, ((AttributeValue.M) value).values()); }
        }
    }

    private static Map<String, AttributeValue> readMap(Reader r) {
        int n = r.varint();
        Map<String, AttributeValue> map = new LinkedHashMap<>(Math.max(4, n * 2));
        for (int i = 0; i < n; i++) {
            String name = r.string();
            map.put(name, readValue(r));
        }
        return map;
    }

    private static AttributeValue readValue(Reader r) {
        int tag = r.tag();
        switch (tag) {
            case S: return new AttributeValue.S(r.string());
            case N: return new AttributeValue.N(Numbers.normalise(new BigDecimal(r.string())));
            case B: return new AttributeValue.B(Binary.wrap(r.bytes()));
            case BOOL: return AttributeValue.Bool.of(r.tag() == 1);
            case NULL: return AttributeValue.Null.INSTANCE;
            case SS: {
                int n = r.varint();
                Set<String> set = new LinkedHashSet<>(n * 2);
                for (int i = 0; i < n; i++) set.add(r.string());
                return new AttributeValue.SS(set);
            }
            case NS: {
                int n = r.varint();
                Set<BigDecimal> set = new LinkedHashSet<>(n * 2);
                for (int i = 0; i < n; i++) set.add(Numbers.normalise(new BigDecimal(r.string())));
                return new AttributeValue.NS(set);
            }
            case BS: {
                int n = r.varint();
                Set<Binary> set = new LinkedHashSet<>(n * 2);
                for (int i = 0; i < n; i++) set.add(Binary.wrap(r.bytes()));
                return new AttributeValue.BS(set);
            }
            case L: {
                int n = r.varint();
                List<AttributeValue> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) list.add(readValue(r));
                return new AttributeValue.L(list);
            }
            case M: return new AttributeValue.M(readMap(r));
            default: throw new IllegalStateException("corrupt item: unknown tag " + tag);
        }
    }

    private static void visitMembers(Reader r, int n, ItemVisitor v) {
        for (int i = 0; i < n; i++) {
            int length = r.varint();
            v.name(r.buf, r.pos, length);
            r.pos += length;
            visitValue(r, v);
        }
    }

    private static void visitValue(Reader r, ItemVisitor v) {
        int tag = r.tag();
        switch (tag) {
            case S -> visitString(r, v);
            case N -> visitNumber(r, v);
            case B -> visitBinary(r, v);
            case BOOL -> v.bool(r.tag() == 1);
            case NULL -> v.nullValue();
            case SS -> {
                int n = r.varint();
                v.startSet(AttributeValue.Type.SS, n);
                for (int i = 0; i < n; i++) visitString(r, v);
                v.end();
            }
            case NS -> {
                int n = r.varint();
                v.startSet(AttributeValue.Type.NS, n);
                for (int i = 0; i < n; i++) visitNumber(r, v);
                v.end();
            }
            case BS -> {
                int n = r.varint();
                v.startSet(AttributeValue.Type.BS, n);
                for (int i = 0; i < n; i++) visitBinary(r, v);
                v.end();
            }
            case L -> {
                int n = r.varint();
                v.startList(n);
                for (int i = 0; i < n; i++) visitValue(r, v);
                v.end();
            }
            case M -> {
                int n = r.varint();
                v.startMap(n);
                visitMembers(r, n, v);
                v.end();
            }
            default -> throw new IllegalStateException("corrupt item: unknown tag " + tag);
        }
    }

    private static void visitString(Reader r, ItemVisitor v) {
        int length = r.varint();
        v.string(r.buf, r.pos, length);
        r.pos += length;
    }

    /** Numbers are stored as canonical text; anything else is made canonical, as decoding would. */
    private static void visitNumber(Reader r, ItemVisitor v) {
        int length = r.varint();
        if (Numbers.isCanonical(r.buf, r.pos, length)) {
            v.number(r.buf, r.pos, length);
        } else {
            String text = new String(r.buf, r.pos, length, StandardCharsets.US_ASCII);
            byte[] canonical = Numbers.toText(Numbers.normalise(new BigDecimal(text))).getBytes(StandardCharsets.US_ASCII);
            v.number(canonical, 0, canonical.length);
        }
        r.pos += length;
    }

    private static void visitBinary(Reader r, ItemVisitor v) {
        int length = r.varint();
        v.binary(r.buf, r.pos, length);
        r.pos += length;
    }

    private static final class Writer {
        private byte[] buf;
        private int pos;

        Writer(int capacity) {
            buf = new byte[capacity];
        }

        void tag(int t) {
            ensure(1);
            buf[pos++] = (byte) t;
        }

        void varint(int v) {
            ensure(5);
            while ((v & ~0x7F) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
        }

        void string(String s) {
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] b) {
            varint(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        private void ensure(int n) {
            if (pos + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, pos);
        }
    }

    private static final class Reader {
        private final byte[] buf;
        private int pos;

        Reader(byte[] buf, int pos) {
            this.buf = buf;
            this.pos = pos;
        }

        int tag() {
            return buf[pos++] & 0xFF;
        }

        int varint() {
            int v = 0;
            int shift = 0;
            while (true) {
                int b = buf[pos++] & 0xFF;
                v |= (b & 0x7F) << shift;
                if (b < 0x80) return v;
                shift += 7;
            }
        }

        String string() {
            int n = varint();
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        byte[] bytes() {
            int n = varint();
            byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return b;
        }
    }
}
