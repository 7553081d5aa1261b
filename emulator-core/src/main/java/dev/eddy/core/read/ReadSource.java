package dev.eddy.core.read;

import dev.eddy.core.index.IndexEntries;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.KeyCodec;
import dev.eddy.core.storage.Family;
import dev.eddy.core.table.Catalog;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.PrimaryKey;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Query or Scan walks: a table's items or one of its secondary indexes, with the
 * byte form of its keys. Within an item collection, table keys end with the sort key's
 * plain encoding; index keys carry it self-delimited, followed by the table's key.
 */
record ReadSource(TableDefinition table, SecondaryIndex index) {

    Family family() {
        return index == null ? Family.ITEMS : Family.INDEXES;
    }

    long id() {
        return index == null ? table.id() : index.id();
    }

    KeySchema keySchema() {
        return index == null ? table.keySchema() : index.keySchema();
    }

    /**
     * The common prefix of the keys a Query reads: the item collection of the partition key
     * values, narrowed by the values of the leading sort key attributes of a multi-attribute
     * sort key that the query fixes ({@code sortKeyPrefix}, empty for none).
     */
    byte[] collection(List<AttributeValue> partition, List<AttributeValue> sortKeyPrefix) {
        if (index == null) return PrimaryKey.collectionPrefix(id(), partition.get(0));
        byte[] collection = IndexEntries.collection(index, partition);
        if (sortKeyPrefix.isEmpty()) return collection;
        ByteArrayOutputStream out = new ByteArrayOutputStream(collection.length + 32);
        out.writeBytes(collection);
        for (AttributeValue v : sortKeyPrefix) KeyCodec.writeTerminated(v, out);
        return out.toByteArray();
    }

    /** The first key whose (next) sort key attribute is {@code v}. */
    byte[] at(byte[] collection, AttributeValue v) {
        return concat(collection, index == null ? KeyCodec.encode(v) : terminated(v));
    }

    /** The first key after every key whose sort key is {@code v}. */
    byte[] after(byte[] collection, AttributeValue v) {
        byte[] at = at(collection, v);
        return index == null ? Arrays.copyOf(at, at.length + 1) : increment(at);
    }

    /** The first key whose sort key begins with {@code prefix} (S or B). */
    byte[] prefixed(byte[] collection, AttributeValue prefix) {
        if (index == null) return concat(collection, KeyCodec.encode(prefix));
        byte[] t = terminated(prefix);
        return concat(collection, Arrays.copyOf(t, t.length - 2));
    }

    /** The storage key of the item or entry an ExclusiveStartKey names, or null if it names none. */
    byte[] keyOf(Map<String, AttributeValue> key) {
        if (index == null) {
            KeySchema k = table.keySchema();
            AttributeValue p = key.get(k.partitionKey().name());
            AttributeValue s = k.hasSortKey() ? key.get(k.sortKey().name()) : null;
            if (!matches(k.partitionKey(), p) || (k.hasSortKey() && !matches(k.sortKey(), s))) return null;
            return new PrimaryKey(p, s).encode(table.id());
        }
        for (KeyAttribute a : table.keySchema().attributes()) if (!matches(a, key.get(a.name()))) return null;
        for (KeyAttribute a : index.keySchema().attributes()) if (!matches(a, key.get(a.name()))) return null;
        return IndexEntries.key(index, table.keySchema(), key);
    }

    private static boolean matches(KeyAttribute a, AttributeValue v) {
        return v != null && v.type() == a.type();
    }

    /** LastEvaluatedKey: the table's key attributes, and the index's, of an item read. */
    Map<String, AttributeValue> lastEvaluatedKey(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (KeyAttribute a : table.keySchema().attributes()) key.put(a.name(), item.get(a.name()));
        if (index != null) {
            for (KeyAttribute a : index.keySchema().attributes()) key.put(a.name(), item.get(a.name()));
        }
        return key;
    }

    byte[] lowest() {
        return Catalog.idPrefix(id());
    }

    byte[] highest() {
        return Catalog.idPrefix(id() + 1);
    }

    private static byte[] terminated(AttributeValue v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KeyCodec.writeTerminated(v, out);
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The first key that does not start with {@code prefix}. */
    static byte[] increment(byte[] prefix) {
        int n = prefix.length;
        while (n > 0 && prefix[n - 1] == (byte) 0xFF) n--;
        byte[] out = Arrays.copyOf(prefix, n);
        out[n - 1]++;
        return out;
    }
}
