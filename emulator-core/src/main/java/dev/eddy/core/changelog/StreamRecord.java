package dev.eddy.core.changelog;

import dev.eddy.core.item.EncodedItem;
import dev.eddy.core.table.StreamSpecification.ViewType;
import dev.eddy.core.write.WriteOrigin;
import java.time.Instant;

/**
 * One change of one item as its stream keeps it. The images are those the stream's view
 * type asks for: {@code oldImage} and {@code newImage} are null when not kept or absent.
 * Keys and images stay encoded, so a reader that only copies them out never builds
 * attribute values; {@link EncodedItem#decode} gives them as values.
 */
public record StreamRecord(
        long sequence,
        String eventId,
        EventName eventName,
        Instant created,
        WriteOrigin origin,
        ViewType viewType,
        EncodedItem keys,
        EncodedItem oldImage,
        EncodedItem newImage,
        long sizeBytes) {
}
