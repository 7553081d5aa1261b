package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertError;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class TablesTest {
    private final DynamoDbClient dynamo = Clients.dynamo();

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
        assertEquals(3L, updated.provisionedThroughput().readCapacityUnits());
        assertEquals(4L, updated.provisionedThroughput().writeCapacityUnits());
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(name));
        var t = dynamo.describeTable(r -> r.tableName(name)).table();
        assertEquals(BillingMode.PROVISIONED, t.billingModeSummary().billingMode());
        assertEquals(4L, t.provisionedThroughput().writeCapacityUnits());
        Tables.delete(name);
    }

    @Test
    void updateTableWithNothingToChangeIsRefused() {
        String name = Tables.create("tables-noop", ScalarAttributeType.S, null);
        assertValidation(null, () -> dynamo.updateTable(r -> r.tableName(name)));
        Tables.delete(name);
    }

    @Test
    void limitsAreTheAccountDefaults() {
        var limits = dynamo.describeLimits();
        assertEquals(40000L, limits.tableMaxReadCapacityUnits());
        assertEquals(80000L, limits.accountMaxWriteCapacityUnits());
    }
}
