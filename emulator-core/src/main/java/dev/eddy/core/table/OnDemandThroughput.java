package dev.eddy.core.table;

/**
 * The most request units per second an on-demand table or global index may use; -1 for either
 * means no maximum, as a user sends it to remove one.
 */
public record OnDemandThroughput(long maxReadRequestUnits, long maxWriteRequestUnits) {
    public static final long NO_MAXIMUM = -1;
}
