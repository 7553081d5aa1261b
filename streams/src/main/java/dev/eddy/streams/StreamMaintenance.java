package dev.eddy.streams;

import dev.eddy.core.changelog.ChangeLog;
import dev.eddy.core.clock.PeriodicTask;
import java.time.Duration;

/**
 * Applies time to the streams in the background (roll-over, trimming, expiry), so records
 * go after 24 hours even when nobody reads. Reads apply it to their stream themselves.
 */
public final class StreamMaintenance implements AutoCloseable {
    private final PeriodicTask task;

    public StreamMaintenance(ChangeLog changeLog, Duration interval) {
        task = new PeriodicTask("eddy-streams", interval, changeLog::maintain);
    }

    @Override
    public void close() {
        task.close();
    }
}
