package dev.eddy.bench.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The workloads, in groups that each start from fresh tables and delete them after. A
 * group is the unit that {@code bench/compare} alternates between servers; the GetItem
 * and Scan workloads share one group because they read the same preloaded table.
 */
public final class Workloads {
    public static final List<String> GROUPS = List.of("put", "read", "query", "stream", "large", "backfill");
    public static final String BIG_QUERY = "bigquery";

    private static final int MAX_ITEM_BYTES = 400 * 1024;
    private static final int PUT_KEYS = 1_000_000;
    /**
     * PutItem at 16 clients runs a fixed number of operations, the same for every server: the
     * memory a server holds after it grows with the items it stored, which a phase of fixed
     * time would make ten times as many on a server ten times faster. The warm-up is about the
     * 2 s every other workload warms up for on the faster server: after 4,000 operations (0.4 s
     * on Eddy) its JIT compiler was still compiling the 16-client paths, a quarter of its CPU,
     * through the measured ones.
     */
    private static final int PUT_LOAD_WARMUP_OPS = 16_000;
    private static final int PUT_LOAD_OPS = 48_000;
    private static final int STREAM_KEYS = 10_000;
    private static final int PARTITION_ITEMS = 100;
    private static final int QUERY_PARTITIONS = 100;
    private static final int MAX_SCAN_PAGES = 100_000;

    private final Settings settings;
    private final Runner runner;
    private final Tables tables;
    private final ServerProcess server;
    private final Items items;
    private final String prefix;
    private final Consumer<Result> sink;
    private final AtomicLong seq = new AtomicLong();

    public Workloads(Settings settings, ServerProcess server, String prefix, Consumer<Result> sink) {
        this.settings = settings;
        this.server = server;
        this.runner = new Runner(settings, server);
        this.tables = new Tables(settings, server);
        this.items = new Items(settings.itemBytes());
        this.prefix = prefix;
        this.sink = sink;
    }

    public void run(String group) throws IOException {
        switch (group) {
            case "put" -> put();
            case "read" -> read();
            case "query" -> query();
            case "stream" -> stream();
            case "large" -> large();
            case "backfill" -> backfill();
            case BIG_QUERY -> bigQuery();
            default -> throw new IllegalArgumentException("unknown workload group: " + group);
        }
    }

    private void put() throws IOException {
        for (int concurrency : new int[] {1, 16}) {
            String table = fresh("put" + concurrency, false, false);
            Runner.Op put = (c, random, verify) ->
                    c.dynamo("PutItem", items.put(table, items.item("k" + random.nextInt(PUT_KEYS), seq.incrementAndGet()))) == 200;
            sink.accept(concurrency == 1 ? runner.run("PutItem c1", 1, put)
                    : runner.runCounted("PutItem c16", 16, PUT_LOAD_WARMUP_OPS, PUT_LOAD_OPS, put));
            tables.delete(table);
        }
    }

    private void read() throws IOException {
        int n = settings.preloadItems();
        String table = fresh("read", false, false);
        sink.accept(tables.load("BatchWriteItem load", table, 0, n, 16, i -> items.item("k" + i, i)));
        for (int concurrency : new int[] {1, 16}) {
            sink.accept(runner.run("GetItem c" + concurrency, concurrency, (c, random, verify) -> {
                String pk = "k" + random.nextInt(n);
                if (c.dynamo("GetItem", Items.key(table, pk)) != 200) return false;
                if (!verify) return c.bodyLength() > items.paddingLength();
                return pk.equals(Tables.read(c).path("Item").path("pk").path("S").asText());
            }));
        }
        Result scan = runner.runWithoutWarmup("Scan c1 (full)", 1, (c, random, verify) -> scanAll(c, table) == n);
        sink.accept(scan.with("items/s", scan.opsPerSecond() * n));
        tables.delete(table);
    }

