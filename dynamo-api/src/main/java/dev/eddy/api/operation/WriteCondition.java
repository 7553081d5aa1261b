package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.item.AttributeValue;
import java.util.Map;

/** The condition of a single-item write: ConditionExpression or the legacy Expected. */
final class WriteCondition {
    private final boolean present;

    private WriteCondition(boolean present) {
        this.present = present;
    }

    static WriteCondition read(JsonObject in, Constraints c, String operation) {
        return new WriteCondition(in.has("ConditionExpression") || in.has("Expected"));
    }

    void validate() {
        if (present) throw new DynamoException(ErrorCode.VALIDATION, "Conditions are not supported yet");
    }

    void check(Map<String, AttributeValue> current) {
    }
}
