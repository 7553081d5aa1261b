package dev.eddy.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eddy.core.item.AttributeValue;
import java.time.Instant;
import java.util.Arrays;
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
        // The stream's tags come last, as a count: without it the bytes are the older format.
        byte[] older = Arrays.copyOf(bytes, bytes.length - Integer.BYTES);
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
}
