package dev.eddy.streams;

import dev.eddy.api.json.ItemJson;
import dev.eddy.api.json.JsonBytes;
import dev.eddy.core.changelog.SequenceNumbers;
import dev.eddy.core.changelog.StreamRecord;
import dev.eddy.core.write.WriteOrigin;

/**
 * Stream records as GetRecords sends them, member for member as AWS does, written as bytes:
 * a GetRecords body is up to a megabyte of records, whose keys and images are copied from
 * their stored form by an {@link ItemJson} without being decoded.
 */
public final class StreamRecordJson {
    /** AWS's current record format: 1.1. */
    public static final String EVENT_VERSION = "1.1";
    private static final byte[] REGION = JsonBytes.ascii("{\"awsRegion\":");
    private static final byte[] CREATED = JsonBytes.ascii(",\"dynamodb\":{\"ApproximateCreationDateTime\":");
    private static final byte[] KEYS = JsonBytes.ascii(",\"Keys\":");
    private static final byte[] NEW_IMAGE = JsonBytes.ascii(",\"NewImage\":");
    private static final byte[] OLD_IMAGE = JsonBytes.ascii(",\"OldImage\":");
    private static final byte[] SEQUENCE = JsonBytes.ascii(",\"SequenceNumber\":");
    private static final byte[] SIZE = JsonBytes.ascii(",\"SizeBytes\":");
    private static final byte[] VIEW_TYPE = JsonBytes.ascii(",\"StreamViewType\":");
    private static final byte[] EVENT_ID = JsonBytes.ascii("},\"eventID\":");
    private static final byte[] EVENT_NAME = JsonBytes.ascii(",\"eventName\":");
    private static final byte[] SOURCE_AND_VERSION =
            JsonBytes.ascii(",\"eventSource\":\"aws:dynamodb\",\"eventVersion\":\"" + EVENT_VERSION + "\"");
    private static final byte[] TIME_TO_LIVE =
            JsonBytes.ascii(",\"userIdentity\":{\"PrincipalId\":\"dynamodb.amazonaws.com\",\"Type\":\"Service\"}");

    private final JsonBytes out;
    private final ItemJson items;
    private final byte[] region;

    /** Writes records of {@code region}'s streams into {@code out}. */
    public StreamRecordJson(JsonBytes out, String region) {
        this.out = out;
        this.items = new ItemJson(out);
        this.region = new JsonBytes(region.length() + 2).string(region).toByteArray();
    }

    public void write(StreamRecord r) {
        out.raw(REGION).raw(region);
        // Whole seconds, as AWS reports the creation time of a stream record.
        out.raw(CREATED).number(r.created().getEpochSecond());
        out.raw(KEYS);
        items.write(r.keys());
        if (r.newImage() != null) {
            out.raw(NEW_IMAGE);
            items.write(r.newImage());
        }
        if (r.oldImage() != null) {
            out.raw(OLD_IMAGE);
            items.write(r.oldImage());
        }
        out.raw(SEQUENCE).string(SequenceNumbers.format(r.sequence()));
        out.raw(SIZE).number(r.sizeBytes());
        out.raw(VIEW_TYPE).string(r.viewType().name());
        out.raw(EVENT_ID).string(r.eventId());
        out.raw(EVENT_NAME).string(r.eventName().name());
        out.raw(SOURCE_AND_VERSION);
        if (r.origin() == WriteOrigin.TIME_TO_LIVE) out.raw(TIME_TO_LIVE);
        out.raw('}');
    }
}
