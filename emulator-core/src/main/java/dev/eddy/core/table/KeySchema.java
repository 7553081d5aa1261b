package dev.eddy.core.table;

import java.util.ArrayList;
import java.util.List;

/**
 * A table's or index's primary key: its partition key attributes and its sort key attributes,
 * each in key schema order. A table or local index has one partition key attribute and at
 * most one sort key attribute; a global index may have up to four of each (multi-attribute
 * keys), and then its partition is the tuple of their values and its items sort by the sort
 * key attributes compared one after another.
 */
public record KeySchema(List<KeyAttribute> partitionKeys, List<KeyAttribute> sortKeys) {
    public static final int MAX_ATTRIBUTES_PER_KEY = 4;

    public KeySchema {
        partitionKeys = List.copyOf(partitionKeys);
        sortKeys = List.copyOf(sortKeys);
        if (partitionKeys.isEmpty()) throw new IllegalArgumentException("a key schema needs a partition key");
    }

    /** A single-attribute key: a partition key and an optional sort key ({@code sortKey} null for none). */
    public KeySchema(KeyAttribute partitionKey, KeyAttribute sortKey) {
        this(List.of(partitionKey), sortKey == null ? List.of() : List.of(sortKey));
    }

    /** Whether either key has more than one attribute (only a global index's can). */
    public boolean multiAttribute() {
        return partitionKeys.size() > 1 || sortKeys.size() > 1;
    }

    /** The partition key attribute; for a multi-attribute key, the first of them. */
    public KeyAttribute partitionKey() {
        return partitionKeys.get(0);
    }

    /** The sort key attribute, null for none; for a multi-attribute key, the first of them. */
    public KeyAttribute sortKey() {
        return sortKeys.isEmpty() ? null : sortKeys.get(0);
    }

    public boolean hasSortKey() {
        return !sortKeys.isEmpty();
    }

    /** Every key attribute in key schema order: the partition key's, then the sort key's. */
    public List<KeyAttribute> attributes() {
        List<KeyAttribute> list = new ArrayList<>(partitionKeys.size() + sortKeys.size());
        list.addAll(partitionKeys);
        list.addAll(sortKeys);
        return list;
    }

    public boolean isKeyAttribute(String name) {
        // Indexed loops: this runs for every attribute of every write to an indexed table.
        for (int i = 0; i < partitionKeys.size(); i++) if (partitionKeys.get(i).name().equals(name)) return true;
        for (int i = 0; i < sortKeys.size(); i++) if (sortKeys.get(i).name().equals(name)) return true;
        return false;
    }
}
