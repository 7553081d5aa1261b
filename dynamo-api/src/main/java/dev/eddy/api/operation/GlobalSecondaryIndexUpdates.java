package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.table.BillingMode;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.Projection;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.Throughput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UpdateTable's GlobalSecondaryIndexUpdates: Create, Update or Delete of one global index on
 * a live table. A created index is CREATING and backfilling until its existing items are
 * copied in; a deleted one is DELETING until its entries are gone.
 */
final class GlobalSecondaryIndexUpdates {
    private final String action;
    private final String indexName;
    private final List<TableShapes.KeyElement> keySchema;
    private final String projectionType;
    private final List<String> nonKeyAttributes;
    private final Throughput throughput;
    private final Map<String, AttributeValue.Type> definitions;
    private SecondaryIndex changed;

    private GlobalSecondaryIndexUpdates(String action, String indexName, List<TableShapes.KeyElement> keySchema,
                                        String projectionType, List<String> nonKeyAttributes, Throughput throughput,
                                        Map<String, AttributeValue.Type> definitions) {
        this.action = action;
        this.indexName = indexName;
        this.keySchema = keySchema;
        this.projectionType = projectionType;
        this.nonKeyAttributes = nonKeyAttributes;
        this.throughput = throughput;
        this.definitions = definitions;
    }

