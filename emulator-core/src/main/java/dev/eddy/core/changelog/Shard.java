package dev.eddy.core.changelog;

import java.util.TreeSet;

/**
 * One shard of a stream: the records of one partition of the items from its creation until
 * it is closed. Mutable state is guarded by its stream's lock.
 */
final class Shard {
    final long number;
    final String shardId;
    final String parentShardId;
    final int partition;
    final long createdMillis;
    final long startSequence;
    /** -1 while open. */
    long endSequence = -1;
    long closedMillis = -1;
    /** Every sequence number below this one is trimmed. */
    long trimmedBefore;
    /** The last sequence number allocated here (startSequence - 1 before the first). */
    long lastSequence;
    /** Allocated sequence numbers whose batches have not closed yet; readers stop below the first. */
    final TreeSet<Long> pending = new TreeSet<>();

    Shard(long number, String shardId, String parentShardId, int partition, long createdMillis, long startSequence) {
        this.number = number;
        this.shardId = shardId;
        this.parentShardId = parentShardId;
        this.partition = partition;
        this.createdMillis = createdMillis;
        this.startSequence = startSequence;
        this.trimmedBefore = startSequence;
        this.lastSequence = startSequence - 1;
    }

    boolean isOpen() {
        return endSequence < 0;
    }

    /** The first sequence number a reader may not pass yet: one still being committed. */
    long visibleBefore() {
        return pending.isEmpty() ? Long.MAX_VALUE : pending.first();
    }

    ShardView view() {
        return new ShardView(shardId, parentShardId, startSequence, endSequence, trimmedBefore,
                Math.max(lastSequence, startSequence - 1));
    }
}
