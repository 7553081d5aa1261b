package dev.eddy.core.write;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemSize;
import java.util.Map;

/**
 * The item before and after a write (either may be null: absent), with their sizes, computed
 * once: the table statistics and the consumed capacity both need them.
 */
public record WriteResult(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem,
                          long oldSize, long newSize) {

    public static WriteResult of(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        return new WriteResult(oldItem, newItem, oldItem == null ? 0 : ItemSize.of(oldItem),
                newItem == null ? 0 : ItemSize.of(newItem));
    }

    /** What a write is charged by: the larger of the item before and after. */
    public long largerSize() {
        return Math.max(oldSize, newSize);
    }
}
