package dev.eddy.core.read;

import dev.eddy.core.item.AttributeValue;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How to read a page: at most {@code limit} items (null for no limit; 1 MB caps it anyway),
 * which of them to keep ({@code filter}), whether to keep them or only count them, and
 * whether to fetch each item from the table (a local index queried for attributes it does
 * not project).
 */
public record PageRequest(Integer limit, Predicate<Map<String, AttributeValue>> filter, boolean keepItems,
                          boolean fetchFromTable) {
}
