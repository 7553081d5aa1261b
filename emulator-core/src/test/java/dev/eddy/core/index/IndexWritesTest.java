package dev.eddy.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.Projection;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.Throughput;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexWritesTest {
    private static final AttributeValue.Type S = AttributeValue.Type.S;
    private static final SecondaryIndex GSI = new SecondaryIndex("gsi", 1, true,
            new KeySchema(new KeyAttribute("g", S), null), new Projection(Projection.Type.INCLUDE, List.of("proj")),
            Throughput.ON_DEMAND, SecondaryIndex.IndexStatus.ACTIVE, false);
    private static final SecondaryIndex LSI = new SecondaryIndex("lsi", 2, false,
            new KeySchema(new KeyAttribute("pk", S), new KeyAttribute("l", S)), new Projection(Projection.Type.ALL, null),
            Throughput.ON_DEMAND, SecondaryIndex.IndexStatus.ACTIVE, false);
    private static final TableDefinition TABLE = TableDefinition.builder().region("r").name("t")
            .keySchema(new KeySchema(new KeyAttribute("pk", S), null))
            .attributeDefinitions(Map.of("pk", S, "g", S, "l", S))
            .localIndexes(List.of(LSI)).globalIndexes(List.of(GSI)).build();

    private static Map<String, AttributeValue> item(String... nameValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) item.put(nameValues[i], AttributeValue.s(nameValues[i + 1]));
        return item;
    }

    private static Map<String, Integer> writeCounts(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        Map<String, Integer> counts = new HashMap<>();
        for (IndexWrites.EntryWrites w : IndexWrites.of(TABLE, oldItem, newItem)) {
            counts.put(w.index().name(), w.entryBytes().size());
        }
        return counts;
    }

    @Test
    void aNewItemWritesOneEntryToEachIndexItHasAKeyFor() {
        assertEquals(Map.of("gsi", 1), writeCounts(null, item("pk", "a", "g", "x")));
        assertEquals(Map.of("gsi", 1, "lsi", 1), writeCounts(null, item("pk", "a", "g", "x", "l", "y")));
        assertEquals(Map.of(), writeCounts(null, item("pk", "a", "other", "o")));
    }

    @Test
    void anIdenticalOverwriteWritesNoEntry() {
        Map<String, AttributeValue> item = item("pk", "a", "g", "x", "l", "y", "proj", "p");
        assertEquals(Map.of(), writeCounts(item, item("pk", "a", "g", "x", "l", "y", "proj", "p")));
    }

    @Test
    void aChangedAttributeWritesOnlyTheIndexesThatProjectIt() {
        Map<String, AttributeValue> old = item("pk", "a", "g", "x", "l", "y", "proj", "p", "other", "o");
        assertEquals(Map.of("lsi", 1), writeCounts(old, item("pk", "a", "g", "x", "l", "y", "proj", "p", "other", "o2")));
        assertEquals(Map.of("gsi", 1, "lsi", 1),
                writeCounts(old, item("pk", "a", "g", "x", "l", "y", "proj", "p2", "other", "o")));
    }

    @Test
    void aChangedIndexKeyIsADeleteAndAnInsertAndARemovedOneADelete() {
        Map<String, AttributeValue> old = item("pk", "a", "g", "x", "l", "y");
        assertEquals(Map.of("gsi", 2, "lsi", 1), writeCounts(old, item("pk", "a", "g", "x2", "l", "y")));
        assertEquals(Map.of("gsi", 1, "lsi", 1), writeCounts(old, item("pk", "a", "l", "y")));
        assertEquals(Map.of("gsi", 1, "lsi", 1), writeCounts(old, null));
    }

    @Test
    void anEntryWriteIsSizedByTheProjectedEntry() {
        Map<String, AttributeValue> item = item("pk", "a", "g", "x", "big", "z".repeat(3000));
        List<IndexWrites.EntryWrites> writes = IndexWrites.of(TABLE, null, item);
        assertEquals(List.of((long) ("pk".length() + 1 + "g".length() + 1)), writes.get(0).entryBytes());
    }
}
