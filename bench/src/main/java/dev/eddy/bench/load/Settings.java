package dev.eddy.bench.load;

/**
 * How hard and how long to drive the endpoint. A positive {@code ops} sizes every
 * measured phase by operation count instead of by {@code durationSeconds}. A positive
 * {@code streamReaders} caps the readers of a stream at once; 0 gives each shard lineage one.
 */
public record Settings(String host, int port, double warmupSeconds, double durationSeconds, long ops,
                       int preloadItems, int itemBytes, int streamReaders) {

    public long warmupNanos() {
        return (long) (warmupSeconds * 1e9);
    }

    public long durationNanos() {
        return (long) (durationSeconds * 1e9);
    }

    public long maxOpsPerWorkload() {
        return ops > 0 ? ops : Long.MAX_VALUE;
    }
}
