package dev.eddy.api.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.storage.Store;
import dev.eddy.core.table.BillingMode;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.Projection;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.TableStats;
import dev.eddy.core.table.TableStatus;
import dev.eddy.core.table.OnDemandThroughput;
import dev.eddy.core.table.Throughput;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a TableDescription as DescribeTable, CreateTable, UpdateTable and DeleteTable return it.
 * Members AWS leaves out until they mean something stay out: BillingModeSummary for a table
 * that was never on demand, TableClassSummary for a table still of class STANDARD,
 * StreamSpecification once the stream is off, the throughput's increase and decrease times.
 */
public final class TableDescriptionJson {
    /** On-demand tables report this warm throughput until raised. */
    static final long ON_DEMAND_WARM_READS = 12000;
    static final long ON_DEMAND_WARM_WRITES = 4000;

    /** What the description answers; the answers differ in what AWS has filled in yet. */
    public enum View {
        DESCRIBED,
        /** CreateTable's answer: no WarmThroughput, no LastUpdateToPayPerRequestDateTime yet. */
        CREATED,
        /** An UpdateTable answer that switches billing: the switch time is not filled in yet. */
        BILLING_SWITCHED,
        /** DeleteTable's answer: the table's state, throughput and counts, without its schema or indexes. */
        DELETED,
        /** An UpdateTable answer that changes server-side encryption: the change is under way. */
        SSE_UPDATING
    }

    private TableDescriptionJson() {
    }

    public static void write(JsonGenerator g, TableDefinition t, TableStatus status, Store store) throws IOException {
        write(g, t, status, store, View.DESCRIBED);
    }

