package dev.eddy.core.write;

import dev.eddy.core.item.AttributeValue;
import java.util.Map;

/** The item before and after a write; either may be null (absent). */
public record WriteResult(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
}
