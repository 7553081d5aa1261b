package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.StreamSpecification;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.Throughput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reading of the table-shaped members that CreateTable and UpdateTable share: key schema
 * elements, provisioned throughput, stream specification. Field constraints go into the
 * request's {@link Constraints}; cross-field rules are the operations' own.
 */
final class TableShapes {
    static final List<String> KEY_TYPES = List.of("HASH", "RANGE");
    static final List<String> ATTRIBUTE_TYPES = List.of("B", "N", "S");
    static final List<String> BILLING_MODES = List.of("PROVISIONED", "PAY_PER_REQUEST");
    /** In the order AWS lists them in its enum message. */
    static final List<String> VIEW_TYPES = List.of("OLD_IMAGE", "KEYS_ONLY", "NEW_AND_OLD_IMAGES", "NEW_IMAGE");
    static final List<String> TABLE_CLASSES = List.of("STANDARD", "STANDARD_INFREQUENT_ACCESS");
    static final List<String> PROJECTION_TYPES = List.of("ALL", "KEYS_ONLY", "INCLUDE");
    static final List<String> SSE_TYPES = List.of("AES256", "KMS");
    static final long MAX_CAPACITY_UNITS = 1_000_000_000_000L;

    private TableShapes() {
    }

    /** DynamoDB checks TableClass itself, after the field constraints, with a text of its own. */
    static void checkTableClass(String tableClass) {
        if (tableClass != null && !TABLE_CLASSES.contains(tableClass)) {
            throw new DynamoException(ErrorCode.VALIDATION, "Invalid table-class parameter provided. Please try again "
                    + "with a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].");
        }
    }

    record KeyElement(String attributeName, String keyType) {
    }

    /** A table's or local index's KeySchema: a partition key and an optional sort key. */
    static List<KeyElement> keySchema(JsonObject parent, String member, String path, Constraints c) {
        return keySchema(parent, member, path, 2, c);
    }

    /** A global index's KeySchema: up to four partition key and four sort key attributes. */
    static List<KeyElement> globalIndexKeySchema(JsonObject parent, String member, String path, Constraints c) {
        return keySchema(parent, member, path, 2 * KeySchema.MAX_ATTRIBUTES_PER_KEY, c);
    }

    private static List<KeyElement> keySchema(JsonObject parent, String member, String path, int maxElements,
                                              Constraints c) {
        List<JsonObject> elements = parent.objects(member, "KeySchemaElement");
        c.notNull(path, elements);
        if (elements == null) return null;
        List<KeyElement> out = new ArrayList<>();
        for (JsonObject e : elements) {
            out.add(new KeyElement(e == null ? null : e.string("AttributeName"), e == null ? null : e.string("KeyType")));
        }
        if (elements.size() < 1) c.add(path, "[]", "Member must have length greater than or equal to 1");
        if (elements.size() > maxElements) {
            c.add(path, shown(out), "Member must have length less than or equal to " + maxElements);
        }
        for (int i = 0; i < out.size(); i++) {
            String elementPath = path + "." + (i + 1) + ".member";
            String name = out.get(i).attributeName();
            String type = out.get(i).keyType();
            c.notNull(elementPath + ".attributeName", name).length(elementPath + ".attributeName", name, 1, 255);
            c.notNull(elementPath + ".keyType", type).oneOf(elementPath + ".keyType", type, KEY_TYPES);
        }
        return out;
    }

