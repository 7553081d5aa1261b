package dev.eddy.core.storage;

/** The fixed column families of Eddy's one RocksDB database. */
public enum Family {
    /** Table definitions, id counters and per-table statistics. */
    META("meta"),
    /** Items, keyed by table id, partition hash, partition key and sort key. */
    ITEMS("items"),
    /** Secondary index entries, keyed by index id, index key and the table's key. */
    INDEXES("indexes"),
    /** Stream records and stream metadata. */
    STREAMS("streams");

    final String columnFamilyName;

    Family(String columnFamilyName) {
        this.columnFamilyName = columnFamilyName;
    }
}
