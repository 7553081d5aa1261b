package dev.eddy.core.table;

import dev.eddy.core.storage.Batch;

/**
 * Something that follows tables' definitions (the change log follows their streams). Called
 * while the catalog holds its lock, with the batch that persists the change, so whatever it
 * stages commits with the definition.
 */
public interface TableListener {
    /** {@code before} is null for a created table, {@code after} null for a deleted one. */
    void tableChanged(TableDefinition before, TableDefinition after, Batch batch);
}
