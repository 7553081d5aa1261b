package dev.eddy.core.write;

import dev.eddy.core.table.TableDefinition;

/** One item change of a transaction: its table, its key and what it does to the item. */
public record TransactWrite(TableDefinition table, PrimaryKey key, ItemChange change) {
}
