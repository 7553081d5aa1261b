package dev.eddy.api.operation;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import java.util.function.Supplier;

/**
 * The first invalid attribute value of a request (an Item, a Key, ExpressionAttributeValues),
 * kept until {@link #throwIfAny}: DynamoDB reports it only after the request's field
 * constraints and whether it mixes expression and legacy parameters.
 */
final class ValueErrors {
    private DynamoException first;

    /** What {@code reading} reads, or {@code instead} when a value in it is invalid. */
    <T> T read(Supplier<T> reading, T instead) {
        try {
            return reading.get();
        } catch (DynamoException e) {
            if (e.code() != ErrorCode.VALIDATION) throw e;
            if (first == null) first = e;
            return instead;
        }
    }

    void throwIfAny() {
        if (first != null) throw first;
    }
}
