package dev.eddy.core.write;

import dev.eddy.core.item.AttributeValue;
import java.util.Map;

/**
 * What a write does to one item, given the item as stored now (null when absent): returns
 * the item to store, or null to delete it. Runs under the item's lock; throws a
 * DynamoException (a failed condition, say) to write nothing.
 */
@FunctionalInterface
public interface ItemChange {
    Map<String, AttributeValue> apply(Map<String, AttributeValue> current);
}
