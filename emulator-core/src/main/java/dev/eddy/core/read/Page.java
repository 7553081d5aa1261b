package dev.eddy.core.read;

import dev.eddy.core.item.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * One page of a Query or Scan. {@code items}: those that passed the filter (empty when only
 * counted); {@code scannedCount}: those read; {@code bytesRead}: their size as stored in
 * the table or index read; {@code fetchedBytes}: the size of table items fetched for
 * attributes a local index does not project; {@code lastEvaluatedKey}: where the next page
 * starts, or null when the read is complete; {@code fetchedBlocks}: the fetched items' sizes in
 * 4 KB blocks, each item rounded up on its own (a fetch is a read of its own item).
 */
public record Page(List<Map<String, AttributeValue>> items, int count, int scannedCount, long bytesRead,
                   long fetchedBytes, Map<String, AttributeValue> lastEvaluatedKey, long fetchedBlocks) {
}
