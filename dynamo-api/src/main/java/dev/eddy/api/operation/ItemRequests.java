package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import java.util.List;

/** Members every single-item write shares. */
final class ItemRequests {
    static final List<String> RETURN_VALUES = List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
    static final List<String> ITEM_COLLECTION_METRICS = List.of("SIZE", "NONE");

    private ItemRequests() {
    }

    static String returnValues(JsonObject in, Constraints c) {
        String v = in.string("ReturnValues");
        c.oneOf("returnValues", v, RETURN_VALUES);
        return v;
    }

    static String itemCollectionMetrics(JsonObject in, Constraints c) {
        String v = in.string("ReturnItemCollectionMetrics");
        c.oneOf("returnItemCollectionMetrics", v, ITEM_COLLECTION_METRICS);
        return v;
    }
}
