package dev.eddy.core.changelog;

import java.util.List;

/**
 * Records read from a shard, and the position after them. {@code shardEnded}: the shard is
 * closed and nothing is left to read in it.
 */
public record ReadResult(List<StreamRecord> records, long nextPosition, boolean shardEnded) {
}
