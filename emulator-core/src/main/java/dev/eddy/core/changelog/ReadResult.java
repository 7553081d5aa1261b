package dev.eddy.core.changelog;

/**
 * What a read of a shard found: how many records, and the position after them.
 * {@code shardEnded}: the shard is closed and nothing is left to read in it.
 */
public record ReadResult(int records, long nextPosition, boolean shardEnded) {
}
