package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.item.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which attributes a read returns: ProjectionExpression or the legacy AttributesToGet. */
final class ReadProjection {
    private final List<String> attributesToGet;

    private ReadProjection(List<String> attributesToGet) {
        this.attributesToGet = attributesToGet;
    }

    static ReadProjection read(JsonObject in, Constraints c) {
        List<String> names = in.strings("AttributesToGet");
        c.size("attributesToGet", names, 1, Integer.MAX_VALUE);
        return new ReadProjection(names);
    }

    void validate() {
    }

    Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        if (attributesToGet == null) return item;
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (String name : attributesToGet) {
            AttributeValue v = item.get(name);
            if (v != null) out.put(name, v);
        }
        return out;
    }
}
