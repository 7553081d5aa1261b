package dev.eddy.core.table;

/**
 * A local or global secondary index. {@code id} keys its entries in storage and is never
 * reused, so a re-created index never sees old entries.
 */
public record SecondaryIndex(String name, long id, boolean global, KeySchema keySchema, Projection projection,
                             Throughput throughput, IndexStatus status, boolean backfilling) {

    public enum IndexStatus { CREATING, UPDATING, DELETING, ACTIVE }

    public SecondaryIndex withStatus(IndexStatus newStatus, boolean newBackfilling) {
        return new SecondaryIndex(name, id, global, keySchema, projection, throughput, newStatus, newBackfilling);
    }

    public SecondaryIndex withThroughput(Throughput newThroughput) {
        return new SecondaryIndex(name, id, global, keySchema, projection, newThroughput, status, backfilling);
    }
}
