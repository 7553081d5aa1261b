package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.table.BillingMode;
import dev.eddy.core.table.StreamSpecification;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.TableStatus;
import dev.eddy.core.table.Throughput;
import java.time.Instant;

/**
 * UpdateTable: billing mode, provisioned throughput, stream, deletion protection and table
 * class. Secondary index changes are {@link GlobalSecondaryIndexUpdates}'.
 */
public final class UpdateTable implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        Constraints c = new Constraints();
        String tableName = in.string("TableName");
        c.name("tableName", tableName, true);
        Throughput throughput = TableShapes.throughput(in, "ProvisionedThroughput", "provisionedThroughput", c);
        String billingMode = in.string("BillingMode");
        c.oneOf("billingMode", billingMode, TableShapes.BILLING_MODES);
        String tableClass = in.string("TableClass");
        c.oneOf("tableClass", tableClass, TableShapes.TABLE_CLASSES);
        TableShapes.StreamRequest stream = TableShapes.stream(in, c);
        Boolean deletionProtection = in.bool("DeletionProtectionEnabled");
        GlobalSecondaryIndexUpdates indexUpdates = GlobalSecondaryIndexUpdates.read(in, c);
        c.throwIfAny();
        if (throughput == null && billingMode == null && stream == null && deletionProtection == null
                && tableClass == null && indexUpdates == null && !in.has("SSESpecification")
                && !in.has("ReplicaUpdates")) {
            throw new DynamoException(ErrorCode.VALIDATION, "At least one of ProvisionedThroughput, BillingMode, "
                    + "UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        TableShapes.checkBounds(throughput);
        StreamSpecification requestedStream = stream == null ? null : TableShapes.streamSpecification(stream);
        Instant now = request.received();
        boolean[] changedCapacity = {false};
        TableDefinition updated = request.emulator().catalog().update(request.region(), tableName, t -> {
            TableDefinition.Builder b = t.toBuilder();
            BillingMode newBilling = billingMode == null ? t.billingMode() : BillingMode.valueOf(billingMode);
            if (newBilling == BillingMode.PAY_PER_REQUEST) {
                if (throughput != null) {
                    throw TableShapes.invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified "
                            + "when BillingMode is PAY_PER_REQUEST");
                }
                if (t.billingMode() != BillingMode.PAY_PER_REQUEST) {
                    b.billingMode(newBilling).lastUpdateToPayPerRequest(now).throughput(Throughput.ON_DEMAND);
                    changedCapacity[0] = true;
                }
            } else {
                if (t.billingMode() == BillingMode.PAY_PER_REQUEST && throughput == null) {
                    throw TableShapes.invalid("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
                }
                if (throughput != null) {
                    b.billingMode(BillingMode.PROVISIONED).throughput(changeThroughput(t, throughput, now));
                    changedCapacity[0] = true;
                }
            }
            if (requestedStream != null) changeStream(t, requestedStream, b, request);
            if (deletionProtection != null) b.deletionProtection(deletionProtection);
            if (tableClass != null && !tableClass.equals(t.tableClass())) {
                b.tableClass(tableClass).tableClassLastUpdate(now);
            }
            if (indexUpdates != null) indexUpdates.apply(t, b, request);
            return b.build();
        });
        if (indexUpdates != null) indexUpdates.started(updated, request);
        TableStatus status = changedCapacity[0] || indexUpdates != null ? TableStatus.UPDATING : updated.status();
        return g -> {
            g.writeStartObject();
            g.writeFieldName("TableDescription");
            TableDescriptionJson.write(g, updated, status, request.emulator().store());
            g.writeEndObject();
        };
    }

    private static Throughput changeThroughput(TableDefinition t, Throughput requested, Instant now) {
        Throughput current = t.throughput();
        if (t.billingMode() == BillingMode.PROVISIONED
                && current.readCapacityUnits() == requested.readCapacityUnits()
                && current.writeCapacityUnits() == requested.writeCapacityUnits()) {
            throw new DynamoException(ErrorCode.VALIDATION, "The provisioned throughput for the table will not change. "
                    + "The requested value equals the current value. Current ReadCapacityUnitsForTable: "
                    + current.readCapacityUnits() + ". Requested ReadCapacityUnitsForTable: " + requested.readCapacityUnits()
                    + ". Current WriteCapacityUnitsForTable: " + current.writeCapacityUnits()
                    + ". Requested WriteCapacityUnitsForTable: " + requested.writeCapacityUnits()
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

    private static void changeStream(TableDefinition t, StreamSpecification requested, TableDefinition.Builder b,
                                     ApiRequest request) {
        if (requested.enabled()) {
            if (t.stream().enabled()) {
                throw new DynamoException(ErrorCode.RESOURCE_IN_USE, "Table already has an enabled stream: TableName: "
                        + t.name());
            }
            b.stream(requested).latestStreamLabel(request.emulator().catalog().streamLabel());
        } else {
            if (!t.stream().enabled()) {
                throw new DynamoException(ErrorCode.VALIDATION, "Table already has no stream enabled: TableName: "
                        + t.name());
            }
            b.stream(StreamSpecification.DISABLED);
        }
    }
}
