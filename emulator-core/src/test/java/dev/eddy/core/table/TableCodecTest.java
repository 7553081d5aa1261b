package dev.eddy.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.core.item.AttributeValue;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableCodecTest {
    private static TableDefinition streamedTable() {
        return TableDefinition.builder()
                .region("eu-west-1")
                .name("orders")
                .id(7)
                .tableId("0b1c2d3e-0000-4000-8000-000000000007")
                .created(Instant.ofEpochSecond(1_700_000_000))
                .keySchema(new KeySchema(new KeyAttribute("pk", AttributeValue.Type.S), null))
                .attributeDefinitions(Map.of("pk", AttributeValue.Type.S))
                .stream(new StreamSpecification(true, StreamSpecification.ViewType.NEW_IMAGE))
                .latestStreamLabel("2026-10-09T04:48:48.824")
                .tags(Map.of("team", "zombies"))
                .streamTags(Map.of("kind", "changes"))
                .build();
    }

    @Test
    void aTableAndItsStreamKeepTheirOwnTags() {
        TableDefinition decoded = TableCodec.decode(TableCodec.encode(streamedTable()));
        assertEquals(Map.of("team", "zombies"), decoded.tags());
        assertEquals(Map.of("kind", "changes"), decoded.streamTags());
        assertEquals(streamedTable(), decoded);
    }

    @Test
    void aTableStoredBeforeStreamTagsWereKeptHasNone() {
        TableDefinition untagged = streamedTable().toBuilder().streamTags(Map.of()).build();
        byte[] bytes = TableCodec.encode(untagged);
        // The stream's tags come before the on-demand maximum (one "absent" flag for a table
        // without global indexes), as a count: without both the bytes are the older format.
        byte[] older = Arrays.copyOf(bytes, bytes.length - 1 - Integer.BYTES);
        assertEquals(untagged, TableCodec.decode(older));
    }

    @Test
    void aNewStreamLabelStartsANewStreamWithoutTags() {
        TableDefinition reenabled = streamedTable().toBuilder().latestStreamLabel("2026-10-09T04:48:57.132").build();
        assertEquals(Map.of(), reenabled.streamTags());
        assertEquals(Map.of("team", "zombies"), reenabled.tags());
        TableDefinition same = streamedTable().toBuilder().latestStreamLabel("2026-10-09T04:48:48.824").build();
        assertEquals(Map.of("kind", "changes"), same.streamTags());
    }

    private static final AttributeValue.Type S = AttributeValue.Type.S;
    private static final AttributeValue.Type N = AttributeValue.Type.N;
    private static final AttributeValue.Type B = AttributeValue.Type.B;

    private static TableDefinition table(KeySchema globalIndexKey) {
        SecondaryIndex gsi = new SecondaryIndex("gsi", 7, true, globalIndexKey, new Projection(Projection.Type.ALL, null),
                Throughput.ON_DEMAND, SecondaryIndex.IndexStatus.ACTIVE, false);
        return TableDefinition.builder().region("r").name("t").id(3).tableId("id").created(Instant.ofEpochSecond(1))
                .keySchema(new KeySchema(new KeyAttribute("pk", S), new KeyAttribute("sk", N)))
                .attributeDefinitions(Map.of("pk", S, "sk", N)).globalIndexes(List.of(gsi)).build();
    }

    @Test
    void theTableAndEachGlobalIndexKeepTheirMaximumOnDemandThroughput() {
        TableDefinition t = table(new KeySchema(new KeyAttribute("g", S), null));
        TableDefinition limited = t.toBuilder().onDemandThroughput(new OnDemandThroughput(10, OnDemandThroughput.NO_MAXIMUM))
                .globalIndexes(List.of(t.index("gsi").withOnDemandThroughput(new OnDemandThroughput(-1, 5)))).build();
        assertEquals(limited, TableCodec.decode(TableCodec.encode(limited)));
        assertEquals(t, TableCodec.decode(TableCodec.encode(t)));
    }

    @Test
    void aTableStoredBeforeOnDemandThroughputWasKeptHasNone() {
        TableDefinition t = table(new KeySchema(new KeyAttribute("g", S), null));
        byte[] bytes = TableCodec.encode(t);
        // Absent maxima are one flag each, the table's then the global index's, at the end.
        assertEquals(t, TableCodec.decode(Arrays.copyOf(bytes, bytes.length - 2)));
    }

    @Test
    void aMultiAttributeGlobalIndexKeyKeepsItsAttributesInOrder() {
        KeySchema key = new KeySchema(
                List.of(new KeyAttribute("h1", S), new KeyAttribute("h2", N), new KeyAttribute("h3", B), new KeyAttribute("h4", S)),
                List.of(new KeyAttribute("r1", N), new KeyAttribute("r2", S), new KeyAttribute("r3", B), new KeyAttribute("r4", S)));
        TableDefinition t = table(key);
        assertEquals(t, TableCodec.decode(TableCodec.encode(t)));
        KeySchema oneAndTwo = new KeySchema(List.of(new KeyAttribute("h", S)), List.of(new KeyAttribute("a", S), new KeyAttribute("b", N)));
        assertEquals(oneAndTwo, TableCodec.decode(TableCodec.encode(table(oneAndTwo))).index("gsi").keySchema());
    }

    @Test
    void aSingleAttributeKeyIsStoredAsBeforeMultiAttributeKeys() throws IOException {
        // name, type, the boolean "has a sort key", then the sort key's name and type
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(expected)) {
            out.writeUTF("pk");
            out.writeUTF("S");
            out.writeBoolean(true);
            out.writeUTF("sk");
            out.writeUTF("N");
        }
        TableDefinition t = table(new KeySchema(new KeyAttribute("g", S), null));
        byte[] encoded = TableCodec.encode(t);
        assertTrue(contains(encoded, expected.toByteArray()));
        assertEquals(t, TableCodec.decode(encoded));
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) if (bytes[i + j] != part[j]) continue outer;
            return true;
        }
        return false;
    }
}