    /**
     * A key schema list as AWS's Java model prints it in a constraint message: element class
     * names with identity-like hashes (computed here from the element's members).
     */
    private static String shown(List<KeyElement> elements) {
        List<String> parts = new ArrayList<>();
        for (KeyElement e : elements) {
            int hash = 31 * (31 + (e.attributeName() == null ? 0 : e.attributeName().hashCode()))
                    + (e.keyType() == null ? 0 : e.keyType().hashCode());
            parts.add("com.amazonaws.dynamodb.v20120810.KeySchemaElement@" + Integer.toHexString(hash));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /** ProvisionedThroughput; AWS checks WriteCapacityUnits before ReadCapacityUnits. */
    static Throughput throughput(JsonObject parent, String member, String path, Constraints c) {
        JsonObject p = parent.object(member, "ProvisionedThroughput");
        if (p == null) return null;
        Long read = p.longValue("ReadCapacityUnits");
        Long write = p.longValue("WriteCapacityUnits");
        c.notNull(path + ".writeCapacityUnits", write).range(path + ".writeCapacityUnits", write, 1, Long.MAX_VALUE);
        c.notNull(path + ".readCapacityUnits", read).range(path + ".readCapacityUnits", read, 1, Long.MAX_VALUE);
        return Throughput.of(read == null ? 0 : read, write == null ? 0 : write);
    }

    /** Capacity beyond what any account may hold; checked after the field constraints. */
    static void checkBounds(Throughput t) {
        if (t == null) return;
        if (t.readCapacityUnits() > MAX_CAPACITY_UNITS) {
            throw invalidBound(t.readCapacityUnits(), "ReadCapacityUnits");
        }
        if (t.writeCapacityUnits() > MAX_CAPACITY_UNITS) {
            throw invalidBound(t.writeCapacityUnits(), "WriteCapacityUnits");
        }
    }

    private static DynamoException invalidBound(long value, String what) {
        return new DynamoException(ErrorCode.VALIDATION, "Given value " + value + " for " + what + " is out of bounds");
    }

    record StreamRequest(Boolean enabled, String viewType) {
    }

    static StreamRequest stream(JsonObject parent, Constraints c) {
        JsonObject s = parent.object("StreamSpecification");
        if (s == null) return null;
        Boolean enabled = s.bool("StreamEnabled");
        String viewType = s.string("StreamViewType");
        c.notNull("streamSpecification.streamEnabled", enabled);
        c.oneOf("streamSpecification.streamViewType", viewType, VIEW_TYPES);
        return new StreamRequest(enabled, viewType);
    }

    /**
     * The stream a CreateTable or UpdateTable asks for, with AWS's cross-field rules, which
     * word their messages differently for the two operations (both call the view type
     * "UpdateViewType", as AWS does).
     */
    static StreamSpecification streamSpecification(StreamRequest s, boolean creating) {
        if (Boolean.TRUE.equals(s.enabled())) {
            if (s.viewType() == null) {
                throw invalid(creating ? "Table is being created with a stream enabled, UpdateViewType is required"
                        : "If stream is being enabled then UpdateViewType is required");
            }
            return new StreamSpecification(true, StreamSpecification.ViewType.valueOf(s.viewType()));
        }
        if (s.viewType() != null) {
            throw invalid(creating ? "Table is being created with a stream disabled, UpdateViewType should not be specified"
                    : "If stream is being disabled, then UpdateViewType must not be specified");
        }
        return StreamSpecification.DISABLED;
    }

    record SseRequest(Boolean enabled, String kmsMasterKeyId) {
    }

    static SseRequest sse(JsonObject parent, Constraints c) {
        JsonObject s = parent.object("SSESpecification");
        if (s == null) return null;
        c.oneOf("sSESpecification.sSEType", s.string("SSEType"), SSE_TYPES);
        return new SseRequest(s.bool("Enabled"), s.string("KMSMasterKeyId"));
    }

    /**
     * The KMS key server-side encryption asks for, as an ARN, or null for the AWS owned key
     * (encryption not enabled). Enabled without a key is the AWS managed key
     * {@code alias/aws/dynamodb}, one per region, whose ARN is derived from the region so that it
     * stays the same; a key ID or alias becomes the ARN it names in the table's account.
     */
    static String kmsMasterKeyArn(SseRequest s, String region) {
        if (!Boolean.TRUE.equals(s.enabled())) return null;
        String prefix = "arn:aws:kms:" + region + ":" + TableDefinition.ACCOUNT + ":";
        String key = s.kmsMasterKeyId();
        if (key == null) {
            return prefix + "key/" + UUID.nameUUIDFromBytes(("alias/aws/dynamodb " + region).getBytes(StandardCharsets.UTF_8));
        }
        if (key.startsWith("arn:")) return key;
        return prefix + (key.startsWith("alias/") ? key : "key/" + key);
    }

    static DynamoException invalid(String what) {
        return new DynamoException(ErrorCode.VALIDATION, "One or more parameter values were invalid: " + what);
    }

    static DynamoException invalidKeySchema(String what) {
        return new DynamoException(ErrorCode.VALIDATION, "Invalid KeySchema: " + what);
    }
}
