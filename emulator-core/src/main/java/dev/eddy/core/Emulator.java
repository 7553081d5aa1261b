package dev.eddy.core;

import dev.eddy.core.changelog.ChangeLog;
import dev.eddy.core.index.Indexes;
import dev.eddy.core.storage.Store;
import dev.eddy.core.table.Catalog;
import dev.eddy.core.write.Items;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The DynamoDB engine of one data directory: its store, its tables and items, and the one
 * clock every time-driven rule reads.
 */
public final class Emulator implements AutoCloseable {
    private final Store store;
    private final Clock clock;
    private final Catalog catalog;
    private final Items items;
    private final ChangeLog changeLog;
    private final Indexes indexes;
    private final List<AutoCloseable> closeFirst = new ArrayList<>();

    private Emulator(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.catalog = new Catalog(store, clock);
        this.items = new Items(store);
        this.changeLog = new ChangeLog(store, clock);
        catalog.addListener(changeLog);
        items.addHook(changeLog);
        this.indexes = new Indexes(store, catalog, items);
        onClose(indexes);
    }

    /** Opens (creating if needed) the data directory; {@code syncWrites} fsyncs every write. */
    public static Emulator open(Path dataDirectory, boolean syncWrites, Clock clock) {
        return new Emulator(Store.open(dataDirectory, syncWrites), clock);
    }

    public static Emulator inMemory(Clock clock) {
        return new Emulator(Store.inMemory(), clock);
    }

    public Store store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Items items() {
        return items;
    }

    /** The tables' streams: every item change of a table with a stream, in order per item. */
    public ChangeLog changeLog() {
        return changeLog;
    }

    /** Secondary indexes: their maintenance on every write, backfills and removals. */
    public Indexes indexes() {
        return indexes;
    }

    /** Background work (sweepers, pollers) to stop before the store closes. */
    public void onClose(AutoCloseable resource) {
        synchronized (closeFirst) {
            closeFirst.add(resource);
        }
    }

    @Override
    public void close() {
        synchronized (closeFirst) {
            for (int i = closeFirst.size() - 1; i >= 0; i--) {
                try {
                    closeFirst.get(i).close();
                } catch (Exception ignored) {
                    // shutting down: the store below must still close cleanly
                }
            }
        }
        store.close();
    }
}
