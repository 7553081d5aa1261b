package dev.eddy.core.write;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.expression.Path;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.Binary;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Takes primary keys out of items and key maps, with DynamoDB's checks and messages. */
public final class Keys {
    public static final int MAX_PARTITION_KEY_BYTES = 2048;
    public static final int MAX_SORT_KEY_BYTES = 1024;

    private Keys() {
    }

    /** The key of an item about to be written (PutItem, a Put in a batch or transaction). */
    public static PrimaryKey fromItem(TableDefinition table, Map<String, AttributeValue> item) {
        KeySchema schema = table.keySchema();
        AttributeValue partition = keyAttributeOfItem(schema.partitionKey(), item);
        AttributeValue sort = schema.hasSortKey() ? keyAttributeOfItem(schema.sortKey(), item) : null;
        checkSizes(partition, sort);
        checkIndexKeys(table, item);
        return new PrimaryKey(partition, sort);
    }

    /**
     * The key of a PutRequest's item in BatchWriteItem. There DynamoDB answers a key attribute
     * that is missing or of another type as it answers a bad {@code Key}, not with PutItem's
     * messages; sizes, empty values and index keys are checked as for PutItem.
     */
    public static PrimaryKey fromBatchItem(TableDefinition table, Map<String, AttributeValue> item) {
        for (KeyAttribute k : table.keySchema().attributes()) {
            AttributeValue v = item.get(k.name());
            if (v == null || v.type() != k.type()) throw keyDoesNotMatchSchema();
        }
        return fromItem(table, item);
    }

    /** The key named by a request's {@code Key} (GetItem, DeleteItem, UpdateItem). */
    public static PrimaryKey fromKey(TableDefinition table, Map<String, AttributeValue> key) {
        KeySchema schema = table.keySchema();
        int expected = schema.hasSortKey() ? 2 : 1;
        AttributeValue partition = key.get(schema.partitionKey().name());
        AttributeValue sort = schema.hasSortKey() ? key.get(schema.sortKey().name()) : null;
        if (key.size() != expected || partition == null || (schema.hasSortKey() && sort == null)
                || partition.type() != schema.partitionKey().type()
                || (sort != null && sort.type() != schema.sortKey().type())) {
            throw keyDoesNotMatchSchema();
        }
        checkNotEmpty(schema.partitionKey(), partition);
        if (sort != null) checkNotEmpty(schema.sortKey(), sort);
        checkSizes(partition, sort);
        return new PrimaryKey(partition, sort);
    }

    /**
     * Index key attributes an item carries must have the index's key type; an item without
     * them simply stays out of the index (a sparse index).
     */
    public static void checkIndexKeys(TableDefinition table, Map<String, AttributeValue> item) {
        checkIndexKeys(table, item, null);
    }

    /**
     * The same for the item an update made. DynamoDB finds most wrong types in the update
     * itself ({@link #checkIndexKeyTypes}); one that comes from the item, such as
     * {@code SET c = e}, gets a message of its own.
     */
    public static void checkIndexKeysAfterUpdate(TableDefinition table, Map<String, AttributeValue> item) {
        checkIndexKeys(table, item, "The update expression attempted to update the secondary index key to unsupported type");
    }

    /**
     * Refuses an update whose values have, by the update alone, a type other than an index
     * key's: the message PutItem gives such an item, before the update is looked at further.
     */
    public static void checkIndexKeyTypes(TableDefinition table, Map<String, AttributeValue.Type> types) {
        for (SecondaryIndex index : table.indexes()) {
            for (KeyAttribute k : index.keySchema().attributes()) {
                if (table.keySchema().isKeyAttribute(k.name())) continue;
                AttributeValue.Type type = types.get(k.name());
                if (type != null && type != k.type()) throw indexKeyTypeMismatch(index, k, type);
            }
        }
    }

    private static DynamoException indexKeyTypeMismatch(SecondaryIndex index, KeyAttribute k, AttributeValue.Type actual) {
        return new DynamoException(ErrorCode.VALIDATION, "One or more parameter values were invalid: Type mismatch for Index Key "
                + k.name() + " Expected: " + k.type() + " Actual: " + actual + " IndexName: " + index.name());
    }

