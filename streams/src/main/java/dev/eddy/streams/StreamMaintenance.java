package dev.eddy.streams;

import dev.eddy.core.changelog.ChangeLog;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies time to the streams in the background (roll-over, trimming, expiry), so records
 * go after 24 hours even when nobody reads. Reads apply it to their stream themselves.
 */
public final class StreamMaintenance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StreamMaintenance.class.getName());
    private final ScheduledExecutorService scheduler;

    public StreamMaintenance(ChangeLog changeLog, Duration interval) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "eddy-streams");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                changeLog.maintain();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "stream maintenance failed; retrying on the next round", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
