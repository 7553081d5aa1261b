package dev.eddy.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.eddy.api.json.AttributeValueJson;
import dev.eddy.api.json.JsonBytes;
import dev.eddy.core.changelog.EventName;
import dev.eddy.core.changelog.SequenceNumbers;
import dev.eddy.core.changelog.StreamRecord;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.EncodedItem;
import dev.eddy.core.table.StreamSpecification.ViewType;
import dev.eddy.core.write.WriteOrigin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamRecordJsonTest {
    private static final Map<String, AttributeValue> KEYS = Map.of("pk", AttributeValue.s("k\"1"));
    private static final Map<String, AttributeValue> OLD = Map.of("pk", AttributeValue.s("k\"1"),
            "n", AttributeValue.n(1), "l", new AttributeValue.L(List.of(AttributeValue.s("日本"))));
    private static final Map<String, AttributeValue> NEW = Map.of("pk", AttributeValue.s("k\"1"),
            "n", AttributeValue.n("-2.5"), "m", new AttributeValue.M(Map.of("x", AttributeValue.Bool.TRUE)));

    @Test
    void recordsAreWrittenMemberForMemberAsTheGeneratorWroteThem() {
        for (ViewType view : ViewType.values()) {
            for (WriteOrigin origin : WriteOrigin.values()) {
                boolean old = view == ViewType.OLD_IMAGE || view == ViewType.NEW_AND_OLD_IMAGES;
                boolean neu = view == ViewType.NEW_IMAGE || view == ViewType.NEW_AND_OLD_IMAGES;
                assertSame(new StreamRecord(42, "0123456789abcdef0123456789abcdef", EventName.MODIFY,
                        Instant.ofEpochMilli(1_700_000_000_999L), origin, view, EncodedItem.of(KEYS),
                        old ? EncodedItem.of(OLD) : null, neu ? EncodedItem.of(NEW) : null, 1234), "eu-west-1");
            }
        }
        assertSame(new StreamRecord(Long.MAX_VALUE >> 2, "e", EventName.REMOVE, Instant.ofEpochSecond(0),
                WriteOrigin.TIME_TO_LIVE, ViewType.KEYS_ONLY, EncodedItem.of(KEYS), null, null, 0), "a\"b");
    }

    private static void assertSame(StreamRecord r, String region) {
        JsonBytes out = new JsonBytes(4);
        new StreamRecordJson(out, region).write(r);
        assertEquals(generated(r, region), new String(out.toByteArray(), StandardCharsets.UTF_8));
    }

    /** What GetRecords wrote through Jackson's generator before records were written as bytes. */
    private static String generated(StreamRecord r, String region) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("awsRegion", region);
            g.writeObjectFieldStart("dynamodb");
            g.writeNumberField("ApproximateCreationDateTime", r.created().getEpochSecond());
            g.writeFieldName("Keys");
            AttributeValueJson.writeMap(g, r.keys().decode());
            if (r.newImage() != null) {
                g.writeFieldName("NewImage");
                AttributeValueJson.writeMap(g, r.newImage().decode());
            }
            if (r.oldImage() != null) {
                g.writeFieldName("OldImage");
                AttributeValueJson.writeMap(g, r.oldImage().decode());
            }
            g.writeStringField("SequenceNumber", SequenceNumbers.format(r.sequence()));
            g.writeNumberField("SizeBytes", r.sizeBytes());
            g.writeStringField("StreamViewType", r.viewType().name());
            g.writeEndObject();
            g.writeStringField("eventID", r.eventId());
            g.writeStringField("eventName", r.eventName().name());
            g.writeStringField("eventSource", "aws:dynamodb");
            g.writeStringField("eventVersion", "1.1");
            if (r.origin() == WriteOrigin.TIME_TO_LIVE) {
                g.writeObjectFieldStart("userIdentity");
                g.writeStringField("PrincipalId", "dynamodb.amazonaws.com");
                g.writeStringField("Type", "Service");
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
