package dev.eddy.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates test tables with unique names, waits until they are ACTIVE, and names keys by shape. */
public final class Tables {
    private Tables() {
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A table keyed by {@code pk} (of type pkType) and, when sortKeyType is not null, {@code sk}. */
    public static String create(String prefix, ScalarAttributeType partitionKeyType, ScalarAttributeType sortKeyType) {
        return create(prefix, partitionKeyType, sortKeyType, b -> { });
    }

    public static String create(String prefix, ScalarAttributeType partitionKeyType, ScalarAttributeType sortKeyType,
                                java.util.function.Consumer<CreateTableRequest.Builder> customise) {
        String name = uniqueName(prefix);
        List<AttributeDefinition> definitions = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        definitions.add(AttributeDefinition.builder().attributeName("pk").attributeType(partitionKeyType).build());
        keys.add(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());
        if (sortKeyType != null) {
            definitions.add(AttributeDefinition.builder().attributeName("sk").attributeType(sortKeyType).build());
            keys.add(KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
        }
        CreateTableRequest.Builder b = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(definitions)
                .keySchema(keys)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        customise.accept(b);
        DynamoDbClient client = Clients.dynamo();
        client.createTable(b.build());
        client.waiter().waitUntilTableExists(r -> r.tableName(name));
        return name;
    }

    /** A table keyed by string pk, with a global index "by-{attribute}" on the string {@code attribute}. */
    public static String createWithIndex(String prefix, String attribute, ProjectionType projection) {
        return create(prefix, ScalarAttributeType.S, null, b -> b
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.S).build())
                .globalSecondaryIndexes(i -> i.indexName("by-" + attribute)
                        .keySchema(k -> k.attributeName(attribute).keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(projection))));
    }

    public static void delete(String name) {
        Clients.dynamo().deleteTable(r -> r.tableName(name));
    }
}
