package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.StreamSpecification;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.OnDemandThroughput;
import dev.eddy.core.table.Throughput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
    static final String AWS_MANAGED_KEY_ALIAS = "alias/aws/dynamodb";
    /** An account's default per-table (and per-index) quota of read and of write capacity units. */
    static final long TABLE_MAX_CAPACITY_UNITS = 40_000;

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

    /**
     * An OnDemandThroughput member, or null when absent. A maximum it leaves out keeps the one
     * {@code current} has, else is -1 (no maximum).
     */
    static OnDemandThroughput onDemandThroughput(JsonObject parent, OnDemandThroughput current) {
        JsonObject o = parent.object("OnDemandThroughput");
        if (o == null) return null;
        Long read = o.longValue("MaxReadRequestUnits");
        Long write = o.longValue("MaxWriteRequestUnits");
        long none = OnDemandThroughput.NO_MAXIMUM;
        return new OnDemandThroughput(read != null ? read : current != null ? current.maxReadRequestUnits() : none,
                write != null ? write : current != null ? current.maxWriteRequestUnits() : none);
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

    /**
     * A provisioned throughput changed from {@code current} to {@code requested}, with the
     * change times and the count of today's decreases DescribeTable reports. Asking for the
     * current units is refused; {@code subject} and {@code holder} name the table or index in
     * AWS's message ("the table", "the index gsi1" / "index gsi1").
     */
    static Throughput changedThroughput(Throughput current, Throughput requested, Instant now, String subject,
                                        String holder) {
        if (current.readCapacityUnits() == requested.readCapacityUnits()
                && current.writeCapacityUnits() == requested.writeCapacityUnits()) {
            throw new DynamoException(ErrorCode.VALIDATION, "The provisioned throughput for " + subject
                    + " will not change. The requested value equals the current value. Current ReadCapacityUnits "
                    + "provisioned for " + holder + ": " + current.readCapacityUnits() + ". Requested ReadCapacityUnits: "
                    + requested.readCapacityUnits() + ". Current WriteCapacityUnits provisioned for " + holder + ": "
                    + current.writeCapacityUnits() + ". Requested WriteCapacityUnits: " + requested.writeCapacityUnits()
                    + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
        }
        boolean increase = requested.readCapacityUnits() > current.readCapacityUnits()
                || requested.writeCapacityUnits() > current.writeCapacityUnits();
        boolean decrease = requested.readCapacityUnits() < current.readCapacityUnits()
                || requested.writeCapacityUnits() < current.writeCapacityUnits();
        return new Throughput(requested.readCapacityUnits(), requested.writeCapacityUnits(),
                increase ? now : current.lastIncrease(), decrease ? now : current.lastDecrease(),
                current.decreasesToday() + (decrease ? 1 : 0));
    }

    private static DynamoException invalidBound(long value, String what) {
        return new DynamoException(ErrorCode.VALIDATION, "Given value " + value + " for " + what + " is out of bounds");
    }

    /**
     * The account's per-table quota, which DescribeLimits reports: a quota, not a rule of the
     * request, so AWS answers LimitExceededException once the request is otherwise valid. It is
     * per table and per index, not summed over them; an index's message still names the
     * "Per table maximum". {@code indexName} is null for the table's own throughput.
     */
    static void checkQuota(Throughput t, String indexName, String region) {
        if (t == null) return;
        if (t.readCapacityUnits() > TABLE_MAX_CAPACITY_UNITS) {
            throw aboveQuota("ReadCapacityUnits", t.readCapacityUnits(), indexName, region);
        }
        if (t.writeCapacityUnits() > TABLE_MAX_CAPACITY_UNITS) {
            throw aboveQuota("WriteCapacityUnits", t.writeCapacityUnits(), indexName, region);
        }
    }

    private static DynamoException aboveQuota(String what, long value, String indexName, String region) {
        String requested = indexName == null ? what + ", " + value + ", is above the per table maximum"
                : what + " for index " + indexName + ", " + value + ", is above the per index maximum";
        return new DynamoException(ErrorCode.LIMIT_EXCEEDED, "The requested " + requested + " for the account in "
                + region + ". Per table maximum: " + TABLE_MAX_CAPACITY_UNITS + ". Refer to the Amazon DynamoDB "
                + "Developer Guide for current limits and how to request higher limits.");
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

    record SseRequest(Boolean enabled, String sseType, String kmsMasterKeyId) {
        /** Whether KMS encryption is asked for: without Enabled, an SSEType turns it on, as on AWS. */
        boolean kms() {
            return enabled != null ? enabled : sseType != null;
        }
    }

    static SseRequest sse(JsonObject parent, Constraints c) {
        JsonObject s = parent.object("SSESpecification");
        if (s == null) return null;
        String sseType = s.string("SSEType");
        c.oneOf("sSESpecification.sSEType", sseType, SSE_TYPES);
        return new SseRequest(s.bool("Enabled"), sseType, s.string("KMSMasterKeyId"));
    }

    /** AWS's rules between the members of an SSESpecification, the same for CreateTable and UpdateTable. */
    static void checkSse(SseRequest s) {
        if (Boolean.FALSE.equals(s.enabled())) {
            if (s.sseType() != null) throw invalid("SSEType can not be specified if Enabled is false");
            if (s.kmsMasterKeyId() != null) throw invalid("KMSMasterKeyId can not be specified if Enabled is false");
            return;
        }
        if ("AES256".equals(s.sseType())) throw invalid("SSEType AES256 is not supported");
        if (s.kmsMasterKeyId() != null && s.sseType() == null) {
            throw invalid("SSEType KMS is required if KMSMasterKeyId is specified");
        }
    }

    /**
     * The KMS key server-side encryption asks for, as an ARN, or null for the AWS owned key
     * (encryption not enabled). KMS without a key is the AWS managed key
     * {@code alias/aws/dynamodb}, one per region, whose ARN is derived from the region so that it
     * stays the same, and which naming the alias also gives; another key ID or alias becomes the
     * ARN it names in the table's account.
     */
    static String kmsMasterKeyArn(SseRequest s, String region) {
        if (!s.kms()) return null;
        String prefix = "arn:aws:kms:" + region + ":" + TableDefinition.ACCOUNT + ":";
        String key = s.kmsMasterKeyId();
        if (key == null || key.equals(AWS_MANAGED_KEY_ALIAS) || key.equals(prefix + AWS_MANAGED_KEY_ALIAS)) {
            byte[] seed = (AWS_MANAGED_KEY_ALIAS + " " + region).getBytes(StandardCharsets.UTF_8);
            return prefix + "key/" + UUID.nameUUIDFromBytes(seed);
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
