package dev.eddy.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one workload measured. Written as tab-separated {@code workload, metric, value}
 * lines, the form {@code report} reads back to put two servers side by side.
 */
public final class Result {
    private final String workload;
    private final long ops;
    private final long elapsedNanos;
    private final Histogram latencyNanos;
    private final long serverCpuNanos;
    private final long driverCpuNanos;
    private final long serverRssKb;
    private final long errors;
    private final Map<String, Double> extras = new LinkedHashMap<>();

    public Result(String workload, long ops, long elapsedNanos, Histogram latencyNanos, long serverCpuNanos,
                  long driverCpuNanos, long serverRssKb, long errors) {
        this.workload = workload;
        this.ops = ops;
        this.elapsedNanos = elapsedNanos;
        this.latencyNanos = latencyNanos;
        this.serverCpuNanos = serverCpuNanos;
        this.driverCpuNanos = driverCpuNanos;
        this.serverRssKb = serverRssKb;
        this.errors = errors;
    }

    /** Adds a figure particular to this workload, such as items per second for a Scan. */
    public Result with(String metric, double value) {
        extras.put(metric, value);
        return this;
    }

    public double extra(String metric) {
        return extras.getOrDefault(metric, 0.0);
    }

    public String workload() {
        return workload;
    }

    public long ops() {
        return ops;
    }

    public double opsPerSecond() {
        return elapsedNanos == 0 ? 0 : ops * 1e9 / elapsedNanos;
    }

    public double seconds() {
        return elapsedNanos / 1e9;
    }

    public List<String> lines() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("ops/s", opsPerSecond());
        m.put("p50 ms", latencyNanos.getValueAtPercentile(50) / 1e6);
        m.put("p99 ms", latencyNanos.getValueAtPercentile(99) / 1e6);
        m.put("p99.9 ms", latencyNanos.getValueAtPercentile(99.9) / 1e6);
        if (serverCpuNanos >= 0) m.put("server CPU us/op", ops == 0 ? 0 : serverCpuNanos / 1e3 / ops);
        m.put("driver CPU us/op", ops == 0 ? 0 : driverCpuNanos / 1e3 / ops);
        if (serverRssKb >= 0) m.put("server RSS MB", serverRssKb / 1024.0);
        m.putAll(extras);
        m.put("ops", (double) ops);
        m.put("errors", (double) errors);
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Double> e : m.entrySet()) {
            lines.add(workload + "\t" + e.getKey() + "\t" + String.format(Locale.ROOT, "%.4f", e.getValue()));
        }
        return lines;
    }

    /** One line for a person watching the run. */
    public String summary() {
        return String.format(Locale.ROOT,
                "%-16s %9.0f ops/s  p50 %7.2f  p99 %7.2f  p99.9 %7.2f ms  server %s us/op  driver %.0f us/op  rss %s MB  errors %d",
                workload, opsPerSecond(), latencyNanos.getValueAtPercentile(50) / 1e6,
                latencyNanos.getValueAtPercentile(99) / 1e6, latencyNanos.getValueAtPercentile(99.9) / 1e6,
                serverCpuNanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", ops == 0 ? 0 : serverCpuNanos / 1e3 / ops),
                ops == 0 ? 0 : driverCpuNanos / 1e3 / ops,
                serverRssKb < 0 ? "n/a" : Long.toString(serverRssKb / 1024), errors);
    }
}
