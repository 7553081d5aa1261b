package dev.eddy.api.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.eddy.api.json.Constraints;
import dev.eddy.core.index.IndexWrites;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.WriteResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consumed capacity as DynamoDB reckons it: a read unit per 4 KB (half for an eventually
 * consistent read), a write unit per 1 KB, at least one unit each; transactions cost double.
 */
public final class Capacity {
    public static final List<String> MODES = List.of("INDEXES", "TOTAL", "NONE");

    public enum Kind { READ, WRITE }

    private Capacity() {
    }

    /**
     * The write units one table is charged in a request: its own, and per secondary index one
     * unit per KB of each index entry written ({@link IndexWrites}); transactional writes
     * pay double for each. Counted only when the response reports them, as working out the
     * index entries a write changed costs as much as the entries themselves did.
     */
    public static final class Writes {
        private record Counted(TableDefinition definition, WriteResult result, int multiplier) {
        }

        private final List<Counted> writes = new ArrayList<>();
        private double table;
        private final Map<String, Double> global = new LinkedHashMap<>();
        private final Map<String, Double> local = new LinkedHashMap<>();

        /** Adds one item write; a null result (a transaction's condition check) costs the table a minimal write. */
        public Writes add(TableDefinition definition, WriteResult result, int multiplier) {
            writes.add(new Counted(definition, result, multiplier));
            return this;
        }

        private Writes tally() {
            for (Counted w : writes) {
                table += w.multiplier() * writeUnits(w.result() == null ? 0 : w.result().largerSize());
                if (w.result() == null) continue;
                for (IndexWrites.EntryWrites e : IndexWrites.of(w.definition(), w.result().oldItem(), w.result().newItem())) {
                    double units = 0;
                    for (long bytes : e.entryBytes()) units += w.multiplier() * writeUnits(bytes);
                    (e.index().global() ? global : local).merge(e.index().name(), units, Double::sum);
                }
            }
            writes.clear();
            return this;
        }
    }

    /** The request's ReturnConsumedCapacity, checked; null means NONE. */
    static String mode(ApiRequest request, Constraints c) {
        String mode = request.body().string("ReturnConsumedCapacity");
        c.oneOf("returnConsumedCapacity", mode, MODES);
        return mode == null || mode.equals("NONE") ? null : mode;
    }

    public static double readUnits(long itemBytes, boolean consistent) {
        double units = Math.max(1, (itemBytes + 4095) / 4096);
        return consistent ? units : units / 2;
    }

    public static double writeUnits(long itemBytes) {
        return Math.max(1, (itemBytes + 1023) / 1024);
    }

    /**
     * Writes a {@code ConsumedCapacity} member. {@code indexUnits}: units per index name
     * (global and local ones in their own maps), shown only in INDEXES mode.
     */
    public static void write(JsonGenerator g, String field, String mode, String tableName, Kind kind, double tableUnits,
                             Map<String, Double> globalIndexUnits, Map<String, Double> localIndexUnits)
            throws IOException {
        if (mode == null) return;
        g.writeObjectFieldStart(field);
        writeFields(g, mode, tableName, kind, tableUnits, globalIndexUnits, localIndexUnits);
        g.writeEndObject();
    }

    private static void writeFields(JsonGenerator g, String mode, String tableName, Kind kind, double tableUnits,
                                    Map<String, Double> globalIndexUnits, Map<String, Double> localIndexUnits)
            throws IOException {
        double total = tableUnits;
        for (double u : globalIndexUnits.values()) total += u;
        for (double u : localIndexUnits.values()) total += u;
        g.writeStringField("TableName", tableName);
        writeUnits(g, kind, total);
        if (mode.equals("INDEXES")) {
            g.writeObjectFieldStart("Table");
            writeUnits(g, kind, tableUnits);
            g.writeEndObject();
            writeIndexes(g, "GlobalSecondaryIndexes", kind, globalIndexUnits);
            writeIndexes(g, "LocalSecondaryIndexes", kind, localIndexUnits);
        }
    }

    public static void write(JsonGenerator g, String mode, String tableName, Kind kind, double tableUnits)
            throws IOException {
        write(g, "ConsumedCapacity", mode, tableName, kind, tableUnits, Map.of(), Map.of());
    }

    public static void write(JsonGenerator g, String mode, String tableName, Writes writes) throws IOException {
        if (mode == null) return;
        writes.tally();
        write(g, "ConsumedCapacity", mode, tableName, Kind.WRITE, writes.table, writes.global, writes.local);
    }

    /** The ConsumedCapacity list of a batch or transaction that writes: one entry per table. */
    public static void writeList(JsonGenerator g, String mode, Map<String, Writes> writesByTable) throws IOException {
        if (mode == null) return;
        g.writeArrayFieldStart("ConsumedCapacity");
        for (Map.Entry<String, Writes> e : writesByTable.entrySet()) {
            Writes w = e.getValue().tally();
            g.writeStartObject();
            writeFields(g, mode, e.getKey(), Kind.WRITE, w.table, w.global, w.local);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * The {@code ConsumedCapacity} list of the operations that span tables (batches and
     * transactions): one entry per table, nothing when capacity was not asked for.
     */
    public static void writeList(JsonGenerator g, String mode, Kind kind, Map<String, Double> unitsByTable)
            throws IOException {
        if (mode == null) return;
        g.writeArrayFieldStart("ConsumedCapacity");
        for (Map.Entry<String, Double> e : unitsByTable.entrySet()) writeEntry(g, mode, e.getKey(), kind, e.getValue());
        g.writeEndArray();
    }

    public static void writeEntry(JsonGenerator g, String mode, String tableName, Kind kind, double units)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("TableName", tableName);
        writeUnits(g, kind, units);
        if (mode.equals("INDEXES")) {
            g.writeObjectFieldStart("Table");
            writeUnits(g, kind, units);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeIndexes(JsonGenerator g, String field, Kind kind, Map<String, Double> units)
            throws IOException {
        if (units.isEmpty()) return;
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Double> e : units.entrySet()) {
            g.writeObjectFieldStart(e.getKey());
            if (kind == Kind.WRITE) {
                g.writeNumberField("CapacityUnits", e.getValue());
            } else {
                writeUnits(g, kind, e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeUnits(JsonGenerator g, Kind kind, double units) throws IOException {
        g.writeNumberField(kind == Kind.READ ? "ReadCapacityUnits" : "WriteCapacityUnits", units);
        g.writeNumberField("CapacityUnits", units);
    }
}
