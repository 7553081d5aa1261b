package dev.eddy.core.changelog;

import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.StreamSpecification.ViewType;
import java.time.Instant;
import java.util.List;

/** A stream as of one moment, its shards in shard id order (which is creation order). */
public record StreamView(String arn, String region, String tableName, String label, StreamStatus status,
                         ViewType viewType, KeySchema keySchema, Instant created, List<ShardView> shards) {
    public ShardView shard(String shardId) {
        for (ShardView s : shards) if (s.shardId().equals(shardId)) return s;
        return null;
    }
}