    private static void checkIndexKeys(TableDefinition table, Map<String, AttributeValue> item, String mismatchMessage) {
        for (SecondaryIndex index : table.indexes()) {
            for (KeyAttribute k : index.keySchema().attributes()) {
                if (table.keySchema().isKeyAttribute(k.name())) continue;
                AttributeValue v = item.get(k.name());
                if (v == null) continue;
                if (v.type() != k.type()) {
                    throw mismatchMessage == null ? indexKeyTypeMismatch(index, k, v.type())
                            : new DynamoException(ErrorCode.VALIDATION, mismatchMessage);
                }
                if (isEmpty(v)) {
                    throw new DynamoException(ErrorCode.VALIDATION,
                            "One or more parameter values are not valid. A value specified for a secondary index key "
                                    + "is not supported. The AttributeValue for a key attribute cannot contain an empty "
                                    + "string value. IndexName: " + index.name() + ", IndexKey: " + k.name());
                }
            }
        }
    }

    private static DynamoException keyDoesNotMatchSchema() {
        return new DynamoException(ErrorCode.VALIDATION, "The provided key element does not match the schema");
    }

    private static AttributeValue keyAttributeOfItem(KeyAttribute k, Map<String, AttributeValue> item) {
        AttributeValue v = item.get(k.name());
        if (v == null) {
            throw new DynamoException(ErrorCode.VALIDATION,
                    "One or more parameter values were invalid: Missing the key " + k.name() + " in the item");
        }
        if (v.type() != k.type()) {
            throw new DynamoException(ErrorCode.VALIDATION,
                    "One or more parameter values were invalid: Type mismatch for key " + k.name()
                            + " expected: " + k.type() + " actual: " + v.type());
        }
        checkNotEmpty(k, v);
        return v;
    }

    private static void checkNotEmpty(KeyAttribute k, AttributeValue v) {
        if (isEmpty(v)) {
            String what = v.type() == AttributeValue.Type.S ? "string" : "binary";
            throw new DynamoException(ErrorCode.VALIDATION,
                    "One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
                            + "contain an empty " + what + " value. Key: " + k.name());
        }
    }

    private static boolean isEmpty(AttributeValue v) {
        if (v instanceof AttributeValue.S s) return s.value().isEmpty();
        if (v instanceof AttributeValue.B b) return b.value().length() == 0;
        return false;
    }

    /**
     * Refuses document paths that reach into a key attribute ({@code pk.x}, {@code pk[0]}): keys
     * are scalars. As DynamoDB does, the table's key attributes are looked at first, in key
     * schema order, then those of its indexes, and the first one reached into is named.
     */
    public static void refuseNestedKeyPaths(TableDefinition table, Collection<Path> paths) {
        Set<String> reachedInto = reachedInto(paths);
        for (KeyAttribute k : table.keySchema().attributes()) {
            if (reachedInto.contains(k.name())) throw keysAreScalars("Key: " + k.name());
        }
        refuseIndexKeys(table, reachedInto);
    }

    /** The same for the indexes' key attributes only: an update meets the table's own in another rule. */
    public static void refuseNestedIndexKeyPaths(TableDefinition table, Collection<Path> paths) {
        refuseIndexKeys(table, reachedInto(paths));
    }

    private static void refuseIndexKeys(TableDefinition table, Set<String> reachedInto) {
        if (reachedInto.isEmpty()) return;
        for (SecondaryIndex index : table.indexes()) {
            for (KeyAttribute k : index.keySchema().attributes()) {
                if (reachedInto.contains(k.name())) throw keysAreScalars("IndexKey: " + k.name());
            }
        }
    }

    private static Set<String> reachedInto(Collection<Path> paths) {
        Set<String> names = new HashSet<>();
        for (Path p : paths) if (p.depth() > 1) names.add(p.attribute());
        return names;
    }

    private static DynamoException keysAreScalars(String which) {
        return new DynamoException(ErrorCode.VALIDATION,
                "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: " + which);
    }

    /** Whether key values fit DynamoDB's key size limits ({@code sort} null for none). */
    public static boolean withinSizeLimits(AttributeValue partition, AttributeValue sort) {
        return keySize(partition) <= MAX_PARTITION_KEY_BYTES && (sort == null || keySize(sort) <= MAX_SORT_KEY_BYTES);
    }

    private static void checkSizes(AttributeValue partition, AttributeValue sort) {
        if (keySize(partition) > MAX_PARTITION_KEY_BYTES) {
            throw new DynamoException(ErrorCode.VALIDATION,
                    "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of"
                            + MAX_PARTITION_KEY_BYTES + " bytes");
        }
        if (sort != null && keySize(sort) > MAX_SORT_KEY_BYTES) {
            throw new DynamoException(ErrorCode.VALIDATION,
                    "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size "
                            + "limit of " + MAX_SORT_KEY_BYTES + " bytes");
        }
    }

    private static long keySize(AttributeValue v) {
        if (v instanceof AttributeValue.B b) {
            Binary bin = b.value();
            return bin.length();
        }
        return ItemSize.of(v);
    }
}
