package dev.eddy.api.operation;

import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.table.TableDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags as CreateTable and TagResource take them, and resource ARNs as the tag operations name
 * tables and streams. AWS checks tags with texts of their own rather than constraint messages.
 */
final class Tagging {
    static final int MAX_TAGS = 50;
    static final int MAX_TAG_SET_BYTES = 10240;
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{0,256}");
    private static final Pattern ARN = Pattern.compile("arn:(aws[a-z-]*):([^:]*):([^:]*):([^:]*):(.*)", Pattern.DOTALL);
    private static final Pattern TABLE = Pattern.compile("table/([a-zA-Z0-9_.-]{3,255})");
    private static final Pattern STREAM = Pattern.compile("table/([a-zA-Z0-9_.-]{3,255})/stream/(.+)", Pattern.DOTALL);
    private static final Pattern INDEX = Pattern.compile("table/[^/]+/index/.*", Pattern.DOTALL);
    private static final Pattern BACKUP = Pattern.compile("table/[^/]+/backup/.*", Pattern.DOTALL);
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private Tagging() {
    }

    record Tag(String key, String value) {
    }

    /** A table, or the stream a table's LatestStreamArn names (streamLabel not null): each has tags of its own. */
    record Resource(String arn, String region, String account, String table, String streamLabel) {
    }

    /** Reads a {@code Tags} list as sent, absent members as nulls; null when the list is absent. */
    static List<Tag> read(JsonObject in) {
        List<JsonObject> list = in.objects("Tags");
        if (list == null) return null;
        List<Tag> tags = new ArrayList<>();
        for (JsonObject t : list) tags.add(t == null ? new Tag(null, null) : new Tag(t.string("Key"), t.string("Value")));
        return tags;
    }

    /**
     * Checks each tag in order, then the set they make: a key sent twice fails the request
     * rather than the later value winning.
     */
    static Map<String, String> check(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Tag t : tags) {
            checkKey(t.key());
            if (t.value() == null || !TAG_VALUE.matcher(t.value()).matches()) {
                throw new DynamoException(ErrorCode.VALIDATION, "The Tag Value provided is invalid, Value: " + t.value());
            }
            if (out.putIfAbsent(t.key(), t.value()) != null) {
                throw new DynamoException(ErrorCode.VALIDATION,
                        "Duplicate Tag Keys provided as input: Duplicate Tag Key found " + t.key());
            }
        }
        checkSet(out);
        return out;
    }

    static void checkKey(String key) {
        if (key == null || !TAG_KEY.matcher(key).matches()) {
            throw new DynamoException(ErrorCode.VALIDATION, "The Tag Key provided is invalid, Key: " + key);
        }
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw new DynamoException(ErrorCode.VALIDATION, "Tag Key cannot be prefixed with aws:, Key: " + key);
        }
    }

    /**
     * The limits of a resource's whole tag set, which AWS applies to the set a request would
     * leave: at most 50 tags, and at most 10240 bytes of keys and values together (UTF-8).
     */
    static void checkSet(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) throw tooMany();
        long bytes = 0;
        for (Map.Entry<String, String> e : tags.entrySet()) {
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_TAG_SET_BYTES) {
            throw new DynamoException(ErrorCode.VALIDATION, "Tag set size " + bytes
                    + " bytes is above max size limit of " + MAX_TAG_SET_BYTES + " bytes");
        }
    }

    /** Also UntagResource's answer to more than 50 keys, though it removes tags. */
    static DynamoException tooMany() {
        return new DynamoException(ErrorCode.VALIDATION, "Number of Tags exceed the current limit for the provided ResourceArn");
    }

    /** A missing ResourceArn, which AWS reports before any other member. */
    static void requireArn(String arn) {
        if (arn == null) throw new DynamoException(ErrorCode.VALIDATION, "Invalid TableArn");
    }

    /**
     * Reads what the ARN names, after the field constraints and in AWS's order: the ARN form,
     * a DynamoDB service, a table or stream (an index or backup ARN names nothing taggable),
     * then this region. Whose table it is and whether it exists is left to {@link #table}.
     */
    static Resource parseArn(ApiRequest request, String arn) {
        if (!arn.startsWith("arn:")) {
            throw new DynamoException(ErrorCode.VALIDATION,
                    "One or more parameter values were invalid: ARNs must start with 'arn:': " + arn);
        }
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) throw invalidArn(arn);
        String resource = m.group(5);
        if (!m.group(2).equals("dynamodb") || BACKUP.matcher(resource).matches()) {
            throw new DynamoException(ErrorCode.VALIDATION,
                    "One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: " + arn);
        }
        if (INDEX.matcher(resource).matches()) {
            throw new DynamoException(ErrorCode.VALIDATION, "One or more parameter values were invalid: Invalid "
                    + "resource arn provided, only table or stream is accepted. Provided resource arn: " + arn);
        }
        Matcher table = TABLE.matcher(resource);
        Matcher stream = STREAM.matcher(resource);
        boolean isTable = table.matches();
        if (!isTable && !stream.matches()) throw invalidArn(arn);
        if (!m.group(3).equals(request.region()) || !ACCOUNT.matcher(m.group(4)).matches()) throw invalidArn(arn);
        return isTable ? new Resource(arn, m.group(3), m.group(4), table.group(1), null)
                : new Resource(arn, m.group(3), m.group(4), stream.group(1), stream.group(2));
    }

    private static DynamoException invalidArn(String arn) {
        return new DynamoException(ErrorCode.VALIDATION, "Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }

    private static DynamoException notFound(String arn) {
        return new DynamoException(ErrorCode.RESOURCE_NOT_FOUND, "Requested resource not found: ResourceArn: " + arn + " not found");
    }

    /** The table a resource ARN names; another account's table is not this caller's to see. */
    static TableDefinition table(ApiRequest request, Resource r) {
        if (!r.account().equals(TableDefinition.ACCOUNT)) throw new DynamoException(ErrorCode.ACCESS_DENIED, "Access is denied");
        TableDefinition t = request.emulator().catalog().find(r.region(), r.table());
        if (t == null) throw notFound(r.arn());
        return t;
    }

    /**
     * The tags of the resource as {@code t} now has them. A stream ARN names a resource only
     * while it is the table's LatestStreamArn; any other label is not found.
     */
    static Map<String, String> tags(TableDefinition t, Resource r) {
        if (r.streamLabel() == null) return t.tags();
        if (!r.streamLabel().equals(t.latestStreamLabel())) throw notFound(r.arn());
        return t.streamTags();
    }

    /** {@code t} with the resource's tags replaced. */
    static TableDefinition withTags(TableDefinition t, Resource r, Map<String, String> tags) {
        return r.streamLabel() == null ? t.toBuilder().tags(tags).build() : t.toBuilder().streamTags(tags).build();
    }
}
