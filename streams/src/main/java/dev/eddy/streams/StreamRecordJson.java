package dev.eddy.streams;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.eddy.api.json.AttributeValueJson;
import dev.eddy.core.changelog.SequenceNumbers;
import dev.eddy.core.changelog.StreamRecord;
import dev.eddy.core.write.WriteOrigin;
import java.io.IOException;

/** A stream record as GetRecords sends it, member for member as AWS does. */
public final class StreamRecordJson {
    /** AWS's current record format: 1.1. */
    public static final String EVENT_VERSION = "1.1";

    private StreamRecordJson() {
    }

    public static void write(JsonGenerator g, StreamRecord r, String region) throws IOException {
        g.writeStartObject();
        g.writeStringField("awsRegion", region);
        g.writeObjectFieldStart("dynamodb");
        // Whole seconds, as AWS reports the creation time of a stream record.
        g.writeNumberField("ApproximateCreationDateTime", r.created().getEpochSecond());
        g.writeFieldName("Keys");
        AttributeValueJson.writeMap(g, r.keys());
        if (r.newImage() != null) {
            g.writeFieldName("NewImage");
            AttributeValueJson.writeMap(g, r.newImage());
        }
        if (r.oldImage() != null) {
            g.writeFieldName("OldImage");
            AttributeValueJson.writeMap(g, r.oldImage());
        }
        g.writeStringField("SequenceNumber", SequenceNumbers.format(r.sequence()));
        g.writeNumberField("SizeBytes", r.sizeBytes());
        g.writeStringField("StreamViewType", r.viewType().name());
        g.writeEndObject();
        g.writeStringField("eventID", r.eventId());
        g.writeStringField("eventName", r.eventName().name());
        g.writeStringField("eventSource", "aws:dynamodb");
        g.writeStringField("eventVersion", EVENT_VERSION);
        if (r.origin() == WriteOrigin.TIME_TO_LIVE) {
            g.writeObjectFieldStart("userIdentity");
            g.writeStringField("PrincipalId", "dynamodb.amazonaws.com");
            g.writeStringField("Type", "Service");
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
