package dev.eddy.core.write;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.storage.Batch;
import dev.eddy.core.table.TableDefinition;
import java.util.Map;

/**
 * Something that must change together with an item: index entries, the stream record.
 * Called under the item's lock with the batch that will commit the item, for writes that
 * change the item; whatever it stages commits with the item or not at all.
 */
public interface WriteHook {
    void stage(TableDefinition table, PrimaryKey key, Map<String, AttributeValue> oldItem,
               Map<String, AttributeValue> newItem, WriteOrigin origin, Batch batch);
}
