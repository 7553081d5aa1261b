package dev.eddy.core.table;

import dev.eddy.core.item.AttributeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything DynamoDB knows about a table, immutable. {@code id} keys the table's items in
 * storage and is never reused; {@code tableId} is the UUID DescribeTable shows.
 * {@code kmsMasterKeyArn}: the KMS key of server-side encryption, or null for the AWS owned
 * key DynamoDB uses unless told otherwise. {@code streamTags}: the tags of the stream that
 * {@code latestStreamLabel} names, a resource of its own on AWS, apart from the table's.
 * {@code onDemandThroughput}: the table's maximum request units, or null when none was ever set.
 */
public record TableDefinition(
        String region,
        String name,
        long id,
        String tableId,
        Instant created,
        KeySchema keySchema,
        Map<String, AttributeValue.Type> attributeDefinitions,
        BillingMode billingMode,
        Instant lastUpdateToPayPerRequest,
        Throughput throughput,
        StreamSpecification stream,
        String latestStreamLabel,
        boolean deletionProtection,
        String tableClass,
        Instant tableClassLastUpdate,
        List<SecondaryIndex> localIndexes,
        List<SecondaryIndex> globalIndexes,
        Map<String, String> tags,
        Map<String, String> streamTags,
        TimeToLive timeToLive,
        TableStatus status,
        String kmsMasterKeyArn,
        OnDemandThroughput onDemandThroughput) {

    public static final String ACCOUNT = "000000000000";

    public String arn() {
        return arnPrefix(region) + name;
    }

    /** What the ARN of every table in {@code region} starts with, up to the table's name. */
    public static String arnPrefix(String region) {
        return "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/";
    }

    public String latestStreamArn() {
        return latestStreamLabel == null ? null : arn() + "/stream/" + latestStreamLabel;
    }

    public SecondaryIndex index(String indexName) {
        for (SecondaryIndex i : localIndexes) if (i.name().equals(indexName)) return i;
        for (SecondaryIndex i : globalIndexes) if (i.name().equals(indexName)) return i;
        return null;
    }

    public List<SecondaryIndex> indexes() {
        List<SecondaryIndex> all = new ArrayList<>(localIndexes);
        all.addAll(globalIndexes);
        return all;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a changed copy; collections are copied so the record stays immutable. */
    public static final class Builder {
        private String region;
        private String name;
        private long id;
        private String tableId;
        private Instant created;
        private KeySchema keySchema;
        private Map<String, AttributeValue.Type> attributeDefinitions = new LinkedHashMap<>();
        private BillingMode billingMode = BillingMode.PROVISIONED;
        private Instant lastUpdateToPayPerRequest;
        private Throughput throughput = Throughput.ON_DEMAND;
        private StreamSpecification stream = StreamSpecification.DISABLED;
        private String latestStreamLabel;
        private boolean deletionProtection;
        private String tableClass = "STANDARD";
        private Instant tableClassLastUpdate;
        private List<SecondaryIndex> localIndexes = new ArrayList<>();
        private List<SecondaryIndex> globalIndexes = new ArrayList<>();
        private Map<String, String> tags = new LinkedHashMap<>();
        private Map<String, String> streamTags = new LinkedHashMap<>();
        private TimeToLive timeToLive = TimeToLive.DISABLED;
        private TableStatus status = TableStatus.ACTIVE;
        private String kmsMasterKeyArn;
        private OnDemandThroughput onDemandThroughput;

        private Builder() {
        }

        private Builder(TableDefinition t) {
            region = t.region;
            name = t.name;
            id = t.id;
            tableId = t.tableId;
            created = t.created;
            keySchema = t.keySchema;
            attributeDefinitions = new LinkedHashMap<>(t.attributeDefinitions);
            billingMode = t.billingMode;
            lastUpdateToPayPerRequest = t.lastUpdateToPayPerRequest;
            throughput = t.throughput;
            stream = t.stream;
            latestStreamLabel = t.latestStreamLabel;
            deletionProtection = t.deletionProtection;
            tableClass = t.tableClass;
            tableClassLastUpdate = t.tableClassLastUpdate;
            localIndexes = new ArrayList<>(t.localIndexes);
            globalIndexes = new ArrayList<>(t.globalIndexes);
            tags = new LinkedHashMap<>(t.tags);
            streamTags = new LinkedHashMap<>(t.streamTags);
            timeToLive = t.timeToLive;
            status = t.status;
            kmsMasterKeyArn = t.kmsMasterKeyArn;
            onDemandThroughput = t.onDemandThroughput;
        }

        public Builder region(String v) { region = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder id(long v) { id = v; return this; }
        public Builder tableId(String v) { tableId = v; return this; }
        public Builder created(Instant v) { created = v; return this; }
        public Builder keySchema(KeySchema v) { keySchema = v; return this; }
        public Builder attributeDefinitions(Map<String, AttributeValue.Type> v) { attributeDefinitions = new LinkedHashMap<>(v); return this; }
        public Builder billingMode(BillingMode v) { billingMode = v; return this; }
        public Builder lastUpdateToPayPerRequest(Instant v) { lastUpdateToPayPerRequest = v; return this; }
        public Builder throughput(Throughput v) { throughput = v; return this; }
        public Builder stream(StreamSpecification v) { stream = v; return this; }
        /** A new label names a new stream, which starts without tags. */
        public Builder latestStreamLabel(String v) {
            if (!Objects.equals(v, latestStreamLabel)) streamTags = new LinkedHashMap<>();
            latestStreamLabel = v;
            return this;
        }

        public Builder deletionProtection(boolean v) { deletionProtection = v; return this; }
        public Builder tableClass(String v) { tableClass = v; return this; }
        public Builder tableClassLastUpdate(Instant v) { tableClassLastUpdate = v; return this; }
        public Builder localIndexes(List<SecondaryIndex> v) { localIndexes = new ArrayList<>(v); return this; }
        public Builder globalIndexes(List<SecondaryIndex> v) { globalIndexes = new ArrayList<>(v); return this; }
        public Builder tags(Map<String, String> v) { tags = new LinkedHashMap<>(v); return this; }
        public Builder streamTags(Map<String, String> v) { streamTags = new LinkedHashMap<>(v); return this; }
        public Builder timeToLive(TimeToLive v) { timeToLive = v; return this; }
        public Builder status(TableStatus v) { status = v; return this; }
        public Builder kmsMasterKeyArn(String v) { kmsMasterKeyArn = v; return this; }
        public Builder onDemandThroughput(OnDemandThroughput v) { onDemandThroughput = v; return this; }

        public TableDefinition build() {
            return new TableDefinition(region, name, id, tableId, created, keySchema,
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributeDefinitions)),
                    billingMode, lastUpdateToPayPerRequest, throughput, stream, latestStreamLabel,
                    deletionProtection, tableClass, tableClassLastUpdate, List.copyOf(localIndexes),
                    List.copyOf(globalIndexes),
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags)),
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(streamTags)), timeToLive, status,
                    kmsMasterKeyArn, onDemandThroughput);
        }
    }
}
