package dev.eddy.bench;

import dev.eddy.bench.load.Connection;
import dev.eddy.bench.load.Result;
import dev.eddy.bench.load.ServerProcess;
import dev.eddy.bench.load.Settings;
import dev.eddy.bench.load.Workloads;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Drives any endpoint that speaks DynamoDB's JSON 1.0 protocol and reports, per workload,
 * throughput, latency percentiles, the server's CPU per operation and memory, and the
 * driver's own CPU beside them.
 *
 * <pre>
 * java -jar bench.jar run --endpoint http://127.0.0.1:8000 [--pid N] [--groups put,read,query,stream,large]
 *                         [--big-query] [--warmup 2] [--duration 6] [--ops N] [--preload 100000]
 *                         [--item-bytes 1024] [--stream-readers 0] [--out results.tsv]
 * java -jar bench.jar report --label NAME results.tsv --label NAME results.tsv
 * </pre>
 */
public final class LoadDriver {
    private static final List<String> OPTIONS = List.of("endpoint", "pid", "groups", "big-query", "warmup",
            "duration", "ops", "preload", "item-bytes", "stream-readers", "out");

    private LoadDriver() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].equals("--help")) {
            usage();
            return;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "run" -> {
                    if (rest.contains("--help")) {
                        usage();
                        return;
                    }
                    run(options(rest));
                }
                case "report" -> Report.print(rest, System.out);
                default -> throw new IllegalArgumentException("unknown command: " + args[0]);
            }
        } catch (IllegalArgumentException e) {
            // A mistyped command line gets what is wrong with it and the usage, not a stack trace.
            System.err.println("bench: " + e.getMessage());
            usage();
            System.exit(2);
        }
    }

    private static void run(Map<String, String> o) throws IOException {
        URI endpoint = URI.create(o.getOrDefault("endpoint", "http://127.0.0.1:8000"));
        Settings settings = new Settings(endpoint.getHost(), endpoint.getPort() < 0 ? 80 : endpoint.getPort(),
                number(o, "warmup", "2"),
                number(o, "duration", "6"),
                (long) number(o, "ops", "0"),
                (int) number(o, "preload", "100000"),
                (int) number(o, "item-bytes", "1024"),
                (int) number(o, "stream-readers", "0"));
        ServerProcess server = o.containsKey("pid") ? new ServerProcess((long) number(o, "pid", "0")) : null;
        List<String> groups = Workloads.parseGroups(o.getOrDefault("groups", String.join(",", Workloads.GROUPS)));
        if (o.containsKey("big-query")) groups.add(Workloads.BIG_QUERY);
        Path out = o.containsKey("out") ? Path.of(o.get("out")) : null;

        try (Connection c = new Connection(settings.host(), settings.port())) {
            if (c.dynamo("ListTables", "{}") != 200) {
                throw new IOException("the endpoint refused ListTables: HTTP " + c.status() + " " + c.bodyText());
            }
        }
        String prefix = "bench-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        List<Result> results = new ArrayList<>();
        Workloads workloads = new Workloads(settings, server, prefix, r -> {
            System.out.println(r.summary());
            results.add(r);
            if (out != null) append(out, r.lines());
        });
        int failed = 0;
        for (String group : groups) {
            try {
                workloads.run(group);
            } catch (IOException | RuntimeException e) {
                failed++;
                System.err.println("workload group " + group + " failed: " + e);
            }
            if (server != null && !server.alive()) {
                System.err.println("the server (pid " + server.pid() + ") is gone");
                System.exit(1);
            }
        }
        if (failed > 0) System.exit(1);
    }

    private static double number(Map<String, String> o, String name, String otherwise) {
        String value = o.getOrDefault(name, otherwise);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a number, not " + value);
        }
    }

    private static void append(Path out, List<String> lines) {
        try {
            Files.write(out, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + a);
            String name = a.substring(2);
            if (!OPTIONS.contains(name)) throw new IllegalArgumentException("unknown option: " + a);
            if (name.equals("big-query")) {
                o.put(name, "true");
            } else if (i + 1 < args.size()) {
                o.put(name, args.get(++i));
            } else {
                throw new IllegalArgumentException("missing value for " + a);
            }
        }
        return o;
    }

    private static void usage() {
        PrintWriter w = new PrintWriter(System.out, true);
        w.println("usage: java -jar bench.jar run --endpoint http://127.0.0.1:8000 [--pid SERVER_PID]");
        w.println("         [--groups " + String.join(",", Workloads.GROUPS) + "] [--big-query]");
        w.println("         [--warmup SECONDS] [--duration SECONDS] [--ops N] [--preload ITEMS] [--item-bytes N]");
        w.println("         [--stream-readers N] [--out FILE.tsv]");
        w.println("       java -jar bench.jar report --label NAME FILE.tsv --label NAME FILE.tsv");
    }
}
