package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.table.TableDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Tags as CreateTable and TagResource take them, and resource ARNs as the tag operations name tables. */
final class Tagging {
    static final int MAX_TAGS = 50;
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern TABLE_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):(\\d{12}):table/([a-zA-Z0-9_.-]{3,255})");

    private Tagging() {
    }

    /** Reads a {@code Tags} list; null when absent. */
    static Map<String, String> read(JsonObject in, String path, Constraints c) {
        List<JsonObject> list = in.objects("Tags");
        if (list == null) return null;
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonObject t = list.get(i);
            String p = path + "." + (i + 1) + ".member";
            String key = t == null ? null : t.string("Key");
            String value = t == null ? null : t.string("Value");
            c.notNull(p + ".key", key).length(p + ".key", key, 1, 128);
            c.notNull(p + ".value", value).length(p + ".value", value, 0, 256);
            if (key != null && value != null) tags.put(key, value);
        }
        return tags;
    }

    /** Cross-field tag rules, checked after the field constraints. */
    static void check(Map<String, String> tags) {
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (!TAG_TEXT.matcher(e.getKey()).matches() || !TAG_TEXT.matcher(e.getValue()).matches()
                    || e.getKey().startsWith("aws:")) {
                throw new DynamoException(ErrorCode.VALIDATION, "Invalid tag key or value");
            }
        }
    }

    /** The table a resource ARN names, in the request's region; AWS's errors for a bad or unknown ARN. */
    static TableDefinition table(ApiRequest request, String arn) {
        java.util.regex.Matcher m = TABLE_ARN.matcher(arn);
        if (!m.matches()) {
            throw new DynamoException(ErrorCode.VALIDATION, "Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        TableDefinition t = request.emulator().catalog().find(m.group(1), m.group(3));
        if (t == null || !m.group(2).equals(TableDefinition.ACCOUNT) || !m.group(1).equals(request.region())) {
            throw new DynamoException(ErrorCode.RESOURCE_NOT_FOUND, "Requested resource not found: ResourcArn: " + arn
                    + " not found");
        }
        return t;
    }
}
