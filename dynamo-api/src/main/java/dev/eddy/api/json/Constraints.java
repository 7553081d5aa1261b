package dev.eddy.api.json;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Collects a request's constraint violations and reports them all at once in AWS's form:
 * "2 validation errors detected: Value 'x' at 'tableName' failed to satisfy constraint:
 * Member must ...; Value ...". The only place that message is built. Like AWS, it lists
 * (and counts) at most the first {@value #MAX_LISTED} violations.
 */
public final class Constraints {
    /** AWS's pattern for table and index names, as its messages quote it. */
    private static final String NAME_PATTERN = "[a-zA-Z0-9_.-]+";
    static final int MAX_LISTED = 10;
    private final List<String> errors = new ArrayList<>();

    public Constraints notNull(String path, Object value) {
        if (value == null) record("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
        return this;
    }

    /**
     * A table or index name: 3 to 255 characters of [a-zA-Z0-9_.-]. AWS reports the length
     * before the pattern for these members (ListTables' cursor is the other way round).
     */
    public Constraints name(String path, String value, boolean required) {
        if (value == null) {
            if (required) notNull(path, null);
            return this;
        }
        length(path, value, 3, 255);
        namePattern(path, value);
        return this;
    }

    /**
     * A TableName of an operation that also takes a table's ARN: the member's own minimum
     * length is then 1, which is all AWS reports of an empty name; any other value is held to
     * the rules of a name.
     */
    public Constraints tableNameOrArn(String path, String value, boolean required) {
        if (value != null && value.isEmpty()) {
            add(path, value, "Member must have length greater than or equal to 1");
            return this;
        }
        return name(path, value, required);
    }

    /** The character rule of {@link #name} alone. */
    public Constraints namePattern(String path, String value) {
        if (value != null && !isName(value)) {
            add(path, value, "Member must satisfy regular expression pattern: " + NAME_PATTERN);
        }
        return this;
    }

    /** {@value #NAME_PATTERN}, checked by hand: most requests name a table, and a regex costs more. */
    static boolean isName(String value) {
        if (value.isEmpty()) return false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            if (!allowed) return false;
        }
        return true;
    }

    public Constraints length(String path, String value, int min, int max) {
        if (value == null) return this;
        if (value.length() < min) add(path, value, "Member must have length greater than or equal to " + min);
        if (value.length() > max) add(path, value, "Member must have length less than or equal to " + max);
        return this;
    }

    public Constraints size(String path, Collection<?> value, int min, int max) {
        return value == null ? this : sized(path, value, value.size(), min, max);
    }

    /** A map's number of entries; the message shows the map as {@code {key=value, ...}}. */
    public Constraints size(String path, Map<String, ?> value, int min, int max) {
        return value == null ? this : sized(path, value, value.size(), min, max);
    }

    private Constraints sized(String path, Object value, int size, int min, int max) {
        if (size < min) add(path, value, "Member must have length greater than or equal to " + min);
        if (size > max) add(path, value, "Member must have length less than or equal to " + max);
        return this;
    }

    public Constraints range(String path, Long value, long min, long max) {
        if (value == null) return this;
        if (value < min) add(path, value, "Member must have value greater than or equal to " + min);
        if (value > max) add(path, value, "Member must have value less than or equal to " + max);
        return this;
    }

    public Constraints oneOf(String path, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(path, value, "Member must satisfy enum value set: " + allowed);
        }
        return this;
    }

    public Constraints add(String path, Object value, String constraint) {
        record("Value '" + value + "' at '" + path + "' failed to satisfy constraint: " + constraint);
        return this;
    }

    private void record(String error) {
        if (errors.size() < MAX_LISTED) errors.add(error);
    }

    public void throwIfAny() {
        if (errors.isEmpty()) return;
        String head = errors.size() + " validation error" + (errors.size() == 1 ? "" : "s") + " detected: ";
        throw new DynamoException(ErrorCode.VALIDATION, head + String.join("; ", errors));
    }
}
