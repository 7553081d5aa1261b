package dev.eddy.core.table;

import java.util.ArrayList;
import java.util.List;

/** A table's or index's primary key: a partition key and an optional sort key. */
public record KeySchema(KeyAttribute partitionKey, KeyAttribute sortKey) {

    public boolean hasSortKey() {
        return sortKey != null;
    }

    public List<KeyAttribute> attributes() {
        List<KeyAttribute> list = new ArrayList<>(2);
        list.add(partitionKey);
        if (sortKey != null) list.add(sortKey);
        return list;
    }

    public boolean isKeyAttribute(String name) {
        return partitionKey.name().equals(name) || (sortKey != null && sortKey.name().equals(name));
    }
}
