package dev.eddy.core.changelog;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.table.StreamSpecification.ViewType;
import dev.eddy.core.write.WriteOrigin;
import java.time.Instant;
import java.util.Map;

/**
 * One change of one item as its stream keeps it. The images are those the stream's view
 * type asks for: {@code oldImage} and {@code newImage} are null when not kept or absent.
 */
public record StreamRecord(
        long sequence,
        String eventId,
        EventName eventName,
        Instant created,
        WriteOrigin origin,
        ViewType viewType,
        Map<String, AttributeValue> keys,
        Map<String, AttributeValue> oldImage,
        Map<String, AttributeValue> newImage,
        long sizeBytes) {
}
