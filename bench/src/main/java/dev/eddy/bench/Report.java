package dev.eddy.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Puts the results of two servers side by side, one row per workload and figure, with the
 * second server's figure divided by the first's. A figure a server lacks shows as n/a.
 */
final class Report {
    /** Bookkeeping figures that the table leaves out. */
    private static final Set<String> HIDDEN = Set.of("ops", "ok requests incl. warm-up");

    private Report() {
    }

    static void print(List<String> args, PrintStream out) throws IOException {
        List<String> labels = new ArrayList<>();
        List<Map<String, Double>> columns = new ArrayList<>();
        Set<String> rows = new LinkedHashSet<>();
        if (args.isEmpty() || args.size() % 3 != 0) throw new IllegalArgumentException("expected --label NAME FILE pairs");
        for (int i = 0; i + 2 < args.size(); i += 3) {
            if (!args.get(i).equals("--label")) throw new IllegalArgumentException("expected --label NAME FILE pairs");
            labels.add(args.get(i + 1));
            Map<String, Double> column = new HashMap<>();
            Path file = Path.of(args.get(i + 2));
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t");
                    if (f.length != 3 || HIDDEN.contains(f[1])) continue;
                    String row = f[0] + "\t" + f[1];
                    rows.add(row);
                    column.put(row, Double.parseDouble(f[2]));
                }
            }
            columns.add(column);
        }
        boolean ratio = columns.size() == 2;
        List<String[]> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("workload", "figure"));
        header.addAll(labels);
        if (ratio) header.add(labels.get(1) + " / " + labels.get(0));
        table.add(header.toArray(new String[0]));
        String previous = "";
        for (String row : rows) {
            String[] key = row.split("\t");
            List<String> cells = new ArrayList<>();
            cells.add(key[0].equals(previous) ? "" : key[0]);
            previous = key[0];
            cells.add(key[1]);
            for (Map<String, Double> column : columns) cells.add(format(column.get(row)));
            if (ratio) {
                Double a = columns.get(0).get(row);
                Double b = columns.get(1).get(row);
                cells.add(a == null || b == null || a == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", b / a));
            }
            table.add(cells.toArray(new String[0]));
        }
        int[] widths = new int[header.size()];
        for (String[] r : table) for (int c = 0; c < r.length; c++) widths[c] = Math.max(widths[c], r[c].length());
        for (int r = 0; r < table.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String cell = table.get(r)[c];
                if (c < 2) line.append(String.format("%-" + widths[c] + "s", cell));
                else line.append(String.format("%" + widths[c] + "s", cell));
                line.append(c + 1 < widths.length ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) out.println("-".repeat(line.length()));
        }
        if (ratio) {
            out.println();
            out.println("ratio = " + labels.get(1) + " / " + labels.get(0)
                    + ": above 1 is better for ops/s, items/s and records/s; below 1 is better for everything else.");
        }
    }

    private static String format(Double v) {
        if (v == null) return "n/a";
        double a = Math.abs(v);
        if (a >= 100 || v == Math.rint(v)) return String.format(Locale.ROOT, "%.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
