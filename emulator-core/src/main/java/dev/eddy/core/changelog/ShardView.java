package dev.eddy.core.changelog;

/**
 * A shard as of one moment. {@code endingSequence} is -1 while the shard is open;
 * {@code trimHorizon} is the first sequence number not yet trimmed; {@code lastSequence} the
 * last one allocated in the shard ({@code startingSequence - 1} before the first).
 */
public record ShardView(String shardId, String parentShardId, long startingSequence, long endingSequence,
                        long trimHorizon, long lastSequence) {
    public boolean isOpen() {
        return endingSequence < 0;
    }
}
