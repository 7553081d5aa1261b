package dev.eddy.core.table;

/**
 * A local or global secondary index. {@code id} keys its entries in storage and is never
 * reused, so a re-created index never sees old entries. {@code onDemandThroughput}: a global
 * index's maximum request units, or null when none was ever set.
 */
public record SecondaryIndex(String name, long id, boolean global, KeySchema keySchema, Projection projection,
                             Throughput throughput, IndexStatus status, boolean backfilling,
                             OnDemandThroughput onDemandThroughput) {

    public enum IndexStatus { CREATING, UPDATING, DELETING, ACTIVE }

    /** An index without maximum on-demand throughput. */
    public SecondaryIndex(String name, long id, boolean global, KeySchema keySchema, Projection projection,
                          Throughput throughput, IndexStatus status, boolean backfilling) {
        this(name, id, global, keySchema, projection, throughput, status, backfilling, null);
    }

    public SecondaryIndex withStatus(IndexStatus newStatus, boolean newBackfilling) {
        return new SecondaryIndex(name, id, global, keySchema, projection, throughput, newStatus, newBackfilling,
                onDemandThroughput);
    }

    public SecondaryIndex withThroughput(Throughput newThroughput) {
        return new SecondaryIndex(name, id, global, keySchema, projection, newThroughput, status, backfilling,
                onDemandThroughput);
    }

    public SecondaryIndex withOnDemandThroughput(OnDemandThroughput newOnDemandThroughput) {
        return new SecondaryIndex(name, id, global, keySchema, projection, throughput, status, backfilling,
                newOnDemandThroughput);
    }
}
