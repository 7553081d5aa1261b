package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertError;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class TablesTest {
    private final DynamoDbClient dynamo = Clients.dynamo();

    @Test
    void serverSideEncryptionWithKmsIsDescribedAndOnlyThen() {
        String plain = Tables.create("sse-default", ScalarAttributeType.S, null);
        String table = Tables.create("sse-kms", ScalarAttributeType.S, null, b -> b.sseSpecification(s -> s.enabled(true)));
        try {
            // The AWS owned key, DynamoDB's default, is not described.
            assertNull(dynamo.describeTable(r -> r.tableName(plain)).table().sseDescription());
            SSEDescription sse = dynamo.describeTable(r -> r.tableName(table)).table().sseDescription();
            assertEquals(SSEStatus.ENABLED, sse.status());
            assertEquals(SSEType.KMS, sse.sseType());
            assertTrue(sse.kmsMasterKeyArn().matches("arn:aws:kms:[a-z0-9-]+:\\d{12}:key/[0-9a-f-]{36}"), sse.kmsMasterKeyArn());
            // Back to the AWS owned key: the answer shows the change under way, on the key being left.
            TableDescription updating = dynamo.updateTable(r -> r.tableName(table).sseSpecification(s -> s.enabled(false)))
                    .tableDescription();
            assertEquals(SSEStatus.UPDATING, updating.sseDescription().status());
            assertEquals(sse.kmsMasterKeyArn(), updating.sseDescription().kmsMasterKeyArn());
            dynamo.waiter().waitUntilTableExists(r -> r.tableName(table));
            assertNull(dynamo.describeTable(r -> r.tableName(table)).table().sseDescription());
        } finally {
            Tables.delete(plain);
            Tables.delete(table);
        }
    }

    @Test
    void aKmsTypeAloneTurnsEncryptionOnWithTheAwsManagedKey() {
        String managed = Tables.create("sse-enabled", ScalarAttributeType.S, null, b -> b.sseSpecification(s -> s.enabled(true)));
        String typed = Tables.create("sse-type", ScalarAttributeType.S, null, b -> b.sseSpecification(s -> s.sseType(SSEType.KMS)));
        String alias = Tables.create("sse-alias", ScalarAttributeType.S, null, b -> b
                .sseSpecification(s -> s.sseType(SSEType.KMS).kmsMasterKeyId("alias/aws/dynamodb")));
        String none = Tables.create("sse-empty", ScalarAttributeType.S, null, b -> b.sseSpecification(s -> { }));
        try {
            String managedKey = dynamo.describeTable(r -> r.tableName(managed)).table().sseDescription().kmsMasterKeyArn();
            for (String table : new String[] {typed, alias}) {
                SSEDescription sse = dynamo.describeTable(r -> r.tableName(table)).table().sseDescription();
                assertEquals(SSEStatus.ENABLED, sse.status(), table);
                assertEquals(SSEType.KMS, sse.sseType(), table);
                assertEquals(managedKey, sse.kmsMasterKeyArn(), table);
            }
            assertNull(dynamo.describeTable(r -> r.tableName(none)).table().sseDescription(), "{} is the AWS owned key");
        } finally {
            for (String table : new String[] {managed, typed, alias, none}) Tables.delete(table);
        }
    }

    @Test
    void encryptionReSendsThatChangeNothingAreRefused() {
        String plain = Tables.create("sse-resend-plain", ScalarAttributeType.S, null);
        String kms = Tables.create("sse-resend-kms", ScalarAttributeType.S, null, b -> b.sseSpecification(s -> s.enabled(true)));
        try {
            assertValidation("One or more parameter values were invalid: Table is already encrypted by default",
                    () -> dynamo.updateTable(r -> r.tableName(plain).sseSpecification(s -> s.enabled(false))));
            String key = dynamo.describeTable(r -> r.tableName(kms)).table().sseDescription().kmsMasterKeyArn();
            assertValidation("One or more parameter values were invalid: Table is already encrypted with given "
                    + "KMSMasterKeyId. Use KMSMasterKeyId parameter if you want to change Master Key",
                    () -> dynamo.updateTable(r -> r.tableName(kms)
                            .sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(key))));
            // The rules between the members come first, as in CreateTable.
            assertValidation("One or more parameter values were invalid: SSEType can not be specified if Enabled is false",
                    () -> dynamo.updateTable(r -> r.tableName(kms).sseSpecification(s -> s.enabled(false).sseType(SSEType.KMS))));
            assertValidation("One or more parameter values were invalid: SSEType KMS is required if KMSMasterKeyId is "
                    + "specified", () -> dynamo.updateTable(r -> r.tableName("no-such-table-sse")
                    .sseSpecification(s -> s.enabled(true).kmsMasterKeyId(key))));
            assertEquals(key, dynamo.describeTable(r -> r.tableName(kms)).table().sseDescription().kmsMasterKeyArn());
        } finally {
            Tables.delete(plain);
            Tables.delete(kms);
        }
    }

    @Test
    void createdTableIsDescribedWithEveryField() {
        String name = Tables.create("tables", ScalarAttributeType.S, ScalarAttributeType.N);
        TableDescription t = dynamo.describeTable(r -> r.tableName(name)).table();
        assertEquals(name, t.tableName());
        assertEquals(TableStatus.ACTIVE, t.tableStatus());
        assertEquals(BillingMode.PAY_PER_REQUEST, t.billingModeSummary().billingMode());
        assertTrue(t.tableArn().matches("arn:aws:dynamodb:[a-z0-9-]+:\\d{12}:table/" + name), t.tableArn());
        assertNotNull(t.tableId());
        assertNotNull(t.creationDateTime());
        assertEquals(0L, t.itemCount());
        assertEquals(0L, t.tableSizeBytes());
        assertEquals("pk", t.keySchema().get(0).attributeName());
        assertEquals("sk", t.keySchema().get(1).attributeName());
        assertFalse(t.deletionProtectionEnabled());
        Tables.delete(name);
    }

    @Test
    void creatingAnExistingTableIsResourceInUse() {
        String name = Tables.create("tables", ScalarAttributeType.S, null);
        assertError("ResourceInUseException", "Table already exists: " + name, () -> dynamo.createTable(r -> r
                .tableName(name)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .billingMode(BillingMode.PAY_PER_REQUEST)));
        Tables.delete(name);
    }

    @Test
    void describingAMissingTableNamesIt() {
        assertError("ResourceNotFoundException", "Requested resource not found: Table: no-such-table not found",
                () -> dynamo.describeTable(r -> r.tableName("no-such-table")));
    }

    @Test
    void tableNamesAreCheckedForLengthAndCharacters() {
        assertValidation("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 3", () -> dynamo.describeTable(r -> r.tableName("ab")));
        assertValidation("1 validation error detected: Value 'a b' at 'tableName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
                () -> dynamo.describeTable(r -> r.tableName("a b")));
    }

    @Test
    void provisionedTablesNeedThroughput() {
        assertValidation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must "
                + "both be specified when BillingMode is PROVISIONED", () -> dynamo.createTable(r -> r
                .tableName(Tables.uniqueName("tables"))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))));
    }

    @Test
    void keyAttributesMustBeDefined() {
        assertValidation("One or more parameter values were invalid: Some index key attributes are not defined in "
                + "AttributeDefinitions. Keys: [id], AttributeDefinitions: [pk]", () -> dynamo.createTable(r -> r
                .tableName(Tables.uniqueName("tables"))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Test
    void listTablesPagesInNameOrder() {
        String a = Tables.create("list-a", ScalarAttributeType.S, null);
        String b = Tables.create("list-b", ScalarAttributeType.S, null);
        java.util.List<String> all = new java.util.ArrayList<>();
        String start = null;
        do {
            String from = start;
            var page = dynamo.listTables(r -> r.limit(1).exclusiveStartTableName(from));
            assertTrue(page.tableNames().size() <= 1);
            all.addAll(page.tableNames());
            start = page.lastEvaluatedTableName();
        } while (start != null);
        assertTrue(all.contains(a) && all.contains(b));
        java.util.List<String> sorted = new java.util.ArrayList<>(all);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, all);
        assertValidation("1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: "
                + "Member must have value less than or equal to 100", () -> dynamo.listTables(r -> r.limit(101)));
        Tables.delete(a);
        Tables.delete(b);
    }

    @Test
    void deleteTableAnswersDeletingAndTheTableIsGone() {
        String name = Tables.create("tables-del", ScalarAttributeType.S, null);
        var d = dynamo.deleteTable(r -> r.tableName(name)).tableDescription();
        assertEquals(TableStatus.DELETING, d.tableStatus());
        assertEquals(name, d.tableName());
        assertTrue(d.tableArn().endsWith(":table/" + name), d.tableArn());
        assertEquals(0L, d.itemCount());
        assertEquals(BillingMode.PAY_PER_REQUEST, d.billingModeSummary().billingMode());
        // DeleteTable leaves out the schema, which DescribeTable gives.
        assertFalse(d.hasKeySchema());
        assertFalse(d.hasAttributeDefinitions());
        assertNull(d.creationDateTime());
        dynamo.waiter().waitUntilTableNotExists(r -> r.tableName(name));
    }

    @Test
    void deletionProtectionBlocksDeleteTable() {
        String name = Tables.create("tables-protected", ScalarAttributeType.S, null, b -> b.deletionProtectionEnabled(true));
        assertTrue(dynamo.describeTable(r -> r.tableName(name)).table().deletionProtectionEnabled());
        assertValidation("Resource cannot be deleted as it is currently protected against deletion. Disable deletion "
                + "protection first.", () -> dynamo.deleteTable(r -> r.tableName(name)));
        dynamo.updateTable(r -> r.tableName(name).deletionProtectionEnabled(false));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(name));
        Tables.delete(name);
    }

    @Test
    void updateTableChangesBillingAndThroughput() {
        String name = Tables.create("tables-upd", ScalarAttributeType.S, null);
        var updated = dynamo.updateTable(r -> r.tableName(name).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(3L).writeCapacityUnits(4L))).tableDescription();
        assertEquals(TableStatus.UPDATING, updated.tableStatus());
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(name));
        var t = dynamo.describeTable(r -> r.tableName(name)).table();
        assertEquals(BillingMode.PROVISIONED, t.billingModeSummary().billingMode());
        assertNotNull(t.billingModeSummary().lastUpdateToPayPerRequestDateTime(), "kept from the on-demand days");
        assertEquals(4L, t.provisionedThroughput().writeCapacityUnits());
        Tables.delete(name);
    }

    @Test
    void updateTableWithNothingToChangeIsRefused() {
        String name = Tables.create("tables-noop", ScalarAttributeType.S, null);
        assertValidation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                + "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, "
                + "ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, "
                + "WarmThroughput or TableClass is required", () -> dynamo.updateTable(r -> r.tableName(name)));
        Tables.delete(name);
    }

    @Test
    void anOnDemandTableIsDescribedWithItsBillingSummaryAndZeroThroughput() {
        String name = Tables.create("tables-ppr", ScalarAttributeType.S, null);
        TableDescription t = dynamo.describeTable(r -> r.tableName(name)).table();
        assertEquals(BillingMode.PAY_PER_REQUEST, t.billingModeSummary().billingMode());
        assertEquals(t.creationDateTime(), t.billingModeSummary().lastUpdateToPayPerRequestDateTime(),
                "created on demand: on demand since its creation");
        assertEquals(0L, t.provisionedThroughput().readCapacityUnits());
        assertEquals(0L, t.provisionedThroughput().writeCapacityUnits());
        assertEquals(0L, t.provisionedThroughput().numberOfDecreasesToday());
        assertNull(t.provisionedThroughput().lastIncreaseDateTime());
        assertNull(t.provisionedThroughput().lastDecreaseDateTime());
        assertNull(t.tableClassSummary(), "no TableClassSummary for a table never given a class");
        assertNull(t.streamSpecification());
        assertEquals(12000L, t.warmThroughput().readUnitsPerSecond());
        assertEquals(4000L, t.warmThroughput().writeUnitsPerSecond());
        assertFalse(t.deletionProtectionEnabled());
        Tables.delete(name);
    }

    @Test
    void aProvisionedTableHasNoBillingSummaryAndWarmThroughputOfItsUnits() {
        String name = provisioned("tables-prov", 2, 3);
        TableDescription t = dynamo.describeTable(r -> r.tableName(name)).table();
        assertNull(t.billingModeSummary(), "AWS omits BillingModeSummary for tables created PROVISIONED");
        assertEquals(2L, t.provisionedThroughput().readCapacityUnits());
        assertEquals(3L, t.provisionedThroughput().writeCapacityUnits());
        assertEquals(2L, t.warmThroughput().readUnitsPerSecond());
        assertEquals(3L, t.warmThroughput().writeUnitsPerSecond());
        Tables.delete(name);
    }

    @Test
    void createTableAnswersCreatingWithoutTheFieldsFilledInLater() {
        String name = Tables.uniqueName("tables-create");
        TableDescription t = dynamo.createTable(r -> r.tableName(name)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription();
        assertEquals(TableStatus.CREATING, t.tableStatus());
        assertEquals(BillingMode.PAY_PER_REQUEST, t.billingModeSummary().billingMode());
        assertNull(t.billingModeSummary().lastUpdateToPayPerRequestDateTime());
        assertNull(t.warmThroughput());
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(name));
        Tables.delete(name);
    }

    @Test
    void anEmptyTableNameBreaksTheMinimumOfANameOrArn() {
        // Operations that also take a table's ARN: the member's minimum is then 1, and nothing more is said.
        String empty = "1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: Member must "
                + "have length greater than or equal to 1";
        assertValidation(empty, () -> dynamo.describeTable(r -> r.tableName("")));
        assertValidation(empty, () -> dynamo.putItem(r -> r.tableName("").item(Map.of("pk", AttributeValue.fromS("x")))));
        // CreateTable takes a name only.
        assertValidation("2 validation errors detected: Value '' at 'tableName' failed to satisfy constraint: Member "
                + "must have length greater than or equal to 3; Value '' at 'tableName' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
                () -> dynamo.createTable(r -> r.tableName("").attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                        .keySchema(k -> k.attributeName("pk").keyType("HASH")).billingMode("PAY_PER_REQUEST")));
    }

    @Test
    void missingTablesAreNamedByUpdateAndDelete() {
        assertError("ResourceNotFoundException", "Requested resource not found: Table: no-such-table-upd not found",
                () -> dynamo.updateTable(r -> r.tableName("no-such-table-upd").deletionProtectionEnabled(true)));
        assertError("ResourceNotFoundException", "Requested resource not found: Table: no-such-table-del not found",
                () -> dynamo.deleteTable(r -> r.tableName("no-such-table-del")));
    }

    @Test
    void listTablesChecksItsCursorPatternBeforeLength() {
        assertValidation("2 validation errors detected: Value '' at 'exclusiveStartTableName' failed to satisfy "
                + "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value '' at "
                + "'exclusiveStartTableName' failed to satisfy constraint: Member must have length greater than or "
                + "equal to 3", () -> dynamo.listTables(r -> r.exclusiveStartTableName("")));
        assertValidation("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member "
                + "must have value greater than or equal to 1", () -> dynamo.listTables(r -> r.limit(0)));
    }

    @Test
    void billingAndThroughputMustAgree() {
        String name = Tables.create("tables-bill", ScalarAttributeType.S, null);
        assertValidation("One or more parameter values were invalid: ProvisionedThroughput must be specified when "
                + "BillingMode is PROVISIONED", () -> dynamo.updateTable(r -> r.tableName(name)
                .billingMode(BillingMode.PROVISIONED)));
        assertValidation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits "
                + "can be specified when BillingMode is PAY_PER_REQUEST", () -> dynamo.updateTable(r -> r.tableName(name)
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))));
        Tables.delete(name);
    }

    @Test
    void unchangedThroughputIsRefused() {
        String name = provisioned("tables-same", 1, 1);
        assertValidation("The provisioned throughput for the table will not change. The requested value equals the "
                + "current value. Current ReadCapacityUnits provisioned for the table: 1. Requested ReadCapacityUnits: 1. "
                + "Current WriteCapacityUnits provisioned for the table: 1. Requested WriteCapacityUnits: 1. Refer to the "
                + "Amazon DynamoDB Developer Guide for current limits and how to request higher limits.",
                () -> dynamo.updateTable(r -> r.tableName(name)
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))));
        Tables.delete(name);
    }

    @Test
    void throughputAboveTheAccountsPerTableQuotaIsLimitExceeded() {
        String name = provisioned("tables-quota", 1, 1);
        assertError("LimitExceededException", "The requested WriteCapacityUnits, 40001, is above the per table maximum "
                + "for the account in " + Clients.region().id() + ". Per table maximum: 40000. Refer to the Amazon "
                + "DynamoDB Developer Guide for current limits and how to request higher limits.",
                () -> dynamo.updateTable(r -> r.tableName(name)
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(40001L))));
        assertEquals(1L, dynamo.describeTable(r -> r.tableName(name)).table().provisionedThroughput().writeCapacityUnits());
        Tables.delete(name);
    }

    @Test
    void someChangesMustBeTheOnlyOneInTheirRequest() {
        String name = provisioned("tables-alone", 1, 1);
        assertValidation("One or more parameter values were invalid: DeletionProtection modification must be the only "
                + "operation in the request", () -> dynamo.updateTable(r -> r.tableName(name)
                .deletionProtectionEnabled(true).billingMode(BillingMode.PAY_PER_REQUEST)));
        assertValidation("One or more parameter values were invalid: TableClass modification must be the only "
                + "operation in the request", () -> dynamo.updateTable(r -> r.tableName(name)
                .deletionProtectionEnabled(true).tableClass("STANDARD_INFREQUENT_ACCESS")));
        assertValidation("One or more parameter values were invalid: You cannot modify stream status while updating "
                + "table IOPS", () -> dynamo.updateTable(r -> r
                .tableName(name).provisionedThroughput(p -> p.readCapacityUnits(2L).writeCapacityUnits(2L))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType("KEYS_ONLY"))));
        Tables.delete(name);
    }

    @Test
    void anUnknownTableClassIsRefusedByName() {
        String message = "Invalid table-class parameter provided. Please try again with a valid table-class value: "
                + "[STANDARD, STANDARD_INFREQUENT_ACCESS].";
        assertValidation(message, () -> Tables.create("tables-class", ScalarAttributeType.S, null, b -> b.tableClass("standard")));
        String name = Tables.create("tables-class", ScalarAttributeType.S, null);
        assertValidation(message, () -> dynamo.updateTable(r -> r.tableName(name).tableClass("junk")));
        Tables.delete(name);
    }

    @Test
    void streamsAreEnabledOnceAndDisabledOnce() {
        String name = Tables.create("tables-stream", ScalarAttributeType.S, null);
        assertValidation("Table has no stream to disable: TableName: " + name,
                () -> dynamo.updateTable(r -> r.tableName(name).streamSpecification(s -> s.streamEnabled(false))));
        assertValidation("One or more parameter values were invalid: If stream is being enabled then UpdateViewType "
                + "is required", () -> dynamo.updateTable(r -> r.tableName(name)
                .streamSpecification(s -> s.streamEnabled(true))));
        dynamo.updateTable(r -> r.tableName(name).streamSpecification(s -> s.streamEnabled(true).streamViewType("KEYS_ONLY")));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(name));
        assertValidation("Table already has an enabled stream: TableName: " + name, () -> dynamo.updateTable(r -> r
                .tableName(name).streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_IMAGE"))));
        assertValidation("One or more parameter values were invalid: If stream is being disabled, then UpdateViewType "
                + "must not be specified", () -> dynamo.updateTable(r -> r.tableName(name)
                .streamSpecification(s -> s.streamEnabled(false).streamViewType("KEYS_ONLY"))));
        dynamo.updateTable(r -> r.tableName(name).streamSpecification(s -> s.streamEnabled(false)));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(name));
        TableDescription t = dynamo.describeTable(r -> r.tableName(name)).table();
        assertNull(t.streamSpecification(), "AWS drops StreamSpecification once the stream is off");
        assertNotNull(t.latestStreamArn(), "and keeps naming the last stream");
        Tables.delete(name);
    }

    private String provisioned(String prefix, long read, long write) {
        return Tables.create(prefix, ScalarAttributeType.S, null, b -> b.billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(read).writeCapacityUnits(write)));
    }

    @Test
    void limitsAreTheAccountDefaults() {
        var limits = dynamo.describeLimits();
        assertEquals(40000L, limits.tableMaxReadCapacityUnits());
        assertEquals(80000L, limits.accountMaxWriteCapacityUnits());
    }

    private static OnDemandThroughput maxima(long read, long write) {
        return OnDemandThroughput.builder().maxReadRequestUnits(read).maxWriteRequestUnits(write).build();
    }

    /** The description once the table and its global indexes are all ACTIVE again. */
    private TableDescription settled(String name) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            TableDescription t = dynamo.describeTable(r -> r.tableName(name)).table();
            boolean indexesActive = t.globalSecondaryIndexes().stream().allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE);
            if ((t.tableStatus() == TableStatus.ACTIVE && indexesActive) || attempt == 600) return t;
            Thread.sleep(100);
        }
    }

    @Test
    void onDemandMaximaOfTheTableAndItsGlobalIndexesAreKeptAndChanged() throws InterruptedException {
        String name = Tables.create("tables-max", ScalarAttributeType.S, null, b -> b
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build())
                .onDemandThroughput(maxima(10, 5))
                .globalSecondaryIndexes(i -> i.indexName("by-g").keySchema(k -> k.attributeName("g").keyType("HASH"))
                        .projection(p -> p.projectionType("KEYS_ONLY")).onDemandThroughput(maxima(4, 3))));
        TableDescription created = settled(name);
        assertEquals(maxima(10, 5), created.onDemandThroughput());
        assertEquals(maxima(4, 3), created.globalSecondaryIndexes().get(0).onDemandThroughput());

        TableDescription answer = dynamo.updateTable(r -> r.tableName(name).onDemandThroughput(maxima(20, 15)))
                .tableDescription();
        assertEquals(maxima(20, 15), answer.onDemandThroughput());
        assertEquals(maxima(20, 15), settled(name).onDemandThroughput());

        dynamo.updateTable(r -> r.tableName(name).globalSecondaryIndexUpdates(u -> u.update(i -> i.indexName("by-g")
                .onDemandThroughput(maxima(8, 6)))));
        TableDescription updated = settled(name);
        assertEquals(maxima(8, 6), updated.globalSecondaryIndexes().get(0).onDemandThroughput());
        assertEquals(maxima(20, 15), updated.onDemandThroughput(), "the table's maxima stay as they were");
        Tables.delete(name);
    }
}
