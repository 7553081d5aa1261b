package dev.eddy.core.table;

import java.time.Instant;

/** Provisioned read and write capacity, with the bookkeeping DescribeTable reports. */
public record Throughput(long readCapacityUnits, long writeCapacityUnits,
                         Instant lastIncrease, Instant lastDecrease, int decreasesToday) {

    public static final Throughput ON_DEMAND = new Throughput(0, 0, null, null, 0);

    public static Throughput of(long read, long write) {
        return new Throughput(read, write, null, null, 0);
    }
}
