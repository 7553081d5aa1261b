package dev.eddy.core.item;

/**
 * Receives an encoded item's contents in order, without building attribute values: names
 * and scalars arrive as ranges of the encoded bytes, valid until the visit returns.
 *
 * <p>An item is a sequence of {@link #name} calls, each followed by one value. A value is
 * one scalar call, or a {@link #startMap}, {@link #startList} or {@link #startSet} followed
 * by its members (name and value pairs for a map, values for a list, scalars of the set's
 * type for a set) and an {@link #end}.
 */
public interface ItemVisitor {
    /** An attribute or map member name, as UTF-8. */
    void name(byte[] utf8, int offset, int length);

    /** An S value or SS member, as UTF-8. */
    void string(byte[] utf8, int offset, int length);

    /** An N value or NS member, as its canonical text (ASCII; see {@link Numbers#toText}). */
    void number(byte[] text, int offset, int length);

    /** A B value or BS member. */
    void binary(byte[] bytes, int offset, int length);

    void bool(boolean value);

    void nullValue();

    /** An M value of {@code size} members. */
    void startMap(int size);

    /** An L value of {@code size} values. */
    void startList(int size);

    /** An SS, NS or BS value of {@code size} members, in their stored order. */
    void startSet(AttributeValue.Type type, int size);

    /** The end of the innermost map, list or set. */
    void end();
}
