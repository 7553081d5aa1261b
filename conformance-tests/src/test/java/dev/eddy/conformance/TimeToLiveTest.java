package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TimeToLiveTest {
    private final DynamoDbClient dynamo = Clients.dynamo();

    @Test
    void timeToLiveIsEnabledDescribedAndDisabled() {
        String table = Tables.create("ttl", ScalarAttributeType.S, null);
        assertEquals(TimeToLiveStatus.DISABLED, dynamo.describeTimeToLive(r -> r.tableName(table))
                .timeToLiveDescription().timeToLiveStatus());
        var spec = dynamo.updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires"))).timeToLiveSpecification();
        assertTrue(spec.enabled());
        assertEquals("expires", spec.attributeName());
        var description = dynamo.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
        assertTrue(description.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                || description.timeToLiveStatus() == TimeToLiveStatus.ENABLING, description.toString());
        assertEquals("expires", description.attributeName());
        Tables.delete(table);
    }

    @Test
    void enablingTwiceIsRefused() {
        String table = Tables.create("ttl", ScalarAttributeType.S, null);
        dynamo.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(s -> s.enabled(true).attributeName("exp")));
        assertValidation("TimeToLive is already enabled", () -> dynamo.updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("exp"))));
        Tables.delete(table);
    }

    @Test
    void aSpecificationNeedsAnAttributeAndAState() {
        String table = Tables.create("ttl", ScalarAttributeType.S, null);
        assertValidation("2 validation errors detected: Value null at 'timeToLiveSpecification.attributeName' failed "
                + "to satisfy constraint: Member must not be null; Value null at 'timeToLiveSpecification.enabled' "
                + "failed to satisfy constraint: Member must not be null",
                () -> dynamo.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(s -> { })));
        assertValidation("1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' failed to "
                + "satisfy constraint: Member must have length greater than or equal to 1",
                () -> dynamo.updateTimeToLive(r -> r.tableName(table)
                        .timeToLiveSpecification(s -> s.enabled(true).attributeName(""))));
        assertValidation("TimeToLive is already disabled", () -> dynamo.updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(s -> s.enabled(false).attributeName("exp"))));
        Tables.delete(table);
    }

    @Test
    void anotherAttributeIsRefusedWhileOneIsActive() {
        String table = Tables.create("ttl", ScalarAttributeType.S, null);
        dynamo.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(s -> s.enabled(true).attributeName("exp")));
        assertValidation("TimeToLive is active on a different AttributeName: current AttributeName is exp",
                () -> dynamo.updateTimeToLive(r -> r.tableName(table)
                        .timeToLiveSpecification(s -> s.enabled(true).attributeName("other"))));
        Tables.delete(table);
    }

    @Test
    void expiredItemsAreDeletedAndOthersKept() {
        Assumptions.assumeTrue(Endpoint.isEmbedded(), "moves Eddy's clock");
        String table = Tables.create("ttl", ScalarAttributeType.S, null);
        dynamo.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(s -> s.enabled(true).attributeName("exp")));
        long now = Instant.now().getEpochSecond();
        put(table, "soon", AttributeValue.fromN(Long.toString(now + 3600)));
        put(table, "later", AttributeValue.fromN(Long.toString(now + 3 * 86400)));
        put(table, "ancient", AttributeValue.fromN(Long.toString(now - 6L * 365 * 86400)));
        put(table, "text", AttributeValue.fromS(Long.toString(now - 10)));
        Endpoint.embedded().clock().advance(Duration.ofHours(2));
        Endpoint.embedded().expireItemsNow();
        assertFalse(exists(table, "soon"), "expired an hour ago");
        assertTrue(exists(table, "later"));
        assertTrue(exists(table, "ancient"), "expiry more than five years past is ignored");
        assertTrue(exists(table, "text"), "only numbers are expiry times");
        Tables.delete(table);
    }

    private void put(String table, String key, AttributeValue expiry) {
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(key), "exp", expiry)));
    }

    private boolean exists(String table, String key) {
        return dynamo.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS(key)))).hasItem();
    }
}
