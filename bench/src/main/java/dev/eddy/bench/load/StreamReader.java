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
    private final long durationNanos;

    /** {@code readers}: how many shards are read at once; 0, one per shard lineage. */
    StreamReader(Tables tables, ServerProcess server, Settings settings, int readers) {
        this.tables = tables;
        this.server = server;
        this.readers = readers;
        this.warmupNanos = settings.warmupNanos();
        this.durationNanos = settings.durationNanos();
    }

    /**
     * Reads the whole stream again and again for the measured duration (at least once), each
     * read checked against the records written.
     */
    Result readAll(String workload, String table, long expectedRecords) throws IOException {
        // Like every workload, a warm-up first, not recorded: whole reads of the stream for as
        // long as the others warm up, and at least one.
        long warmupEnd = System.nanoTime() + warmupNanos;
        do {
            read(table);
        } while (System.nanoTime() < warmupEnd);
        long serverCpu = server == null ? -1 : server.cpuNanos();
        long driverCpu = ServerProcess.driverCpuNanos();
        Histogram latency = new Histogram(600_000_000_000L, 3);
        long records = 0;
        long calls = 0;
        long nanos = 0;
        int passes = 0;
        int wrongPasses = 0;
        int passReaders = 0;
        do {
            Pass pass = read(table);
            latency.add(pass.latency);
            records += pass.records;
            calls += pass.calls;
            nanos += pass.nanos;
            passes++;
            passReaders = pass.readers;
            if (pass.records != expectedRecords) {
                wrongPasses++;
                System.err.println(workload + ": read " + pass.records + " records, expected " + expectedRecords);
            }
        } while (nanos < durationNanos);
        long cpu = server == null ? -1 : server.cpuNanos() - serverCpu;
        Result result = new Result(workload, calls, nanos, latency, cpu,
                ServerProcess.driverCpuNanos() - driverCpu, server == null ? -1 : server.residentKb(), wrongPasses)
                .with("records read", records)
                .with("records expected", expectedRecords * passes)
                .with("whole reads", passes)
                .with("readers", passReaders)
                .with("records/s", records * 1e9 / nanos);
        if (cpu >= 0 && records > 0) result.with("server CPU us/record", cpu / 1e3 / records);
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
        int records = members(body, length, EVENT_ID);
        int value = -1;
        // Stops at the member found: a for loop's update would search the rest of the page first.
        for (int at = indexOf(body, 0, length, NEXT_SHARD_ITERATOR); at >= 0;
                at = indexOf(body, at + 1, length, NEXT_SHARD_ITERATOR)) {
            value = valueAfter(body, at + NEXT_SHARD_ITERATOR.length, length);
            if (value >= 0) break;
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
     * How many members named {@code name} (in quotes, followed by a colon) {@code body[0, end)}
     * holds, in one pass: a search restarted after each of a thousand records cost twice as much.
     */
    private static int members(byte[] body, int end, byte[] name) {
        int anchorAt = anchorAt(name);
        int count = 0;
        int i = anchorAt;
        for (; i + 32 <= end; i += 32) {
            if (anchorIn32(body, i, name[anchorAt])) count += membersAt(body, i, i + 32, end, anchorAt, name);
        }
        return count + membersAt(body, i, end, end, anchorAt, name);
    }

    /** How many members named {@code name} have their anchor byte in {@code [from, to)}. */
    private static int membersAt(byte[] body, int from, int to, int end, int anchorAt, byte[] name) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (body[i] != name[anchorAt]) continue;
            int start = i - anchorAt;
            if (start + name.length <= end && Arrays.equals(body, start, start + name.length, name, 0, name.length)
                    && valueAfter(body, start + name.length, end) >= 0) {
                count++;
            }
        }
        return count;
    }

    /** Whether {@code anchor} may be among the 32 bytes at {@code i} (false alarms are possible, misses not). */
    private static boolean anchorIn32(byte[] body, int i, byte anchor) {
        long wanted = (anchor & 0xFFL) * ONES;
        long v0 = (long) LONGS.get(body, i) ^ wanted;
        long v1 = (long) LONGS.get(body, i + 8) ^ wanted;
        long v2 = (long) LONGS.get(body, i + 16) ^ wanted;
        long v3 = (long) LONGS.get(body, i + 24) ^ wanted;
        return (((v0 - ONES) & ~v0 | (v1 - ONES) & ~v1 | (v2 - ONES) & ~v2 | (v3 - ONES) & ~v3) & HIGH_BITS) != 0;
    }

    /** The pattern's first capital letter, rare in these bodies (quotes and small letters are everywhere). */
    private static int anchorAt(byte[] pattern) {
        int at = 0;
        while (!Character.isUpperCase(pattern[at])) at++;
        return at;
    }

    /** Where {@code pattern} next starts in {@code body[from, end)}, or -1; 32 bytes a step, as {@link #members}. */
    private static int indexOf(byte[] body, int from, int end, byte[] pattern) {
        int anchorAt = anchorAt(pattern);
        int i = from + anchorAt;
        for (; i + 32 <= end; i += 32) {
            if (!anchorIn32(body, i, pattern[anchorAt])) continue;
            int at = firstAt(body, i, i + 32, end, anchorAt, pattern);
            if (at >= 0) return at;
        }
        return firstAt(body, i, end, end, anchorAt, pattern);
    }

    /** The first start of {@code pattern} whose anchor byte lies in {@code [from, to)}, or -1. */
    private static int firstAt(byte[] body, int from, int to, int end, int anchorAt, byte[] pattern) {
        for (int i = from; i < to; i++) {
            if (body[i] != pattern[anchorAt]) continue;
            int start = i - anchorAt;
            if (start + pattern.length <= end && Arrays.equals(body, start, start + pattern.length, pattern, 0, pattern.length)) {
                return start;
            }
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
