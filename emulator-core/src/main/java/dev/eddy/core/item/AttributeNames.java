package dev.eddy.core.item;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;

/** DynamoDB's limit on an attribute name, at any depth of an item: less than 64 KB of UTF-8. */
public final class AttributeNames {
    public static final int MAX_BYTES = 65535;

    private AttributeNames() {
    }

    public static void checkLength(String name) {
        // A name of at most MAX_BYTES / 3 characters cannot take more than MAX_BYTES bytes.
        if (name.length() > MAX_BYTES / 3 && name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new DynamoException(ErrorCode.VALIDATION,
                    "1 validation error detected: Attribute name is too large, must be less than 65536 bytes");
        }
    }
}
