package dev.eddy.core.write;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.KeyCodec;
import dev.eddy.core.table.Catalog;
import dev.eddy.core.table.KeySchema;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An item's primary key: its partition key value and, for tables with one, its sort key value.
 * Stored as: table id, a hash of the partition key (so Scan order spreads as DynamoDB's does
 * and parallel-scan segments are hash ranges), the partition key, then the sort key in
 * order-preserving form, so one item collection is one contiguous, sorted range.
 */
public record PrimaryKey(AttributeValue partition, AttributeValue sort) {

    public byte[] encode(long tableId) {
        byte[] partitionBytes = KeyCodec.encode(partition);
        byte[] sortBytes = sort == null ? new byte[0] : KeyCodec.encode(sort);
        return ByteBuffer.allocate(8 + 4 + 2 + partitionBytes.length + sortBytes.length)
                .put(collectionPrefix(tableId, partitionBytes))
                .put(sortBytes)
                .array();
    }

    /** The common prefix of every item of one item collection (one partition key value). */
    public static byte[] collectionPrefix(long tableId, AttributeValue partition) {
        return collectionPrefix(tableId, KeyCodec.encode(partition));
    }

    /**
     * The same from the partition key's encoding: {@link KeyCodec#encode} of its value, or for
     * a global index's multi-attribute partition key the self-delimiting encodings of its
     * values one after another.
     */
    public static byte[] collectionPrefix(long tableId, byte[] partitionBytes) {
        return ByteBuffer.allocate(8 + 4 + 2 + partitionBytes.length)
                .put(Catalog.idPrefix(tableId))
                .putInt(KeyCodec.partitionHash(partitionBytes))
                .putShort((short) partitionBytes.length)
                .put(partitionBytes)
                .array();
    }

    /** The key as an item holding only its key attributes. */
    public Map<String, AttributeValue> asItem(KeySchema schema) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(4);
        item.put(schema.partitionKey().name(), partition);
        if (sort != null) item.put(schema.sortKey().name(), sort);
        return item;
    }
}
