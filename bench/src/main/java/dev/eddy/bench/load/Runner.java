package dev.eddy.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Runs one operation from N threads, each on its own connection: a warm-up that is not
 * recorded, then a measured phase. Server and driver CPU are sampled exactly at the edges
 * of the measured phase, when every thread has left its warm-up and when the last one ends.
 *
 * <p>Every phase runs at least one operation per thread, so a slow operation such as a
 * full Scan still yields a figure; every loop is bounded by a deadline and a count.
 */
public final class Runner {
    /** Hard bound on a measured phase sized by operation count rather than time. */
    private static final long MAX_PHASE_NANOS = 600_000_000_000L;
    private static final int MAX_CONSECUTIVE_FAILURES = 50;

    /** One request (or a fixed sequence of them); false when the answer was wrong. */
    public interface Op {
        boolean run(Connection c, ThreadLocalRandom random, boolean verify) throws IOException;
    }

    private final Settings settings;
    private final ServerProcess server;

    public Runner(Settings settings, ServerProcess server) {
        this.settings = settings;
        this.server = server;
    }

    public Result run(String workload, int concurrency, Op op) {
        return run(workload, concurrency, settings.warmupNanos(), Long.MAX_VALUE, settings.maxOpsPerWorkload(), op);
    }

    /**
     * Both phases sized by operation count, whatever the settings say, so that every server
     * gets the same load: for figures that depend on the work done, such as the memory a
     * server holds after it.
     */
    public Result runCounted(String workload, int concurrency, long warmupOps, long ops, Op op) {
        return run(workload, concurrency, MAX_PHASE_NANOS, warmupOps, ops, op);
    }

    /**
     * Without a warm-up, for operations so long (a full Scan) that one of them would
     * outlast the whole warm-up; the server is warm from the workloads before it.
     */
    public Result runWithoutWarmup(String workload, int concurrency, Op op) {
        return run(workload, concurrency, 0, Long.MAX_VALUE, settings.maxOpsPerWorkload(), op);
    }

    private Result run(String workload, int concurrency, long warmupNanos, long warmupOps, long maxOps, Op op) {
        boolean counted = maxOps < Long.MAX_VALUE;
        long warmupEnd = System.nanoTime() + warmupNanos;
        long[] window = new long[3]; // start nanos, server CPU, driver CPU
        AtomicLong measureEnd = new AtomicLong();
        CyclicBarrier warmedUp = new CyclicBarrier(concurrency, () -> {
            window[0] = System.nanoTime();
            window[1] = server == null ? -1 : server.cpuNanos();
            window[2] = ServerProcess.driverCpuNanos();
            measureEnd.set(window[0] + (counted ? MAX_PHASE_NANOS : settings.durationNanos()));
        });
        long perThread = Math.max(1, maxOps / concurrency);
        long warmupPerThread = warmupOps == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, warmupOps / concurrency);
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong ops = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong okTotal = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Histogram h = new Histogram(MAX_PHASE_NANOS, 3);
            histograms.add(h);
            Thread thread = new Thread(() -> {
                try (Connection c = new Connection(settings.host(), settings.port())) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    Phase warm = new Phase(c, random, op, errors, okTotal, firstError);
                    if (warmupNanos > 0) warm.loop(warmupEnd, warmupPerThread, true, null);
                    warmedUp.await();
                    Phase measured = new Phase(c, random, op, errors, okTotal, firstError);
                    measured.loop(measureEnd.get(), perThread, false, h);
                    ops.addAndGet(measured.done);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (BrokenBarrierException e) {
                    firstError.compareAndSet(null, "a driver thread failed in its warm-up");
                }
            }, workload + "-" + t);
            threads.add(thread);
            thread.start();
        }
        joinAll(threads);
        long end = System.nanoTime();
        long serverCpu = server == null ? -1 : server.cpuNanos() - window[1];
        long driverCpu = ServerProcess.driverCpuNanos() - window[2];
        Histogram all = new Histogram(MAX_PHASE_NANOS, 3);
        histograms.forEach(all::add);
        if (firstError.get() != null) System.err.println(workload + ": first error: " + firstError.get());
        return new Result(workload, ops.get(), end - window[0], all, serverCpu, driverCpu,
                server == null ? -1 : server.residentKb(), errors.get())
                .with("ok requests incl. warm-up", okTotal.get());
    }

    /** The loop of one thread in one phase. */
    private static final class Phase {
        private final Connection c;
        private final ThreadLocalRandom random;
        private final Op op;
        private final AtomicLong errors;
        private final AtomicLong okTotal;
        private final AtomicReference<String> firstError;
        long done;

        Phase(Connection c, ThreadLocalRandom random, Op op, AtomicLong errors, AtomicLong okTotal,
              AtomicReference<String> firstError) {
            this.c = c;
            this.random = random;
            this.op = op;
            this.errors = errors;
            this.okTotal = okTotal;
            this.firstError = firstError;
        }

        void loop(long deadline, long maxOps, boolean verify, Histogram h) {
            int consecutiveFailures = 0;
            do {
                long start = System.nanoTime();
                boolean ok;
                try {
                    ok = op.run(c, random, verify);
                    if (!ok) firstError.compareAndSet(null, "HTTP " + c.status() + " " + abbreviate(c.bodyText()));
                } catch (IOException | RuntimeException e) {
                    ok = false;
                    firstError.compareAndSet(null, e.toString());
                }
                long elapsed = System.nanoTime() - start;
                if (h != null) h.recordValue(Math.min(elapsed, MAX_PHASE_NANOS));
                done++;
                if (ok) {
                    okTotal.incrementAndGet();
                    consecutiveFailures = 0;
                } else {
                    errors.incrementAndGet();
                    if (++consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) return;
                }
            } while (done < maxOps && System.nanoTime() < deadline);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** Waits for every driver thread of a workload. */
    static void joinAll(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
