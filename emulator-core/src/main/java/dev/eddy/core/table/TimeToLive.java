package dev.eddy.core.table;

/** A table's TTL setting: the attribute holding expiry times, in epoch seconds. */
public record TimeToLive(String attributeName, boolean enabled) {
    public static final TimeToLive DISABLED = new TimeToLive(null, false);
}
