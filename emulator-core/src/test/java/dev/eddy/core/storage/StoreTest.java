package dev.eddy.core.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    private static final byte[] KEY = "key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = "value".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void readsWithoutWaitingForDiskAnswerFromMemoryOrSayTheyWouldWait() {
        try (Store store = Store.open(dir, false)) {
            put(store);
            assertArrayEquals(VALUE, store.withoutWaitingForDisk(() -> store.get(Family.ITEMS, KEY)), "from the memtable");
        }
        // Reopening flushes the recovered log to a file, and the block cache starts empty.
        try (Store store = Store.open(dir, false)) {
            assertThrows(Store.WouldWaitForDisk.class, () -> store.withoutWaitingForDisk(() -> store.get(Family.ITEMS, KEY)));
            assertArrayEquals(VALUE, store.get(Family.ITEMS, KEY), "an ordinary read goes to the disk");
            assertArrayEquals(VALUE, store.withoutWaitingForDisk(() -> store.get(Family.ITEMS, KEY)), "now from the block cache");
        }
    }

    @Test
    void aReadForAWriteLeavesTheBlockCacheAsItWas() {
        try (Store store = Store.open(dir, false)) {
            put(store);
        }
        try (Store store = Store.open(dir, false)) {
            assertArrayEquals(VALUE, store.getForWrite(Family.ITEMS, KEY));
            assertThrows(Store.WouldWaitForDisk.class, () -> store.withoutWaitingForDisk(() -> store.get(Family.ITEMS, KEY)),
                    "the block it read was not cached");
        }
    }

    @Test
    void anInMemoryStoreNeverWaitsForDisk() {
        try (Store store = Store.inMemory()) {
            put(store);
            assertArrayEquals(VALUE, store.withoutWaitingForDisk(() -> store.get(Family.ITEMS, KEY)));
        }
    }

    private static void put(Store store) {
        try (Batch batch = store.newBatch()) {
            store.write(batch.put(Family.ITEMS, KEY, VALUE));
        }
    }
}