    public static void write(JsonGenerator g, TableDefinition t, TableStatus status, Store store, View view)
            throws IOException {
        boolean schema = view != View.DELETED;
        g.writeStartObject();
        if (schema) {
            g.writeArrayFieldStart("AttributeDefinitions");
            // AWS lists the definitions by name, whatever order the request gave them in.
            for (Map.Entry<String, AttributeValue.Type> e : new TreeMap<>(t.attributeDefinitions()).entrySet()) {
                g.writeStartObject();
                g.writeStringField("AttributeName", e.getKey());
                g.writeStringField("AttributeType", e.getValue().name());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringField("TableName", t.name());
        if (schema) writeKeySchema(g, t.keySchema());
        g.writeStringField("TableStatus", status.name());
        if (schema) writeTime(g, "CreationDateTime", t.created());
        writeThroughput(g, t.billingMode() == BillingMode.PAY_PER_REQUEST ? Throughput.ON_DEMAND : t.throughput());
        g.writeNumberField("TableSizeBytes", TableStats.sizeBytes(store, t.id()));
        writeOnDemandThroughput(g, t.onDemandThroughput());
        g.writeNumberField("ItemCount", TableStats.itemCount(store, t.id()));
        g.writeStringField("TableArn", t.arn());
        g.writeStringField("TableId", t.tableId());
        if (t.billingMode() == BillingMode.PAY_PER_REQUEST || t.lastUpdateToPayPerRequest() != null) {
            g.writeObjectFieldStart("BillingModeSummary");
            g.writeStringField("BillingMode", t.billingMode().name());
            if (t.lastUpdateToPayPerRequest() != null && (view == View.DESCRIBED || view == View.DELETED
                    || view == View.SSE_UPDATING)) {
                writeTime(g, "LastUpdateToPayPerRequestDateTime", t.lastUpdateToPayPerRequest());
            }
            g.writeEndObject();
        }
        if (schema && !t.localIndexes().isEmpty()) {
            g.writeArrayFieldStart("LocalSecondaryIndexes");
            for (SecondaryIndex i : t.localIndexes()) writeIndex(g, t, i, store, view);
            g.writeEndArray();
        }
        if (schema && !t.globalIndexes().isEmpty()) {
            g.writeArrayFieldStart("GlobalSecondaryIndexes");
            for (SecondaryIndex i : t.globalIndexes()) writeIndex(g, t, i, store, view);
            g.writeEndArray();
        }
        if (t.stream().enabled()) {
            g.writeObjectFieldStart("StreamSpecification");
            g.writeBooleanField("StreamEnabled", true);
            g.writeStringField("StreamViewType", t.stream().viewType().name());
            g.writeEndObject();
        }
        if (t.latestStreamLabel() != null) {
            g.writeStringField("LatestStreamLabel", t.latestStreamLabel());
            g.writeStringField("LatestStreamArn", t.latestStreamArn());
        }
        if (t.kmsMasterKeyArn() != null) {
            // Only a KMS key is described: with the AWS owned key, AWS leaves SSEDescription out.
            g.writeObjectFieldStart("SSEDescription");
            g.writeStringField("Status", view == View.SSE_UPDATING ? "UPDATING" : "ENABLED");
            g.writeStringField("SSEType", "KMS");
            g.writeStringField("KMSMasterKeyArn", t.kmsMasterKeyArn());
            g.writeEndObject();
        }
        g.writeBooleanField("DeletionProtectionEnabled", t.deletionProtection());
        if (!"STANDARD".equals(t.tableClass()) || t.tableClassLastUpdate() != null) {
            g.writeObjectFieldStart("TableClassSummary");
            g.writeStringField("TableClass", t.tableClass());
            if (t.tableClassLastUpdate() != null) writeTime(g, "LastUpdateDateTime", t.tableClassLastUpdate());
            g.writeEndObject();
        }
        if (view != View.CREATED) writeWarmThroughput(g, t);
        g.writeEndObject();
    }

    /**
     * On demand (or ever on demand) the default warm throughput; provisioned, the provisioned
     * units. AWS keeps the highest units ever provisioned; Eddy keeps no history of them, so
     * after a decrease it shows the current units.
     */
    private static void writeWarmThroughput(JsonGenerator g, TableDefinition t) throws IOException {
        boolean onDemandHistory = t.billingMode() == BillingMode.PAY_PER_REQUEST || t.lastUpdateToPayPerRequest() != null;
        g.writeObjectFieldStart("WarmThroughput");
        g.writeNumberField("ReadUnitsPerSecond", onDemandHistory ? ON_DEMAND_WARM_READS : t.throughput().readCapacityUnits());
        g.writeNumberField("WriteUnitsPerSecond", onDemandHistory ? ON_DEMAND_WARM_WRITES : t.throughput().writeCapacityUnits());
        g.writeStringField("Status", "ACTIVE");
        g.writeEndObject();
    }

    /** A global index's warm throughput, as the table's: on demand the default, provisioned its own units. */
    private static void writeIndexWarmThroughput(JsonGenerator g, TableDefinition t, SecondaryIndex i) throws IOException {
        boolean onDemand = t.billingMode() == BillingMode.PAY_PER_REQUEST;
        g.writeObjectFieldStart("WarmThroughput");
        g.writeNumberField("ReadUnitsPerSecond", onDemand ? ON_DEMAND_WARM_READS : i.throughput().readCapacityUnits());
        g.writeNumberField("WriteUnitsPerSecond", onDemand ? ON_DEMAND_WARM_WRITES : i.throughput().writeCapacityUnits());
        g.writeStringField("Status", i.status().name());
        g.writeEndObject();
    }

    private static void writeIndex(JsonGenerator g, TableDefinition t, SecondaryIndex i, Store store, View view)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("IndexName", i.name());
        writeKeySchema(g, i.keySchema());
        g.writeObjectFieldStart("Projection");
        g.writeStringField("ProjectionType", i.projection().type().name());
        if (i.projection().type() == Projection.Type.INCLUDE && i.projection().nonKeyAttributes() != null) {
            g.writeArrayFieldStart("NonKeyAttributes");
            // By name too, as AWS lists them.
            for (String a : i.projection().nonKeyAttributes().stream().sorted().toList()) g.writeString(a);
            g.writeEndArray();
        }
        g.writeEndObject();
        if (i.global()) {
            g.writeStringField("IndexStatus", i.status().name());
            if (i.status() == SecondaryIndex.IndexStatus.CREATING) g.writeBooleanField("Backfilling", i.backfilling());
            writeThroughput(g, t.billingMode() == BillingMode.PAY_PER_REQUEST ? Throughput.ON_DEMAND : i.throughput());
            writeOnDemandThroughput(g, i.onDemandThroughput());
            if (view != View.CREATED) writeIndexWarmThroughput(g, t, i);
        }
        g.writeNumberField("IndexSizeBytes", TableStats.sizeBytes(store, i.id()));
        g.writeNumberField("ItemCount", TableStats.itemCount(store, i.id()));
        g.writeStringField("IndexArn", t.arn() + "/index/" + i.name());
        g.writeEndObject();
    }

    public static void writeKeySchema(JsonGenerator g, KeySchema k) throws IOException {
        g.writeArrayFieldStart("KeySchema");
        for (KeyAttribute a : k.partitionKeys()) writeKeyElement(g, a, "HASH");
        for (KeyAttribute a : k.sortKeys()) writeKeyElement(g, a, "RANGE");
        g.writeEndArray();
    }

    private static void writeKeyElement(JsonGenerator g, KeyAttribute a, String keyType) throws IOException {
        g.writeStartObject();
        g.writeStringField("AttributeName", a.name());
        g.writeStringField("KeyType", keyType);
        g.writeEndObject();
    }

    /** Shown once a maximum was set, -1 for one not set or removed. */
    private static void writeOnDemandThroughput(JsonGenerator g, OnDemandThroughput t) throws IOException {
        if (t == null) return;
        g.writeObjectFieldStart("OnDemandThroughput");
        g.writeNumberField("MaxReadRequestUnits", t.maxReadRequestUnits());
        g.writeNumberField("MaxWriteRequestUnits", t.maxWriteRequestUnits());
        g.writeEndObject();
    }

    private static void writeThroughput(JsonGenerator g, Throughput p) throws IOException {
        g.writeObjectFieldStart("ProvisionedThroughput");
        if (p.lastIncrease() != null) writeTime(g, "LastIncreaseDateTime", p.lastIncrease());
        if (p.lastDecrease() != null) writeTime(g, "LastDecreaseDateTime", p.lastDecrease());
        g.writeNumberField("NumberOfDecreasesToday", p.decreasesToday());
        g.writeNumberField("ReadCapacityUnits", p.readCapacityUnits());
        g.writeNumberField("WriteCapacityUnits", p.writeCapacityUnits());
        g.writeEndObject();
    }

    /** AWS writes timestamps as epoch seconds with a fraction, e.g. 1700000000.123. */
    public static void writeTime(JsonGenerator g, String field, Instant time) throws IOException {
        g.writeFieldName(field);
        g.writeNumber(BigDecimal.valueOf(time.toEpochMilli()).movePointLeft(3));
    }
}
