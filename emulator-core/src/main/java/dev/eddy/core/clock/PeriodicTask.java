package dev.eddy.core.clock;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Background work repeated with a fixed delay on a daemon thread of its own, never on
 * Netty's event loop. A round that fails is logged and the next round runs as usual.
 */
public final class PeriodicTask implements AutoCloseable {
    private final ScheduledExecutorService scheduler;

    public PeriodicTask(String threadName, Duration interval, Runnable work) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log().log(Level.WARNING, threadName + " failed; retrying on the next round", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the work, waiting briefly for a round under way to finish. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Looked up at the first failure, not at class load: starting java.util.logging slows a cold start. */
    private static Logger log() {
        return Logger.getLogger(PeriodicTask.class.getName());
    }
}
