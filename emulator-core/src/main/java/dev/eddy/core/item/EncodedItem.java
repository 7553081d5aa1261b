package dev.eddy.core.item;

import java.util.Map;

/**
 * An item in {@link ItemCodec}'s binary form, {@code length} bytes at {@code offset} of a
 * possibly larger array, read only when asked: as attribute values, or visited in place.
 * The array is shared, never copied; nobody may change it.
 */
public record EncodedItem(byte[] bytes, int offset, int length) {

    public static EncodedItem of(Map<String, AttributeValue> item) {
        byte[] bytes = ItemCodec.encode(item);
        return new EncodedItem(bytes, 0, bytes.length);
    }

    public Map<String, AttributeValue> decode() {
        return ItemCodec.decode(bytes, offset);
    }

    public void visit(ItemVisitor visitor) {
        ItemCodec.visit(bytes, offset, visitor);
    }
}
