package dev.eddy.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Reads every record of a table's stream the way a consumer does (the KCL, or Lambda's
 * pollers): ListStreams, DescribeStream page by page, then each shard from TRIM_HORIZON
 * with GetRecords, parents before children, with up to {@code readers} shards read at once
 * (0: one per shard DescribeStream lists without a parent). Writes have stopped, so an open
 * shard is drained once it answers with no records twice in a row.
 */
final class StreamReader {
    private static final int MAX_DESCRIBE_PAGES = 1_000;
    private static final long MAX_READ_NANOS = 300_000_000_000L;
    private static final int EMPTY_READS_TO_DRAIN = 2;

    private final Tables tables;
    private final ServerProcess server;
    private final int readers;
    private final long warmupNanos;

    StreamReader(Tables tables, ServerProcess server, Settings settings) {
        this.tables = tables;
        this.server = server;
        this.readers = settings.streamReaders();
        this.warmupNanos = settings.warmupNanos();
    }

    Result readAll(String workload, String table, long expectedRecords) throws IOException {
        // Like every workload, a warm-up first, not recorded: whole reads of the stream for as
        // long as the others warm up, and at least one.
        long warmupEnd = System.nanoTime() + warmupNanos;
        do {
            read(table);
        } while (System.nanoTime() < warmupEnd);
        long serverCpu = server == null ? -1 : server.cpuNanos();
        long driverCpu = ServerProcess.driverCpuNanos();
        Pass pass = read(table);
        long cpu = server == null ? -1 : server.cpuNanos() - serverCpu;
        Result result = new Result(workload, pass.calls, pass.nanos, pass.latency, cpu,
                ServerProcess.driverCpuNanos() - driverCpu, server == null ? -1 : server.residentKb(),
                pass.records == expectedRecords ? 0 : 1)
                .with("records read", pass.records)
                .with("records expected", expectedRecords)
                .with("readers", pass.readers)
                .with("records/s", pass.records * 1e9 / pass.nanos);
        if (cpu >= 0 && pass.records > 0) result.with("server CPU us/record", cpu / 1e3 / pass.records);
        if (pass.records != expectedRecords) {
            System.err.println(workload + ": read " + pass.records + " records, expected " + expectedRecords);
        }
        return result;
    }

    private record Pass(long records, long calls, long nanos, Histogram latency, int readers) {
    }

