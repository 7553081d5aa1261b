package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.table.BillingMode;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.StreamSpecification;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.TableStatus;
import dev.eddy.core.table.OnDemandThroughput;
import dev.eddy.core.table.Throughput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * UpdateTable: billing mode, provisioned throughput, stream, deletion protection and table
 * class. Secondary index changes are {@link GlobalSecondaryIndexUpdates}'. As on AWS, one
 * call makes one kind of change: deletion protection, table class and encryption each go
 * alone, and a stream change does not go with a throughput change.
 */
public final class UpdateTable implements Operation {
    private static final String NOTHING_TO_DO = "At least one of ProvisionedThroughput, BillingMode, "
            + "UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, "
            + "MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, "
            + "OnDemandThroughput, WarmThroughput or TableClass is required";

    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        Constraints c = new Constraints();
        String tableName = TableNames.resolve(request.region(), in.string("TableName"));
        c.tableNameOrArn("tableName", tableName, true);
        Throughput throughput = TableShapes.throughput(in, "ProvisionedThroughput", "provisionedThroughput", c);
        String billingMode = in.string("BillingMode");
        c.oneOf("billingMode", billingMode, TableShapes.BILLING_MODES);
        String tableClass = in.string("TableClass");
        TableShapes.StreamRequest stream = TableShapes.stream(in, c);
        Boolean deletionProtection = in.bool("DeletionProtectionEnabled");
        TableShapes.SseRequest sse = TableShapes.sse(in, c);
        GlobalSecondaryIndexUpdates indexUpdates = GlobalSecondaryIndexUpdates.read(in, c);
        c.throwIfAny();
        TableShapes.checkTableClass(tableClass);
        checkOneConcern(in, throughput, billingMode, stream, indexUpdates);
        indexUpdates.check();
        TableShapes.checkBounds(throughput);
        StreamSpecification requestedStream = stream == null ? null : TableShapes.streamSpecification(stream, false);
        if (sse != null) TableShapes.checkSse(sse);
        Instant now = request.received();
        TableDefinition before = request.emulator().catalog().describe(request.region(), tableName);
        TableDefinition updated = request.emulator().catalog().update(request.region(), tableName, t -> {
            TableDefinition.Builder b = t.toBuilder();
            BillingMode requested = billingMode == null ? null : BillingMode.valueOf(billingMode);
            changeBilling(t, requested, throughput, now, request.region(), b);
            if (requestedStream != null) changeStream(t, requestedStream, b, request);
            if (deletionProtection != null) b.deletionProtection(deletionProtection);
            OnDemandThroughput onDemand = TableShapes.onDemandThroughput(in, t.onDemandThroughput());
            if (onDemand != null) b.onDemandThroughput(onDemand);
            if (sse != null) b.kmsMasterKeyArn(changeEncryption(t, sse, request.region()));
            if (tableClass != null && !tableClass.equals(t.tableClass())) {
                b.tableClass(tableClass).tableClassLastUpdate(now);
            }
            indexUpdates.apply(t, requested == null ? t.billingMode() : requested, now, b, request);
            return b.build();
        });
        indexUpdates.started(updated, request);
        // Updates of indexes alone leave the table ACTIVE; only the indexes are UPDATING.
        boolean asynchronous = throughput != null || billingMode != null || stream != null || tableClass != null
                || indexUpdates.createsOrDeletes() || sse != null;
        TableStatus status = asynchronous ? TableStatus.UPDATING : updated.status();
        TableDefinition answer = answered(before, updated, indexUpdates.updating());
        TableDescriptionJson.View view = updated.billingMode() == BillingMode.PAY_PER_REQUEST
                && before.billingMode() != BillingMode.PAY_PER_REQUEST
                ? TableDescriptionJson.View.BILLING_SWITCHED : TableDescriptionJson.View.DESCRIBED;
        if (sse != null) {
            view = TableDescriptionJson.View.SSE_UPDATING;
            // Going back to the AWS owned key, the answer still shows the key being left.
            if (answer.kmsMasterKeyArn() == null) answer = answer.toBuilder().kmsMasterKeyArn(before.kmsMasterKeyArn()).build();
        }
        TableDefinition answered = answer;
        TableDescriptionJson.View shown = view;
        return g -> {
            g.writeStartObject();
            g.writeFieldName("TableDescription");
            TableDescriptionJson.write(g, answered, status, request.emulator().store(), shown);
            g.writeEndObject();
        };
    }

    /** AWS's one-change-per-call rules, which need no look at the table. */
    private static void checkOneConcern(JsonObject in, Throughput throughput, String billingMode,
                                        TableShapes.StreamRequest stream, GlobalSecondaryIndexUpdates indexUpdates) {
        List<String> members = new ArrayList<>();
        for (String m : List.of("ProvisionedThroughput", "BillingMode", "StreamSpecification", "SSESpecification",
                "TableClass", "DeletionProtectionEnabled", "ReplicaUpdates", "OnDemandThroughput", "WarmThroughput",
                "MultiRegionConsistency", "GlobalTableWitnessUpdates")) {
            if (in.has(m)) members.add(m);
        }
        // An empty list counts as absent here, and is refused once the request asks for something else.
        if (!indexUpdates.isEmpty()) members.add("GlobalSecondaryIndexUpdates");
        if (members.isEmpty()) throw new DynamoException(ErrorCode.VALIDATION, NOTHING_TO_DO);
        if (indexUpdates.given() && indexUpdates.isEmpty()) {
            throw TableShapes.invalid("List of GlobalSecondaryIndexUpdates is empty");
        }
        if (members.size() > 1) {
            if (members.contains("SSESpecification")) throw alone("Server-Side Encryption");
            if (members.contains("TableClass")) throw alone("TableClass");
            if (members.contains("DeletionProtectionEnabled")) throw alone("DeletionProtection");
        }
        if (stream != null && (throughput != null || "PROVISIONED".equals(billingMode))) {
            throw TableShapes.invalid("You cannot modify stream status while updating table IOPS");
        }
        if (indexUpdates.createsOrDeletes()) {
            if (stream != null) throw TableShapes.invalid("You cannot create or delete index while changing stream status");
            if (throughput != null) throw TableShapes.invalid("You cannot create or delete index while updating table IOPS");
        }
    }

    private static DynamoException alone(String what) {
        return TableShapes.invalid(what + " modification must be the only operation in the request");
    }

    private static void changeBilling(TableDefinition t, BillingMode requested, Throughput throughput, Instant now,
                                      String region, TableDefinition.Builder b) {
        BillingMode target = requested == null ? t.billingMode() : requested;
        if (target == BillingMode.PAY_PER_REQUEST) {
            if (throughput != null) {
                throw TableShapes.invalid(requested == null
                        ? "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"
                        : "ProvisionedThroughput cannot be specified when BillingMode is PAY_PER_REQUEST");
            }
            if (t.billingMode() != BillingMode.PAY_PER_REQUEST) {
                b.billingMode(target).lastUpdateToPayPerRequest(now).throughput(Throughput.ON_DEMAND);
            }
            return;
        }
        if (throughput == null) {
            if (requested != null) {
                throw TableShapes.invalid("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
            }
            return;
        }
        Throughput changed = t.billingMode() == BillingMode.PAY_PER_REQUEST ? throughput
                : TableShapes.changedThroughput(t.throughput(), throughput, now, "the table", "the table");
        TableShapes.checkQuota(throughput, null, region);
        b.billingMode(BillingMode.PROVISIONED).throughput(changed);
    }

    /**
     * The description UpdateTable answers with: AWS applies a provisioned throughput change
     * after answering, so the answer shows the old units and count with the new change times,
     * for the table and for each index an Update puts in UPDATING. In a switch of billing mode
     * the answer already shows the new units.
     */
    private static TableDefinition answered(TableDefinition before, TableDefinition after, Set<String> updatingIndexes) {
        boolean provisioned = before.billingMode() == BillingMode.PROVISIONED
                && after.billingMode() == BillingMode.PROVISIONED;
        TableDefinition.Builder b = after.toBuilder();
        if (provisioned) b.throughput(notYet(before.throughput(), after.throughput()));
        List<SecondaryIndex> gsis = new ArrayList<>();
        for (SecondaryIndex i : after.globalIndexes()) {
            SecondaryIndex was = before.index(i.name());
            if (!updatingIndexes.contains(i.name()) || was == null) {
                gsis.add(i);
                continue;
            }
            Throughput shown = provisioned ? notYet(was.throughput(), i.throughput()) : i.throughput();
            gsis.add(i.withThroughput(shown).withStatus(SecondaryIndex.IndexStatus.UPDATING, false));
        }
        return b.globalIndexes(gsis).build();
    }

    private static Throughput notYet(Throughput old, Throughput now) {
        if (old.equals(now)) return now;
        return new Throughput(old.readCapacityUnits(), old.writeCapacityUnits(), now.lastIncrease(), now.lastDecrease(),
                old.decreasesToday());
    }

    /**
     * The KMS key after an SSESpecification. As on AWS, only two re-sends are refused: going
     * back to the AWS owned key the table already has, and naming the table's key by the very
     * ARN DescribeTable shows (by alias or key ID, or as Enabled alone, it is encrypted anew).
     */
    private static String changeEncryption(TableDefinition t, TableShapes.SseRequest sse, String region) {
        if (!sse.kms()) {
            if (t.kmsMasterKeyArn() == null) throw TableShapes.invalid("Table is already encrypted by default");
            return null;
        }
        if (sse.kmsMasterKeyId() != null && sse.kmsMasterKeyId().equals(t.kmsMasterKeyArn())) {
            throw TableShapes.invalid("Table is already encrypted with given KMSMasterKeyId. Use KMSMasterKeyId "
                    + "parameter if you want to change Master Key");
        }
        return TableShapes.kmsMasterKeyArn(sse, region);
    }

    private static void changeStream(TableDefinition t, StreamSpecification requested, TableDefinition.Builder b,
                                     ApiRequest request) {
        if (requested.enabled()) {
            if (t.stream().enabled()) {
                // AWS answers this, whatever the view type asked for, with a ValidationException.
                throw new DynamoException(ErrorCode.VALIDATION, "Table already has an enabled stream: TableName: "
                        + t.name());
            }
            b.stream(requested).latestStreamLabel(request.emulator().catalog().streamLabel());
        } else {
            if (!t.stream().enabled()) {
                throw new DynamoException(ErrorCode.VALIDATION, "Table has no stream to disable: TableName: "
                        + t.name());
            }
            b.stream(StreamSpecification.DISABLED);
        }
    }
}
