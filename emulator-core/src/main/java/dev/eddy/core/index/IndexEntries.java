package dev.eddy.core.index;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.KeyCodec;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.Projection;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.write.Keys;
import dev.eddy.core.write.PrimaryKey;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of secondary index entries. Key: index id, a hash of the index partition
 * key, the index partition key, the index sort key (self-delimiting), then the table's
 * partition key (self-delimiting) and sort key, so entries are unique and one index item
 * collection is one sorted range. Value: the item as the index projects it.
 *
 * <p>A multi-attribute partition key is encoded as its values' self-delimiting encodings one
 * after another, and a multi-attribute sort key likewise: since each encoding keeps order and
 * none is a prefix of another, byte order is the order of the values compared one after
 * another, in key schema order.
 */
public final class IndexEntries {
    private IndexEntries() {
    }

    /** The entry key of an item, or null when the item is not in the index (a sparse index). */
    public static byte[] key(SecondaryIndex index, KeySchema tableKey, Map<String, AttributeValue> item) {
        KeySchema k = index.keySchema();
        if (k.multiAttribute()) return multiAttributeKey(index, tableKey, item);
        AttributeValue partition = indexKeyValue(k.partitionKey(), item);
        if (partition == null) return null;
        AttributeValue sort = null;
        if (k.hasSortKey()) {
            sort = indexKeyValue(k.sortKey(), item);
            if (sort == null) return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(PrimaryKey.collectionPrefix(index.id(), partition));
        if (sort != null) KeyCodec.writeTerminated(sort, out);
        writeTableKey(tableKey, item, out);
        return out.toByteArray();
    }

    /** An item missing any of a multi-attribute key's attributes is not in the index. */
    private static byte[] multiAttributeKey(SecondaryIndex index, KeySchema tableKey, Map<String, AttributeValue> item) {
        KeySchema k = index.keySchema();
        List<AttributeValue> partition = new ArrayList<>(k.partitionKeys().size());
        for (KeyAttribute a : k.partitionKeys()) {
            AttributeValue v = indexKeyValue(a, item);
            if (v == null) return null;
            partition.add(v);
        }
        List<AttributeValue> sort = new ArrayList<>(k.sortKeys().size());
        for (KeyAttribute a : k.sortKeys()) {
            AttributeValue v = indexKeyValue(a, item);
            if (v == null) return null;
            sort.add(v);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.writeBytes(collection(index, partition));
        for (AttributeValue v : sort) KeyCodec.writeTerminated(v, out);
        writeTableKey(tableKey, item, out);
        return out.toByteArray();
    }

    private static void writeTableKey(KeySchema tableKey, Map<String, AttributeValue> item, ByteArrayOutputStream out) {
        KeyCodec.writeTerminated(item.get(tableKey.partitionKey().name()), out);
        if (tableKey.hasSortKey()) out.writeBytes(KeyCodec.encode(item.get(tableKey.sortKey().name())));
    }

    /** The common prefix of the entries of one index item collection: one value per partition key attribute. */
    public static byte[] collection(SecondaryIndex index, List<AttributeValue> partition) {
        if (!index.keySchema().multiAttribute()) return PrimaryKey.collectionPrefix(index.id(), partition.get(0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        for (AttributeValue v : partition) KeyCodec.writeTerminated(v, bytes);
        return PrimaryKey.collectionPrefix(index.id(), bytes.toByteArray());
    }

    /**
     * Whether an item's index key values fit the key size limits. An item written before a
     * global index existed may hold longer values, and its backfill leaves such items out of
     * the index, as DynamoDB does (an index key violation).
     */
    public static boolean keySizesFit(SecondaryIndex index, Map<String, AttributeValue> item) {
        KeySchema k = index.keySchema();
        if (!k.multiAttribute()) {
            return Keys.withinSizeLimits(item.get(k.partitionKey().name()), k.hasSortKey() ? item.get(k.sortKey().name()) : null);
        }
        for (KeyAttribute a : k.partitionKeys()) if (!Keys.withinSizeLimits(item.get(a.name()), null)) return false;
        for (KeyAttribute a : k.sortKeys()) {
            if (!Keys.withinSizeLimits(item.get(k.partitionKey().name()), item.get(a.name()))) return false;
        }
        return true;
    }

    /**
     * An item carries an index key only with the declared type and a non-empty value; items
     * written before a global index existed may carry other values, which the index skips.
     */
    private static AttributeValue indexKeyValue(KeyAttribute k, Map<String, AttributeValue> item) {
        AttributeValue v = item.get(k.name());
        if (v == null || v.type() != k.type()) return null;
        if (v instanceof AttributeValue.S s && s.value().isEmpty()) return null;
        if (v instanceof AttributeValue.B b && b.value().length() == 0) return null;
        return v;
    }

    /** The attributes the index copies: table and index keys, plus its projection's others. */
    public static Map<String, AttributeValue> project(SecondaryIndex index, KeySchema tableKey,
                                                      Map<String, AttributeValue> item) {
        Projection p = index.projection();
        if (p.type() == Projection.Type.ALL) return item;
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            String name = e.getKey();
            if (tableKey.isKeyAttribute(name) || index.keySchema().isKeyAttribute(name)
                    || (p.type() == Projection.Type.INCLUDE && p.nonKeyAttributes().contains(name))) {
                out.put(name, e.getValue());
            }
        }
        return out;
    }

    /** Whether an attribute reaches the index's entries. */
    public static boolean projects(SecondaryIndex index, KeySchema tableKey, String attribute) {
        Projection p = index.projection();
        return p.type() == Projection.Type.ALL || tableKey.isKeyAttribute(attribute)
                || index.keySchema().isKeyAttribute(attribute)
                || (p.type() == Projection.Type.INCLUDE && p.nonKeyAttributes().contains(attribute));
    }
}
