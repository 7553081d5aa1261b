package dev.eddy.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/** Creates, loads and deletes the tables the workloads run on. */
public final class Tables {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 25;
    private static final int MAX_UNPROCESSED_RETRIES = 20;
    private static final int MAX_STATUS_POLLS = 240;

    private final Settings settings;
    private final ServerProcess server;

    public Tables(Settings settings, ServerProcess server) {
        this.settings = settings;
        this.server = server;
    }

    /** A table keyed by partition key {@code pk} (S), with a sort key {@code sk} (N) if asked. */
    public void create(String table, boolean sortKey, boolean stream) throws IOException {
        StringBuilder json = new StringBuilder("{\"TableName\":\"").append(table).append("\",")
                .append("\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}")
                .append(sortKey ? ",{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}]," : "],")
                .append("\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}")
                .append(sortKey ? ",{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]," : "],")
                .append("\"BillingMode\":\"PAY_PER_REQUEST\"");
        if (stream) {
            json.append(",\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}");
        }
        json.append('}');
        try (Connection c = connect()) {
            expectOk(c, c.dynamo("CreateTable", json.toString()), "CreateTable " + table);
            for (int poll = 0; poll < MAX_STATUS_POLLS; poll++) {
                expectOk(c, c.dynamo("DescribeTable", "{\"TableName\":\"" + table + "\"}"), "DescribeTable " + table);
                if ("ACTIVE".equals(read(c).path("Table").path("TableStatus").asText())) return;
                pause(250);
            }
            throw new IOException("table " + table + " did not become ACTIVE");
        }
    }

    /**
     * Adds a KEYS_ONLY global secondary index on the number attribute {@code attribute} with
     * UpdateTable and polls DescribeTable until it is ACTIVE; reports items indexed per second.
     */
    public Result addIndexAndWait(String workload, String table, String attribute, long items) throws IOException {
        String json = "{\"TableName\":\"" + table + "\",\"AttributeDefinitions\":[{\"AttributeName\":\"" + attribute
                + "\",\"AttributeType\":\"N\"}],\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"by-"
                + attribute + "\",\"KeySchema\":[{\"AttributeName\":\"" + attribute + "\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}}]}";
        long serverCpu = server == null ? -1 : server.cpuNanos();
        long driverCpu = ServerProcess.driverCpuNanos();
        long start = System.nanoTime();
        try (Connection c = connect()) {
            expectOk(c, c.dynamo("UpdateTable", json), "UpdateTable " + table);
            for (int poll = 0; poll < MAX_STATUS_POLLS * 20; poll++) {
                expectOk(c, c.dynamo("DescribeTable", "{\"TableName\":\"" + table + "\"}"), "DescribeTable " + table);
                if ("ACTIVE".equals(read(c).path("Table").path("GlobalSecondaryIndexes").path(0).path("IndexStatus").asText())) {
                    long elapsed = System.nanoTime() - start;
                    org.HdrHistogram.Histogram latency = new org.HdrHistogram.Histogram(600_000_000_000L, 3);
                    latency.recordValue(elapsed);
                    return new Result(workload, 1, elapsed, latency,
                            server == null ? -1 : server.cpuNanos() - serverCpu, ServerProcess.driverCpuNanos() - driverCpu,
                            server == null ? -1 : server.residentKb(), 0)
                            .with("items/s", items * 1e9 / elapsed);
                }
                pause(50);
            }
        }
        throw new IOException("index on " + table + " did not become ACTIVE");
    }

    public void delete(String table) throws IOException {
        try (Connection c = connect()) {
            expectOk(c, c.dynamo("DeleteTable", "{\"TableName\":\"" + table + "\"}"), "DeleteTable " + table);
        }
    }

    /**
     * Writes items {@code first .. first+count-1} with BatchWriteItem from {@code concurrency}
     * connections, resending whatever comes back unprocessed.
     */
    public Result load(String workload, String table, long first, long count, int concurrency,
                       LongFunction<String> item) {
        long batches = (count + BATCH - 1) / BATCH;
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long serverCpu = server == null ? -1 : server.cpuNanos();
        long driverCpu = ServerProcess.driverCpuNanos();
        for (int t = 0; t < concurrency; t++) {
            Histogram h = new Histogram(600_000_000_000L, 3);
            histograms.add(h);
            Thread thread = new Thread(() -> {
                try (Connection c = connect()) {
                    for (long b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                        StringBuilder json = new StringBuilder(BATCH * (settings.itemBytes() + 64));
                        json.append("{\"RequestItems\":{\"").append(table).append("\":[");
                        long from = first + b * BATCH;
                        long to = Math.min(first + count, from + BATCH);
                        for (long i = from; i < to; i++) {
                            if (i > from) json.append(',');
                            json.append("{\"PutRequest\":{\"Item\":").append(item.apply(i)).append("}}");
                        }
                        json.append("]}}");
                        long t0 = System.nanoTime();
                        if (!writeBatch(c, json.toString())) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, "HTTP " + c.status() + " " + Runner.abbreviate(c.bodyText()));
                        }
                        h.recordValue(System.nanoTime() - t0);
                    }
                } catch (IOException | RuntimeException e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.toString());
                }
            }, workload + "-" + t);
            threads.add(thread);
            thread.start();
        }
        Runner.joinAll(threads);
        long elapsed = System.nanoTime() - start;
        if (firstError.get() != null) System.err.println(workload + ": first error: " + firstError.get());
        Histogram all = new Histogram(600_000_000_000L, 3);
        histograms.forEach(all::add);
        return new Result(workload, batches, elapsed, all,
                server == null ? -1 : server.cpuNanos() - serverCpu,
                ServerProcess.driverCpuNanos() - driverCpu,
                server == null ? -1 : server.residentKb(), errors.get())
                .with("items/s", count * 1e9 / elapsed);
    }

    private boolean writeBatch(Connection c, String json) throws IOException {
        String request = json;
        for (int attempt = 0; attempt < MAX_UNPROCESSED_RETRIES; attempt++) {
            if (c.dynamo("BatchWriteItem", request) != 200) return false;
            JsonNode unprocessed = read(c).path("UnprocessedItems");
            if (unprocessed.isMissingNode() || unprocessed.isEmpty()) return true;
            request = "{\"RequestItems\":" + unprocessed + "}";
            pause(10L << Math.min(attempt, 6));
        }
        return false;
    }

    Connection connect() {
        return new Connection(settings.host(), settings.port());
    }

    static JsonNode read(Connection c) throws IOException {
        return JSON.readTree(c.body(), 0, c.bodyLength());
    }

    static void expectOk(Connection c, int status, String what) throws IOException {
        if (status != 200) throw new IOException(what + ": HTTP " + status + " " + Runner.abbreviate(c.bodyText()));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