    /** Scans the whole table in 1 MB pages; returns the number of items seen. */
    private long scanAll(Connection c, String table) throws IOException {
        long count = 0;
        String startKey = null;
        for (int page = 0; page < MAX_SCAN_PAGES; page++) {
            String json = "{\"TableName\":\"" + table + "\"" + (startKey == null ? "" : ",\"ExclusiveStartKey\":" + startKey) + "}";
            if (c.dynamo("Scan", json) != 200) return -1;
            startKey = null;
            try (JsonParser p = Tables.JSON.getFactory().createParser(c.body(), 0, c.bodyLength())) {
                if (p.nextToken() != JsonToken.START_OBJECT) return -1;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("Count")) {
                        count += p.getIntValue();
                    } else if (field.equals("LastEvaluatedKey")) {
                        startKey = Tables.JSON.readTree(p).toString();
                    } else {
                        p.skipChildren();
                    }
                }
            }
            if (startKey == null) return count;
        }
        return -1;
    }

    private void query() throws IOException {
        String table = fresh("query", true, false);
        loadPartitions(table, items, 0, QUERY_PARTITIONS, "BatchWriteItem load (query)");
        sink.accept(runner.run("Query c16", 16, (c, random, verify) -> queryPartition(c, table, random.nextInt(QUERY_PARTITIONS), verify)));
        tables.delete(table);
    }

    private boolean queryPartition(Connection c, String table, int partition, boolean verify) throws IOException {
        if (c.dynamo("Query", Items.queryPartition(table, "p" + partition)) != 200) return false;
        return !verify || Tables.read(c).path("Count").asInt() == PARTITION_ITEMS;
    }

    private void stream() throws IOException {
        String table = fresh("stream", false, true);
        Result puts = runner.run("PutItem stream c16", 16, (c, random, verify) ->
                c.dynamo("PutItem", items.put(table, items.item("k" + random.nextInt(STREAM_KEYS), seq.incrementAndGet()))) == 200);
        sink.accept(puts);
        long written = (long) puts.extra("ok requests incl. warm-up");
        // Consumers read a stream's shards at once (Lambda polls each shard, the KCL leases
        // each to a worker): that is the figure compared. One shard at a time is shown beside it.
        int readers = settings.streamReaders();
        sink.accept(new StreamReader(tables, server, settings, readers)
                .readAll(readers == 1 ? "GetRecords, one reader" : "GetRecords, reader per shard", table, written));
        if (readers != 1) {
            sink.accept(new StreamReader(tables, server, settings, 1).readAll("GetRecords, one reader", table, written));
        }
        tables.delete(table);
    }

    private void large() throws IOException {
        String table = fresh("large", false, false);
        Items big = new Items(MAX_ITEM_BYTES - 64);
        sink.accept(runner.run("PutItem 400KB c1", 1, (c, random, verify) ->
                c.dynamo("PutItem", big.put(table, big.item("big", seq.incrementAndGet()))) == 200));
        sink.accept(runner.run("GetItem 400KB c1", 1, (c, random, verify) ->
                c.dynamo("GetItem", Items.key(table, "big")) == 200 && c.bodyLength() > big.paddingLength()));
        tables.delete(table);
    }

    /** A global secondary index added to a live table of preloaded items: how fast it backfills. */
    private void backfill() throws IOException {
        int n = settings.preloadItems();
        String table = fresh("backfill", false, false);
        sink.accept(tables.load("BatchWriteItem load (backfill)", table, 0, n, 16, i -> items.item("k" + i, i)));
        sink.accept(tables.addIndexAndWait("GSI backfill", table, "seq", n));
        tables.delete(table);
    }

    /** Query latency on one 100-item partition as the table grows from 10,000 to 1,000,000 small items. */
    private void bigQuery() throws IOException {
        String table = fresh("bigquery", true, false);
        Items small = new Items(100);
        int[] partitions = {100, 10_000};
        int loaded = 0;
        for (int total : partitions) {
            loadPartitions(table, small, loaded, total, "BatchWriteItem load to " + label(total * PARTITION_ITEMS));
            loaded = total;
            int upTo = total;
            sink.accept(runner.run("Query c1, " + label(total * PARTITION_ITEMS) + " items", 1,
                    (c, random, verify) -> queryPartition(c, table, random.nextInt(upTo), verify)));
        }
        tables.delete(table);
    }

    private void loadPartitions(String table, Items with, int fromPartition, int toPartition, String workload) {
        long first = (long) fromPartition * PARTITION_ITEMS;
        long count = (long) (toPartition - fromPartition) * PARTITION_ITEMS;
        sink.accept(tables.load(workload, table, first, count, 16,
                i -> with.item("p" + i / PARTITION_ITEMS, i % PARTITION_ITEMS, i)));
    }

    private String fresh(String name, boolean sortKey, boolean stream) throws IOException {
        String table = prefix + "-" + name;
        tables.create(table, sortKey, stream);
        return table;
    }

    private static String label(long items) {
        return items >= 1_000_000 ? items / 1_000_000 + "M" : items / 1_000 + "k";
    }

    public static List<String> parseGroups(String list) {
        List<String> groups = new ArrayList<>();
        for (String g : list.split(",")) if (!g.isBlank()) groups.add(g.trim());
        return groups;
    }
}
