package dev.eddy.core.error;

import java.util.Map;

/**
 * An AWS error as a value: its type and the exact message AWS sends. Carries no stack
 * trace, since it is control flow back to the client, not a fault.
 */
public class DynamoException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> extra;

    public DynamoException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    /** {@code extra}: further top-level members of the error body (e.g. {@code Item}, {@code CancellationReasons}). */
    public DynamoException(ErrorCode code, String message, Map<String, Object> extra) {
        super(message, null, false, false);
        this.code = code;
        this.extra = extra;
    }

    /**
     * DynamoDB's ConditionalCheckFailedException, for every write that checks a condition;
     * {@code item}, when not null, is the item as it was (ReturnValuesOnConditionCheckFailure ALL_OLD).
     */
    public static DynamoException conditionalCheckFailed(Map<String, ?> item) {
        return new DynamoException(ErrorCode.CONDITIONAL_CHECK_FAILED, "The conditional request failed",
                item == null ? Map.of() : Map.of("Item", item));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