    static GlobalSecondaryIndexUpdates read(JsonObject in, Constraints c) {
        List<JsonObject> updates = in.objects("GlobalSecondaryIndexUpdates");
        if (updates == null) return null;
        Map<String, AttributeValue.Type> definitions = new LinkedHashMap<>();
        List<JsonObject> defs = in.objects("AttributeDefinitions");
        if (defs != null) {
            for (int i = 0; i < defs.size(); i++) {
                String path = "attributeDefinitions." + (i + 1) + ".member";
                String name = defs.get(i) == null ? null : defs.get(i).string("AttributeName");
                String type = defs.get(i) == null ? null : defs.get(i).string("AttributeType");
                c.notNull(path + ".attributeName", name).length(path + ".attributeName", name, 1, 255);
                c.notNull(path + ".attributeType", type).oneOf(path + ".attributeType", type, TableShapes.ATTRIBUTE_TYPES);
                if (name != null && type != null && TableShapes.ATTRIBUTE_TYPES.contains(type)) {
                    definitions.put(name, AttributeValue.Type.valueOf(type));
                }
            }
        }
        GlobalSecondaryIndexUpdates result = null;
        for (int i = 0; i < updates.size(); i++) {
            JsonObject u = updates.get(i);
            String path = "globalSecondaryIndexUpdates." + (i + 1) + ".member";
            if (u == null) continue;
            List<String> given = new ArrayList<>(1);
            for (String k : List.of("Create", "Update", "Delete")) if (u.object(k) != null) given.add(k);
            if (given.size() != 1) {
                throw TableShapes.invalid("Exactly one of Create, Update or Delete must be given in a GlobalSecondaryIndexUpdate");
            }
            String action = given.get(0);
            JsonObject a = u.object(action);
            String p = path + "." + action.toLowerCase();
            String name = a.string("IndexName");
            c.name(p + ".indexName", name, true);
            List<TableShapes.KeyElement> keys = null;
            String projectionType = null;
            List<String> nonKey = null;
            if (action.equals("Create")) {
                keys = TableShapes.globalIndexKeySchema(a, "KeySchema", p + ".keySchema", c);
                JsonObject projection = a.object("Projection");
                c.notNull(p + ".projection", projection);
                projectionType = projection == null ? null : projection.string("ProjectionType");
                c.oneOf(p + ".projection.projectionType", projectionType, TableShapes.PROJECTION_TYPES);
                nonKey = projection == null ? null : projection.strings("NonKeyAttributes");
            }
            Throughput throughput = TableShapes.throughput(a, "ProvisionedThroughput", p + ".provisionedThroughput", c);
            if (action.equals("Update")) c.notNull(p + ".provisionedThroughput", throughput);
            if (result != null) {
                throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Subscriber limit exceeded: Only 1 online index "
                        + "can be created or deleted simultaneously per table");
            }
            result = new GlobalSecondaryIndexUpdates(action, name, keys, projectionType, nonKey, throughput, definitions);
        }
        return result;
    }

    /** Applies the change to the table's definition, inside the catalog's update of it. */
    void apply(TableDefinition table, TableDefinition.Builder builder, ApiRequest request) {
        List<SecondaryIndex> gsis = new ArrayList<>(table.globalIndexes());
        SecondaryIndex existing = table.index(indexName);
        switch (action) {
            case "Create" -> {
                for (SecondaryIndex i : gsis) {
                    if (i.status() == SecondaryIndex.IndexStatus.CREATING || i.status() == SecondaryIndex.IndexStatus.DELETING) {
                        throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Subscriber limit exceeded: Only 1 online "
                                + "index can be created or deleted simultaneously per table");
                    }
                }
                if (existing != null) throw validation("Attempting to create an index which already exists");
                Map<String, AttributeValue.Type> attributes = new LinkedHashMap<>(table.attributeDefinitions());
                for (Map.Entry<String, AttributeValue.Type> d : definitions.entrySet()) {
                    AttributeValue.Type had = attributes.get(d.getKey());
                    if (had != null && had != d.getValue()) {
                        throw TableShapes.invalid("Cannot change the type of an existing attribute definition: "
                                + d.getKey());
                    }
                    attributes.put(d.getKey(), d.getValue());
                }
                KeySchema key = CreateTable.globalIndexKeySchema(keySchema, attributes);
                // The request must define the new index's keys, even those the table defines already.
                CreateTable.globalIndexKeySchema(keySchema, definitions);
                Projection projection = CreateTable.projection(indexName, projectionType, nonKeyAttributes);
                if (table.billingMode() == BillingMode.PROVISIONED && throughput == null) {
                    throw TableShapes.invalid("ProvisionedThroughput must be specified for index: " + indexName);
                }
                if (table.billingMode() == BillingMode.PAY_PER_REQUEST && throughput != null) {
                    throw TableShapes.invalid("ProvisionedThroughput should not be specified for index: " + indexName
                            + " when BillingMode is PAY_PER_REQUEST");
                }
                TableShapes.checkBounds(throughput);
                if (gsis.size() >= CreateTable.MAX_GLOBAL_INDEXES) {
                    throw TableShapes.invalid("GlobalSecondaryIndex count exceeds the per-table limit of "
                            + CreateTable.MAX_GLOBAL_INDEXES);
                }
                changed = new SecondaryIndex(indexName, request.emulator().catalog().newIndexId(), true, key, projection,
                        throughput == null ? Throughput.ON_DEMAND : throughput, SecondaryIndex.IndexStatus.CREATING, true);
                gsis.add(changed);
                builder.attributeDefinitions(usedDefinitions(table, attributes, gsis));
            }
            case "Update" -> {
                if (existing == null || !existing.global()) throw notFound();
                if (table.billingMode() == BillingMode.PAY_PER_REQUEST) {
                    throw TableShapes.invalid("ProvisionedThroughput should not be specified for index: " + indexName
                            + " when BillingMode is PAY_PER_REQUEST");
                }
                TableShapes.checkBounds(throughput);
                changed = existing.withThroughput(throughput);
                gsis.replaceAll(i -> i.id() == existing.id() ? changed : i);
            }
            default -> {
                if (existing == null || !existing.global()) throw notFound();
                if (existing.status() != SecondaryIndex.IndexStatus.ACTIVE) {
                    throw new DynamoException(ErrorCode.RESOURCE_IN_USE, "Attempt to change a resource which is still in use: "
                            + "Index " + indexName + " is not in ACTIVE state");
                }
                changed = existing.withStatus(SecondaryIndex.IndexStatus.DELETING, false);
                gsis.replaceAll(i -> i.id() == existing.id() ? changed : i);
            }
        }
        builder.globalIndexes(gsis);
    }

    /** Starts the background work of the change once the catalog holds it. */
    void started(TableDefinition table, ApiRequest request) {
        if (action.equals("Create")) request.emulator().indexes().backfill(table, changed);
        if (action.equals("Delete")) request.emulator().indexes().drop(table, changed);
    }

    private static Map<String, AttributeValue.Type> usedDefinitions(TableDefinition table,
                                                                    Map<String, AttributeValue.Type> attributes,
                                                                    List<SecondaryIndex> gsis) {
        List<KeyAttribute> used = new ArrayList<>(table.keySchema().attributes());
        for (SecondaryIndex i : table.localIndexes()) used.addAll(i.keySchema().attributes());
        for (SecondaryIndex i : gsis) used.addAll(i.keySchema().attributes());
        Map<String, AttributeValue.Type> out = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue.Type> e : attributes.entrySet()) {
            for (KeyAttribute k : used) if (k.name().equals(e.getKey())) out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private DynamoException notFound() {
        return new DynamoException(ErrorCode.RESOURCE_NOT_FOUND, "Requested resource not found: Index: " + indexName
                + " not found");
    }

    private static DynamoException validation(String message) {
        return new DynamoException(ErrorCode.VALIDATION, message);
    }
}
