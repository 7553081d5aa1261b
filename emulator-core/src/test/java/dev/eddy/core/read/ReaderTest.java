package dev.eddy.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.core.Emulator;
import dev.eddy.core.expression.KeyCondition;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.Binary;
import dev.eddy.core.item.Values;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.Projection;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.TableStats;
import dev.eddy.core.table.Throughput;
import dev.eddy.core.write.Keys;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReaderTest {
    /** The keys of a Query of a single-attribute key ({@code sortCondition} null for none). */
    private static KeyCondition.KeyQuery single(AttributeValue partition, KeyCondition.Term sortCondition) {
        return new KeyCondition.KeyQuery(List.of(partition), List.of(), sortCondition);
    }

    private static final AttributeValue.Type S = AttributeValue.Type.S;
    private static final AttributeValue.Type N = AttributeValue.Type.N;
    private static final AttributeValue.Type B = AttributeValue.Type.B;
    private final Emulator emulator = Emulator.inMemory(Clock.systemUTC());
    private final Reader reader = new Reader(emulator.store());
    private final Random random = new Random(42);

    @AfterEach
    void close() {
        emulator.close();
    }

    private TableDefinition table(AttributeValue.Type sortType) {
        KeySchema key = new KeySchema(new KeyAttribute("pk", S), new KeyAttribute("sk", sortType));
        SecondaryIndex lsi = new SecondaryIndex("bySort2", 0, false,
                new KeySchema(new KeyAttribute("pk", S), new KeyAttribute("sk2", sortType)),
                new Projection(Projection.Type.KEYS_ONLY, null), Throughput.ON_DEMAND,
                SecondaryIndex.IndexStatus.ACTIVE, false);
        SecondaryIndex gsi = new SecondaryIndex("byGroup", 0, true,
                new KeySchema(new KeyAttribute("group", S), new KeyAttribute("sk2", sortType)),
                new Projection(Projection.Type.INCLUDE, List.of("x")), Throughput.ON_DEMAND,
                SecondaryIndex.IndexStatus.ACTIVE, false);
        return emulator.catalog().create(TableDefinition.builder().region("r").name("t" + sortType)
                .keySchema(key).attributeDefinitions(Map.of("pk", S, "sk", sortType, "sk2", sortType, "group", S))
                .localIndexes(List.of(lsi)).globalIndexes(List.of(gsi)).build());
    }

    private AttributeValue randomValue(AttributeValue.Type type) {
        switch (type) {
            case N: {
                BigDecimal n = BigDecimal.valueOf(random.nextInt(2001) - 1000, random.nextInt(4));
                return AttributeValue.n(n.toPlainString());
            }
            case S: {
                char[] cs = new char[1 + random.nextInt(3)];
                for (int i = 0; i < cs.length; i++) cs[i] = "ab\u0000\u00ff\u4e2d".charAt(random.nextInt(5));
                return new AttributeValue.S(new String(cs));
            }
            default: {
                byte[] bs = new byte[1 + random.nextInt(3)];
                for (int i = 0; i < bs.length; i++) bs[i] = new byte[] {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff}[random.nextInt(5)];
                return new AttributeValue.B(Binary.wrap(bs));
            }
        }
    }

    private List<Map<String, AttributeValue>> load(TableDefinition t, AttributeValue.Type type) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Set<AttributeValue> seen = new HashSet<>();
        for (String pk : List.of("p1", "p2")) {
            for (int i = 0; i < 120; i++) {
                AttributeValue sk = randomValue(type);
                if (!seen.add(new AttributeValue.L(List.of(new AttributeValue.S(pk), sk)))) continue;
                Map<String, AttributeValue> item = new LinkedHashMap<>();
                item.put("pk", new AttributeValue.S(pk));
                item.put("sk", sk);
                if (i % 3 != 0) item.put("sk2", randomValue(type));
                if (i % 2 == 0) item.put("group", new AttributeValue.S("g" + (i % 4)));
                item.put("x", AttributeValue.n(i));
                item.put("y", new AttributeValue.S("not projected"));
                emulator.items().write(t, Keys.fromItem(t, item), old -> item);
                items.add(item);
            }
        }
        return items;
    }

    private List<Map<String, AttributeValue>> queryAll(TableDefinition t, SecondaryIndex index, AttributeValue p,
                                                       KeyCondition.Term term, boolean forward, int limit) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Page page = reader.query(t, index, single(p, term), forward, start, new PageRequest(limit, i -> true, true, false));
            out.addAll(page.items());
            start = page.lastEvaluatedKey();
        } while (start != null);
        return out;
    }

    @Test
    void queriesReturnExactlyTheItemsTheirKeyConditionSelectsInSortOrder() {
        for (AttributeValue.Type type : List.of(S, N, B)) {
            TableDefinition t = table(type);
            List<Map<String, AttributeValue>> items = load(t, type);
            for (int round = 0; round < 60; round++) {
                KeyCondition.Operator op = KeyCondition.Operator.values()[round % 7];
                if (op == KeyCondition.Operator.BEGINS_WITH && type == N) continue;
                AttributeValue a = randomValue(type);
                AttributeValue b = randomValue(type);
                if (Values.compare(a, b) > 0) { AttributeValue x = a; a = b; b = x; }
                List<AttributeValue> values = op == KeyCondition.Operator.BETWEEN ? List.of(a, b) : List.of(a);
                boolean forward = round % 2 == 0;
                for (SecondaryIndex index : new SecondaryIndex[] {null, t.index("bySort2"), t.index("byGroup")}) {
                    String sortName = index == null ? "sk" : "sk2";
                    String partName = index != null && index.global() ? "group" : "pk";
                    AttributeValue p = new AttributeValue.S(index != null && index.global() ? "g" + (round % 4) : "p1");
                    KeyCondition.Term term = new KeyCondition.Term(sortName, op, values);
                    List<Map<String, AttributeValue>> expected = new ArrayList<>();
                    for (Map<String, AttributeValue> i : items) {
                        if (p.equals(i.get(partName)) && i.get(sortName) != null && term.test(i.get(sortName))) expected.add(i);
                    }
                    Comparator<Map<String, AttributeValue>> order = (x, y) -> {
                        int c = Values.compare(x.get(sortName), y.get(sortName));
                        if (c != 0) return c;
                        c = Values.compare(x.get("pk"), y.get("pk"));
                        return c != 0 ? c : Values.compare(x.get("sk"), y.get("sk"));
                    };
                    expected.sort(forward ? order : order.reversed());
                    List<Map<String, AttributeValue>> got = queryAll(t, index, p, term, forward, 1 + round % 7);
                    assertEquals(keys(expected), keys(got), type + " " + op + " " + values + " on " + (index == null ? "table" : index.name()));
                }
            }
        }
    }

    /** A table with a global index keyed HASH (g S, h N), RANGE (a, b) of the given types. */
    private TableDefinition multiAttributeTable(AttributeValue.Type aType, AttributeValue.Type bType) {
        KeySchema key = new KeySchema(new KeyAttribute("pk", S), new KeyAttribute("sk", N));
        SecondaryIndex gsi = new SecondaryIndex("multi", 0, true,
                new KeySchema(List.of(new KeyAttribute("g", S), new KeyAttribute("h", N)),
                        List.of(new KeyAttribute("a", aType), new KeyAttribute("b", bType))),
                new Projection(Projection.Type.ALL, null), Throughput.ON_DEMAND, SecondaryIndex.IndexStatus.ACTIVE, false);
        return emulator.catalog().create(TableDefinition.builder().region("r").name("multi" + aType + bType)
                .keySchema(key).attributeDefinitions(Map.of("pk", S, "sk", N, "g", S, "h", N, "a", aType, "b", bType))
                .globalIndexes(List.of(gsi)).build());
    }

    @Test
    void multiAttributeIndexQueriesReturnTheItemsOfTheirConditionsOrderedByEachSortKeyAttributeInTurn() {
        for (AttributeValue.Type[] types : new AttributeValue.Type[][] {{S, N}, {N, B}, {B, S}}) {
            TableDefinition t = multiAttributeTable(types[0], types[1]);
            SecondaryIndex index = t.index("multi");
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Map<String, AttributeValue> item = new LinkedHashMap<>();
                item.put("pk", new AttributeValue.S("p" + i % 7));
                item.put("sk", AttributeValue.n(i));
                item.put("g", new AttributeValue.S(i % 2 == 0 ? "x" : "x\u0000"));
                item.put("h", AttributeValue.n(i % 3 == 0 ? 1 : 10));
                if (i % 11 != 0) item.put("a", randomValue(types[0]));
                if (i % 13 != 0) item.put("b", randomValue(types[1]));
                emulator.items().write(t, Keys.fromItem(t, item), old -> item);
                items.add(item);
            }
            for (int round = 0; round < 80; round++) {
                List<AttributeValue> partition = List.of(new AttributeValue.S(round % 2 == 0 ? "x" : "x\u0000"),
                        AttributeValue.n(round % 3 == 0 ? 1 : 10));
                boolean onB = round % 4 != 0;
                String sortName = onB ? "b" : "a";
                AttributeValue.Type type = onB ? types[1] : types[0];
                List<AttributeValue> prefix = onB ? List.of(items.get(random.nextInt(items.size())).getOrDefault("a",
                        randomValue(types[0]))) : List.of();
                KeyCondition.Operator op = KeyCondition.Operator.values()[round % 7];
                if (op == KeyCondition.Operator.BEGINS_WITH && type == N) op = KeyCondition.Operator.GE;
                AttributeValue lo = randomValue(type);
                AttributeValue hi = randomValue(type);
                if (Values.compare(lo, hi) > 0) { AttributeValue x = lo; lo = hi; hi = x; }
                KeyCondition.Term term = round % 5 == 0 ? null
                        : new KeyCondition.Term(sortName, op, op == KeyCondition.Operator.BETWEEN ? List.of(lo, hi) : List.of(lo));
                List<Map<String, AttributeValue>> expected = new ArrayList<>();
                for (Map<String, AttributeValue> i : items) {
                    if (!i.containsKey("a") || !i.containsKey("b")) continue;
                    if (!i.get("g").equals(partition.get(0)) || Values.compare(i.get("h"), partition.get(1)) != 0) continue;
                    if (onB && Values.compare(i.get("a"), prefix.get(0)) != 0) continue;
                    if (term != null && !term.test(i.get(sortName))) continue;
                    expected.add(i);
                }
                Comparator<Map<String, AttributeValue>> order = (x, y) -> {
                    int c = Values.compare(x.get("a"), y.get("a"));
                    if (c == 0) c = Values.compare(x.get("b"), y.get("b"));
                    if (c == 0) c = Values.compare(x.get("pk"), y.get("pk"));
                    return c != 0 ? c : Values.compare(x.get("sk"), y.get("sk"));
                };
                boolean forward = round % 3 != 1;
                expected.sort(forward ? order : order.reversed());
                List<Map<String, AttributeValue>> got = new ArrayList<>();
                Map<String, AttributeValue> start = null;
                do {
                    Page page = reader.query(t, index, new KeyCondition.KeyQuery(partition, prefix, term), forward, start,
                            new PageRequest(1 + round % 5, i -> true, true, false));
                    got.addAll(page.items());
                    start = page.lastEvaluatedKey();
                    if (start != null) assertEquals(Set.of("pk", "sk", "g", "h", "a", "b"), start.keySet());
                } while (start != null);
                assertEquals(keys(expected), keys(got), types[0] + "," + types[1] + " " + prefix + " " + term);
            }
            assertEquals(items.stream().filter(i -> i.containsKey("a") && i.containsKey("b")).count(),
                    TableStats.itemCount(emulator.store(), index.id()));
        }
    }

    private static List<List<AttributeValue>> keys(List<Map<String, AttributeValue>> items) {
        List<List<AttributeValue>> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : items) out.add(List.of(i.get("pk"), i.get("sk")));
        return out;
    }

    @Test
    void indexEntriesProjectTheirAttributesAndCountsFollowWrites() {
        TableDefinition t = table(N);
        List<Map<String, AttributeValue>> items = load(t, N);
        SecondaryIndex gsi = t.index("byGroup");
        long withGroup = items.stream().filter(i -> i.containsKey("group") && i.containsKey("sk2")).count();
        assertEquals(withGroup, TableStats.itemCount(emulator.store(), gsi.id()));
        Page page = reader.scan(t, gsi, 0, 1, null, new PageRequest(null, i -> true, true, false));
        assertEquals(withGroup, page.count());
        for (Map<String, AttributeValue> e : page.items()) {
            assertEquals(Set.of("pk", "sk", "group", "sk2", "x"), e.keySet());
        }
        for (Map<String, AttributeValue> i : items) emulator.items().write(t, Keys.fromItem(t, i), old -> null);
        assertEquals(0, TableStats.itemCount(emulator.store(), gsi.id()));
        assertEquals(0, TableStats.sizeBytes(emulator.store(), gsi.id()));
        assertEquals(0, TableStats.itemCount(emulator.store(), t.index("bySort2").id()));
    }

    @Test
    void parallelScanSegmentsAreDisjointAndCoverTheTable() {
        TableDefinition t = table(S);
        List<Map<String, AttributeValue>> items = load(t, S);
        for (int total : new int[] {1, 2, 3, 7, 64}) {
            Set<List<AttributeValue>> seen = new HashSet<>();
            int sum = 0;
            for (int segment = 0; segment < total; segment++) {
                Map<String, AttributeValue> start = null;
                do {
                    Page page = reader.scan(t, null, segment, total, start, new PageRequest(5, i -> true, true, false));
                    for (Map<String, AttributeValue> i : page.items()) assertTrue(seen.add(List.of(i.get("pk"), i.get("sk"))));
                    sum += page.count();
                    start = page.lastEvaluatedKey();
                } while (start != null);
            }
            assertEquals(items.size(), sum);
        }
    }

    @Test
    void aPageStopsOnceItHasReadOneMegabyte() {
        TableDefinition t = table(N);
        String big = "x".repeat(100_000);
        for (int i = 0; i < 25; i++) {
            Map<String, AttributeValue> item = Map.of("pk", new AttributeValue.S("p"),
                    "sk", AttributeValue.n(i), "big", new AttributeValue.S(big));
            emulator.items().write(t, Keys.fromItem(t, item), old -> item);
        }
        Page page = reader.query(t, null, single(new AttributeValue.S("p"), null), true, null,
                new PageRequest(null, i -> false, true, false));
        assertEquals(11, page.scannedCount());
        assertEquals(0, page.count());
        assertNotNull(page.lastEvaluatedKey());
        Page rest = reader.query(t, null, single(new AttributeValue.S("p"), null), true, page.lastEvaluatedKey(),
                new PageRequest(null, i -> true, true, false));
        assertEquals(11, rest.scannedCount());
        Page last = reader.query(t, null, single(new AttributeValue.S("p"), null), true, rest.lastEvaluatedKey(),
                new PageRequest(null, i -> true, true, false));
        assertEquals(3, last.scannedCount());
        assertNull(last.lastEvaluatedKey());
    }
}
