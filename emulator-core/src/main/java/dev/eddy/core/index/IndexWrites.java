package dev.eddy.core.index;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The index entry writes one item write causes, as DynamoDB charges them: adding an entry is
 * one write, removing one (the item left the index) one, moving one to another index key a
 * delete and an insert; an entry whose projected content is unchanged costs nothing, so an
 * identical overwrite or a change to an attribute the index does not project is free.
 */
public final class IndexWrites {
    private IndexWrites() {
    }

    /** The sizes of the entry writes of one index, in the order they happen. */
    public record EntryWrites(SecondaryIndex index, List<Long> entryBytes) {
    }

    /** Per index that the write touches (and only those), the sizes of its entry writes. */
    public static List<EntryWrites> of(TableDefinition table, Map<String, AttributeValue> oldItem,
                                       Map<String, AttributeValue> newItem) {
        List<EntryWrites> out = new ArrayList<>();
        for (SecondaryIndex index : table.indexes()) {
            if (index.status() == SecondaryIndex.IndexStatus.DELETING) continue;
            List<Long> sizes = entryWrites(index, table, oldItem, newItem);
            if (!sizes.isEmpty()) out.add(new EntryWrites(index, sizes));
        }
        return out;
    }

    private static List<Long> entryWrites(SecondaryIndex index, TableDefinition table, Map<String, AttributeValue> oldItem,
                                          Map<String, AttributeValue> newItem) {
        byte[] oldKey = oldItem == null ? null : IndexEntries.key(index, table.keySchema(), oldItem);
        byte[] newKey = newItem == null ? null : IndexEntries.key(index, table.keySchema(), newItem);
        Map<String, AttributeValue> oldEntry = oldKey == null ? null : IndexEntries.project(index, table.keySchema(), oldItem);
        Map<String, AttributeValue> newEntry = newKey == null ? null : IndexEntries.project(index, table.keySchema(), newItem);
        if (oldKey == null && newKey == null) return List.of();
        if (oldKey == null) return List.of(ItemSize.of(newEntry));
        if (newKey == null) return List.of(ItemSize.of(oldEntry));
        if (!Arrays.equals(oldKey, newKey)) return List.of(ItemSize.of(oldEntry), ItemSize.of(newEntry));
        if (oldEntry.equals(newEntry)) return List.of();
        return List.of(Math.max(ItemSize.of(oldEntry), ItemSize.of(newEntry)));
    }
}
