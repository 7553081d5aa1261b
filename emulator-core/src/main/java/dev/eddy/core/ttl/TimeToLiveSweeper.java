package dev.eddy.core.ttl;

import dev.eddy.core.Emulator;
import dev.eddy.core.clock.PeriodicTask;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemCodec;
import dev.eddy.core.storage.Cursor;
import dev.eddy.core.storage.Family;
import dev.eddy.core.table.Catalog;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.PrimaryKey;
import dev.eddy.core.write.WriteOrigin;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deletes items whose TTL attribute (a number of epoch seconds) lies in the past, as DynamoDB
 * does in the background. Values more than five years in the past are ignored, as on AWS.
 * Each deletion re-checks the item under its lock, so a concurrent update that extends
 * the expiry wins.
 */
public final class TimeToLiveSweeper implements AutoCloseable {
    private static final Duration IGNORED_AFTER = Duration.ofDays(5 * 365);

    private final Emulator emulator;
    private final PeriodicTask task;

    public TimeToLiveSweeper(Emulator emulator, Duration interval) {
        this.emulator = emulator;
        this.task = new PeriodicTask("eddy-ttl", interval, this::sweep);
    }

    /** Deletes every item expired now; returns how many. */
    public int sweep() {
        int deleted = 0;
        for (TableDefinition table : emulator.catalog().all()) {
            if (table.timeToLive().enabled()) deleted += sweep(table);
        }
        return deleted;
    }

    private int sweep(TableDefinition table) {
        String attribute = table.timeToLive().attributeName();
        Instant now = emulator.clock().instant();
        List<PrimaryKey> expired = new ArrayList<>();
        try (Cursor c = emulator.store().cursor(Family.ITEMS, Catalog.idPrefix(table.id()),
                Catalog.idPrefix(table.id() + 1))) {
            for (c.seekToFirst(); c.valid(); c.next()) {
                Map<String, AttributeValue> item = ItemCodec.decode(c.value());
                if (isExpired(item, attribute, now)) expired.add(keyOf(table.keySchema(), item));
            }
        }
        int deleted = 0;
        for (PrimaryKey key : expired) {
            TableDefinition current = emulator.catalog().find(table.region(), table.name());
            if (current == null || current.id() != table.id()) break;
            boolean[] removed = {false};
            emulator.items().write(current, key, item -> {
                if (item != null && isExpired(item, attribute, emulator.clock().instant())) {
                    removed[0] = true;
                    return null;
                }
                return item;
            }, WriteOrigin.TIME_TO_LIVE);
            if (removed[0]) deleted++;
        }
        return deleted;
    }

    static boolean isExpired(Map<String, AttributeValue> item, String attribute, Instant now) {
        if (!(item.get(attribute) instanceof AttributeValue.N n)) return false;
        BigDecimal expiry = n.value();
        BigDecimal nowSeconds = BigDecimal.valueOf(now.getEpochSecond());
        return expiry.compareTo(nowSeconds) < 0
                && expiry.compareTo(nowSeconds.subtract(BigDecimal.valueOf(IGNORED_AFTER.toSeconds()))) >= 0;
    }

    private static PrimaryKey keyOf(KeySchema schema, Map<String, AttributeValue> item) {
        return new PrimaryKey(item.get(schema.partitionKey().name()),
                schema.hasSortKey() ? item.get(schema.sortKey().name()) : null);
    }

    @Override
    public void close() {
        task.close();
    }
}
