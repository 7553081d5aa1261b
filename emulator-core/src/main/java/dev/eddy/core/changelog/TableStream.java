package dev.eddy.core.changelog;

import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.StreamSpecification.ViewType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One stream of one table: what one enabling of a table's stream created. Its shards and
 * counters change under {@link #lock}; {@link #committed} signals batches that closed.
 */
final class TableStream {
    final long id;
    final String arn;
    final String region;
    final String tableName;
    final String label;
    final long tableId;
    final ViewType viewType;
    final KeySchema keySchema;
    final long createdMillis;
    final ReentrantLock lock = new ReentrantLock();
    final Condition committed = lock.newCondition();

    StreamStatus status = StreamStatus.ENABLED;
    long disabledMillis = -1;
    long nextSequence = 1;
    long nextShardNumber;
    long lastRecordMillis;
    /** When records were last trimmed; under {@link #lock}. */
    long trimmedAtMillis = -1;
    /** In shard id order. */
    final List<Shard> shards = new ArrayList<>();
    final Map<String, Shard> shardsById = new HashMap<>();
    final Shard[] open;

    TableStream(long id, String arn, String region, String tableName, String label, long tableId,
                ViewType viewType, KeySchema keySchema, long createdMillis, int partitions) {
        this.id = id;
        this.arn = arn;
        this.region = region;
        this.tableName = tableName;
        this.label = label;
        this.tableId = tableId;
        this.viewType = viewType;
        this.keySchema = keySchema;
        this.createdMillis = createdMillis;
        this.open = new Shard[partitions];
    }

    void add(Shard shard) {
        int at = 0;
        while (at < shards.size() && shards.get(at).shardId.compareTo(shard.shardId) < 0) at++;
        shards.add(at, shard);
        shardsById.put(shard.shardId, shard);
        if (shard.isOpen()) open[shard.partition] = shard;
    }

    void remove(Shard shard) {
        shards.remove(shard);
        shardsById.remove(shard.shardId);
    }

    StreamView view() {
        List<ShardView> views = new ArrayList<>(shards.size());
        for (Shard s : shards) views.add(s.view());
        return new StreamView(arn, region, tableName, label, status, viewType, keySchema,
                Instant.ofEpochMilli(createdMillis), List.copyOf(views));
    }
}
