package dev.eddy.api.json;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.EncodedItem;
import dev.eddy.core.item.ItemVisitor;
import java.util.Arrays;

/**
 * Encoded items written as DynamoDB JSON straight from their stored bytes, byte for byte
 * what {@link AttributeValueJson#writeMap} writes for the decoded item: names and strings
 * copied as UTF-8 (escaped where needed), numbers copied as their canonical text. One
 * instance writes any number of items, one after the other, into one {@link JsonBytes}.
 */
public final class ItemJson implements ItemVisitor {
    private static final byte MAP = 0, LIST = 1, SET = 2;
    private static final byte[] S = JsonBytes.ascii("{\"S\":");
    private static final byte[] N = JsonBytes.ascii("{\"N\":\"");
    private static final byte[] N_END = JsonBytes.ascii("\"}");
    private static final byte[] B = JsonBytes.ascii("{\"B\":");
    private static final byte[] TRUE = JsonBytes.ascii("{\"BOOL\":true}");
    private static final byte[] FALSE = JsonBytes.ascii("{\"BOOL\":false}");
    private static final byte[] NULL = JsonBytes.ascii("{\"NULL\":true}");
    private static final byte[] M = JsonBytes.ascii("{\"M\":{");
    private static final byte[] L = JsonBytes.ascii("{\"L\":[");
    private static final byte[] SS = JsonBytes.ascii("{\"SS\":[");
    private static final byte[] NS = JsonBytes.ascii("{\"NS\":[");
    private static final byte[] BS = JsonBytes.ascii("{\"BS\":[");
    private static final byte[] MAP_END = JsonBytes.ascii("}}");
    private static final byte[] ARRAY_END = JsonBytes.ascii("]}");

    private final JsonBytes out;
    /** Per open map, list or set: its kind, and whether nothing was written in it yet. */
    private byte[] kinds = new byte[40];
    private boolean[] empty = new boolean[40];
    private int depth;

    public ItemJson(JsonBytes out) {
        this.out = out;
    }

    /** Writes the item as a JSON object of attribute values. */
    public void write(EncodedItem item) {
        depth = -1;
        out.raw('{');
        open(MAP);
        item.visit(this);
        out.raw('}');
    }

    @Override
    public void name(byte[] utf8, int offset, int length) {
        if (!empty[depth]) out.raw(',');
        empty[depth] = false;
        out.string(utf8, offset, length).raw(':');
    }

    @Override
    public void string(byte[] utf8, int offset, int length) {
        if (member()) {
            text(utf8, offset, length);
        } else {
            out.raw(S);
            text(utf8, offset, length);
            out.raw('}');
        }
    }

    @Override
    public void number(byte[] text, int offset, int length) {
        if (member()) {
            out.raw('"').raw(text, offset, length).raw('"');
        } else {
            out.raw(N).raw(text, offset, length).raw(N_END);
        }
    }

    @Override
    public void binary(byte[] bytes, int offset, int length) {
        if (member()) {
            out.base64(bytes, offset, length);
        } else {
            out.raw(B).base64(bytes, offset, length).raw('}');
        }
    }

    @Override
    public void bool(boolean value) {
        member();
        out.raw(value ? TRUE : FALSE);
    }

    @Override
    public void nullValue() {
        member();
        out.raw(NULL);
    }

    @Override
    public void startMap(int size) {
        member();
        out.raw(M);
        open(MAP);
    }

    @Override
    public void startList(int size) {
        member();
        out.raw(L);
        open(LIST);
    }

    @Override
    public void startSet(AttributeValue.Type type, int size) {
        member();
        out.raw(switch (type) {
            case SS -> SS;
            case NS -> NS;
            case BS -> BS;
            default -> throw new IllegalArgumentException("not a set type: " + type);
        });
        open(SET);
    }

    @Override
    public void end() {
        out.raw(kinds[depth--] == MAP ? MAP_END : ARRAY_END);
    }

    /**
     * Starts a value: after a comma when it is not the first of its list or set (a map's
     * member name placed the comma already). True when the value is a set member, written
     * bare, without its type.
     */
    private boolean member() {
        byte kind = kinds[depth];
        if (kind == MAP) return false;
        if (!empty[depth]) out.raw(',');
        empty[depth] = false;
        return kind == SET;
    }

    /**
     * A string value as {@link AttributeValueJson#writeText} writes it: long strings that need
     * no escapes are copied as they are, characters beyond the Basic Multilingual Plane too;
     * the rest as the generator writes them, which escapes those characters.
     */
    private void text(byte[] utf8, int offset, int length) {
        boolean copied = length >= AttributeValueJson.RAW_COPY_MIN_LENGTH
                && utf16Length(utf8, offset, length) >= AttributeValueJson.RAW_COPY_MIN_LENGTH
                && !JsonBytes.needsAsciiEscapes(utf8, offset, length);
        if (copied) {
            out.unescapedString(utf8, offset, length);
        } else {
            out.string(utf8, offset, length);
        }
    }

    /**
     * The length in UTF-16 chars of well-formed UTF-8 text; only a lower bound, though past
     * the threshold, for text too long to be short whatever its characters.
     */
    private static int utf16Length(byte[] utf8, int offset, int length) {
        // A UTF-8 character takes at most three bytes per UTF-16 char.
        if (length >= 3 * AttributeValueJson.RAW_COPY_MIN_LENGTH) return length / 3;
        int chars = 0;
        for (int i = offset; i < offset + length; i++) {
            byte b = utf8[i];
            if ((b & 0xC0) != 0x80) chars++;
            if ((b & 0xF0) == 0xF0) chars++;
        }
        return chars;
    }

    private void open(byte kind) {
        if (++depth == kinds.length) {
            kinds = Arrays.copyOf(kinds, depth * 2);
            empty = Arrays.copyOf(empty, depth * 2);
        }
        kinds[depth] = kind;
        empty[depth] = true;
    }
}