    /** Reads the stream from its start to its end once. */
    private Pass read(String table) throws IOException {
        long start = System.nanoTime();
        Shards shards;
        try (Connection c = tables.connect()) {
            Tables.expectOk(c, c.streams("ListStreams", "{\"TableName\":\"" + table + "\"}"), "ListStreams");
            String arn = Tables.read(c).path("Streams").path(0).path("StreamArn").asText();
            if (arn.isEmpty()) throw new IOException("ListStreams found no stream for " + table);
            shards = new Shards(arn, describe(c, arn), start + MAX_READ_NANOS);
        }
        int threads = readers > 0 ? readers : Math.max(1, shards.queue.size());
        List<Reader> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) all.add(new Reader(shards));
        for (Reader r : all) r.thread.start();
        Histogram latency = new Histogram(600_000_000_000L, 3);
        long records = 0;
        long calls = 0;
        for (Reader r : all) {
            try {
                r.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the stream", e);
            }
            if (r.failure != null) throw r.failure;
            latency.add(r.latency);
            records += r.records;
            calls += r.calls;
        }
        return new Pass(records, calls, System.nanoTime() - start, latency, threads);
    }

    /** The shards to read and those being read, shared by the readers. */
    private final class Shards {
        final String arn;
        final long deadline;
        final Deque<String> queue = new ArrayDeque<>();
        final Set<String> started = new HashSet<>();
        Map<String, JsonNode> listed;
        int busy;
        boolean failed;

        Shards(String arn, Map<String, JsonNode> listed, long deadline) {
            this.arn = arn;
            this.listed = listed;
            this.deadline = deadline;
            for (JsonNode shard : listed.values()) {
                if (!listed.containsKey(shard.path("ParentShardId").asText())) queue.add(shard.path("ShardId").asText());
            }
        }

        /**
         * The next shard to read, or null when there is none: every shard was read and
         * DescribeStream, asked once more when no reader is busy, lists no other.
         */
        synchronized JsonNode take(Connection c) throws IOException {
            while (!failed && System.nanoTime() < deadline) {
                if (queue.isEmpty() && busy > 0) {
                    try {
                        wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while reading the stream", e);
                    }
                    continue;
                }
                if (queue.isEmpty()) {
                    listed = describe(c, arn);
                    for (String id : listed.keySet()) if (!started.contains(id)) queue.add(id);
                    if (queue.isEmpty()) {
                        notifyAll();
                        return null;
                    }
                }
                String shardId = queue.poll();
                if (!started.add(shardId)) continue;
                busy++;
                return listed.get(shardId);
            }
            notifyAll();
            return null;
        }

        synchronized void done(String shardId) {
            busy--;
            for (JsonNode shard : listed.values()) {
                if (shardId.equals(shard.path("ParentShardId").asText())) queue.add(shard.path("ShardId").asText());
            }
            notifyAll();
        }

        /** A reader failed: the others stop rather than wait for the children of its shard. */
        synchronized void fail() {
            failed = true;
            notifyAll();
        }
    }

    /** One consumer with a connection of its own, reading whole shards one after another. */
    private final class Reader implements Runnable {
        final Shards shards;
        final Thread thread = new Thread(this, "stream-reader");
        final Histogram latency = new Histogram(600_000_000_000L, 3);
        long records;
        long calls;
        IOException failure;

        Reader(Shards shards) {
            this.shards = shards;
        }

        @Override
        public void run() {
            try (Connection c = tables.connect()) {
                for (JsonNode shard = shards.take(c); shard != null; shard = shards.take(c)) {
                    String shardId = shard.path("ShardId").asText();
                    read(c, shardId, shard.path("SequenceNumberRange").has("EndingSequenceNumber"));
                    shards.done(shardId);
                }
            } catch (IOException e) {
                failure = e;
                shards.fail();
            }
        }

        private void read(Connection c, String shardId, boolean closed) throws IOException {
            Tables.expectOk(c, c.streams("GetShardIterator", "{\"StreamArn\":\"" + shards.arn + "\",\"ShardId\":\""
                    + shardId + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}"), "GetShardIterator");
            String iterator = Tables.read(c).path("ShardIterator").asText(null);
            int empty = 0;
            while (iterator != null && System.nanoTime() < shards.deadline) {
                long t0 = System.nanoTime();
                Tables.expectOk(c, c.streams("GetRecords", "{\"ShardIterator\":\"" + iterator + "\",\"Limit\":1000}"),
                        "GetRecords");
                latency.recordValue(System.nanoTime() - t0);
                calls++;
                Page page = page(c.body(), c.bodyLength());
                records += page.records;
                empty = page.records == 0 ? empty + 1 : 0;
                if (!closed && empty >= EMPTY_READS_TO_DRAIN) break;
                iterator = page.next;
            }
        }
    }

    /** Every shard of the stream, in the order DescribeStream lists them. */
    private static Map<String, JsonNode> describe(Connection c, String arn) throws IOException {
        Map<String, JsonNode> shards = new LinkedHashMap<>();
        String startAfter = null;
        for (int page = 0; page < MAX_DESCRIBE_PAGES; page++) {
            String json = "{\"StreamArn\":\"" + arn + "\""
                    + (startAfter == null ? "" : ",\"ExclusiveStartShardId\":\"" + startAfter + "\"") + "}";
            Tables.expectOk(c, c.streams("DescribeStream", json), "DescribeStream");
            JsonNode description = Tables.read(c).path("StreamDescription");
            for (JsonNode shard : description.path("Shards")) shards.put(shard.path("ShardId").asText(), shard);
            startAfter = description.path("LastEvaluatedShardId").asText(null);
            if (startAfter == null) break;
        }
        return shards;
    }

    record Page(int records, String next) {
    }

    private static final byte[] EVENT_ID = "\"eventID\"".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] NEXT_SHARD_ITERATOR = "\"NextShardIterator\"".getBytes(StandardCharsets.ISO_8859_1);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * Counts the records of a GetRecords answer and finds its next iterator by searching the
     * bytes where they were read, rather than parsing them or making a string of them: a
     * megabyte allocated per page cost the driver up to 3 ms in page faults, more than the
     * server spent answering. A member name in quotes followed by a colon cannot occur inside
     * a JSON string (its quotes would be escaped), so every {@code "eventID":} is one record;
     * the count is checked against the records written.
     */
    static Page page(byte[] body, int length) throws IOException {
        int records = 0;
        for (int at = indexOf(body, 0, length, EVENT_ID); at >= 0;
                at = indexOf(body, at + EVENT_ID.length, length, EVENT_ID)) {
            if (valueAfter(body, at + EVENT_ID.length, length) >= 0) records++;
        }
        int value = -1;
        for (int at = indexOf(body, 0, length, NEXT_SHARD_ITERATOR); at >= 0 && value < 0;
                at = indexOf(body, at + 1, length, NEXT_SHARD_ITERATOR)) {
            value = valueAfter(body, at + NEXT_SHARD_ITERATOR.length, length);
        }
        String next = null;
        if (value >= 0 && value < length && body[value] == '"') {
            int close = value + 1;
            while (close < length && body[close] != '"') close++;
            if (close < length) next = new String(body, value + 1, close - value - 1, StandardCharsets.ISO_8859_1);
        }
        if (records == 0 && length > 0 && body[0] != '{') throw new IOException("GetRecords: not a JSON object");
        return new Page(records, next);
    }

    /**
     * Where {@code pattern} next starts in {@code body[from, end)}, or -1. Looks eight bytes
     * at a time for the pattern's first capital letter, rare in these bodies (quotes and small
     * letters are everywhere), then compares the whole pattern there.
     */
    private static int indexOf(byte[] body, int from, int end, byte[] pattern) {
        int anchorAt = 0;
        while (!Character.isUpperCase(pattern[anchorAt])) anchorAt++;
        byte anchor = pattern[anchorAt];
        long wanted = (anchor & 0xFFL) * ONES;
        int i = from + anchorAt;
        while (i <= end - pattern.length + anchorAt) {
            if (i + 8 <= end) {
                long v = (long) LONGS.get(body, i) ^ wanted;
                // The lowest lane whose byte was the anchor; lanes above it may be false alarms.
                long found = (v - ONES) & ~v & HIGH_BITS;
                if (found == 0) {
                    i += 8;
                    continue;
                }
                i += Long.numberOfTrailingZeros(found) >>> 3;
            } else if (body[i] != anchor) {
                i++;
                continue;
            }
            int start = i - anchorAt;
            if (start + pattern.length <= end && Arrays.equals(body, start, start + pattern.length, pattern, 0, pattern.length)) {
                return start;
            }
            i++;
        }
        return -1;
    }

    /** Where the value starts when a member name ends at {@code from}; -1 when no colon follows. */
    private static int valueAfter(byte[] body, int from, int end) {
        int i = skipSpaces(body, from, end);
        return i < end && body[i] == ':' ? skipSpaces(body, i + 1, end) : -1;
    }

    private static int skipSpaces(byte[] body, int i, int end) {
        while (i < end && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) i++;
        return i;
    }
}
