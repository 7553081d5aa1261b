package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.api.operation.GlobalSecondaryIndexAction.Kind;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable's GlobalSecondaryIndexUpdates: Create, Update and Delete actions on the global
 * indexes of a live table, and what a change of billing mode does to those indexes. A created
 * index is CREATING and backfilling until its existing items are copied in; a deleted one is
 * DELETING until its entries are gone. As on AWS, one call may update several indexes but
 * create or delete only one, and each index is named at most once.
 */
final class GlobalSecondaryIndexUpdates {
    private static final String ONE_ONLINE_INDEX = "Subscriber limit exceeded: Only 1 online index can be created "
            + "or deleted simultaneously per table";

    private final boolean given;
    private final List<GlobalSecondaryIndexAction> actions;
    private final boolean definitionsGiven;
    private final Map<String, AttributeValue.Type> definitions;
    private final List<SecondaryIndex> created = new ArrayList<>();
    private final List<SecondaryIndex> deleted = new ArrayList<>();

    private GlobalSecondaryIndexUpdates(boolean given, List<GlobalSecondaryIndexAction> actions, boolean definitionsGiven,
                                        Map<String, AttributeValue.Type> definitions) {
        this.given = given;
        this.actions = actions;
        this.definitionsGiven = definitionsGiven;
        this.definitions = definitions;
    }

    /** Reads the member and AttributeDefinitions (used only by a Create) into field constraints. */
    static GlobalSecondaryIndexUpdates read(JsonObject in, Constraints c) {
        List<JsonObject> updates = in.objects("GlobalSecondaryIndexUpdates");
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
        List<GlobalSecondaryIndexAction> actions = new ArrayList<>();
        if (updates != null) {
            for (int i = 0; i < updates.size(); i++) {
                String path = "globalSecondaryIndexUpdates." + (i + 1) + ".member";
                JsonObject u = updates.get(i);
                if (u == null) {
                    c.notNull(path, null);
                    continue;
                }
                GlobalSecondaryIndexAction first = null;
                int given = 0;
                for (Kind k : Kind.values()) {
                    String member = k == Kind.CREATE ? "Create" : k == Kind.UPDATE ? "Update" : "Delete";
                    JsonObject a = u.object(member, member + "GlobalSecondaryIndexAction");
                    if (a == null) continue;
                    given++;
                    GlobalSecondaryIndexAction read =
                            GlobalSecondaryIndexAction.read(k, a, path + "." + member.toLowerCase(), c);
                    if (first == null) first = read;
                }
                actions.add(first == null ? GlobalSecondaryIndexAction.NONE : first.given(given));
            }
        }
        return new GlobalSecondaryIndexUpdates(updates != null, actions, defs != null && !defs.isEmpty(), definitions);
    }

    /** Whether the request has the member at all (an empty list included). */
    boolean given() {
        return given;
    }

    boolean isEmpty() {
        return actions.isEmpty();
    }

    boolean createsOrDeletes() {
        for (GlobalSecondaryIndexAction a : actions) if (a.kind() == Kind.CREATE || a.kind() == Kind.DELETE) return true;
        return false;
    }

    /**
     * The indexes this request's Updates put in UPDATING: those changing their provisioned or
     * on-demand throughput. One changing only its warm throughput stays ACTIVE, as on AWS.
     */
    Set<String> updating() {
        Set<String> names = new HashSet<>();
        for (GlobalSecondaryIndexAction a : actions) {
            if (a.kind() == Kind.UPDATE && (a.throughput() != null || a.onDemand())) names.add(a.indexName());
        }
        return names;
    }

    /** The rules AWS checks on the request alone, before it looks the table up. */
    void check() {
        Set<String> named = new HashSet<>();
        for (GlobalSecondaryIndexAction a : actions) {
            if (a.given() == 0) {
                throw TableShapes.invalid("One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                        + "GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            if (a.given() > 1) {
                throw TableShapes.invalid("Only one global secondary index action is allowed per "
                        + "GlobalSecondaryIndexUpdate object");
            }
            if (!named.add(a.indexName())) {
                throw TableShapes.invalid("Only one global secondary index update per index is allowed simultaneously. "
                        + "Index: " + a.indexName());
            }
            if (a.warmEmpty()) {
                throw TableShapes.invalid("WarmThroughput must have at least one of ReadUnitsPerSecond or "
                        + "WriteUnitsPerSecond specified for index: " + a.indexName());
            }
            if (a.kind() == Kind.CREATE && !definitionsGiven) {
                throw TableShapes.invalid("AttributeDefinitions is not specified for index: " + a.indexName());
            }
        }
    }

    /**
     * Applies the actions, and the switch of the table to {@code billing} if it is one, to the
     * table's global indexes, inside the catalog's update of the table. Each action is checked
     * against the table first, then the limits on index builds, then everything is applied.
     */
    void apply(TableDefinition table, BillingMode billing, Instant now, TableDefinition.Builder builder,
               ApiRequest request) {
        boolean switching = table.billingMode() != billing;
        Map<String, AttributeValue.Type> attributes = new LinkedHashMap<>(table.attributeDefinitions());
        Map<String, SecondaryIndex> creates = new LinkedHashMap<>();
        Map<String, Throughput> throughputs = new LinkedHashMap<>();
        Set<String> deletes = new HashSet<>();
        // Two builds in one request are over the limit before either index is looked up.
        long builds = actions.stream().filter(a -> a.kind() != Kind.UPDATE).count();
        if (builds > 1) throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, ONE_ONLINE_INDEX);
        for (GlobalSecondaryIndexAction a : actions) {
            SecondaryIndex existing = table.index(a.indexName());
            switch (a.kind()) {
                case CREATE -> {
                    creates.put(a.indexName(), create(table, a, existing, billing, attributes));
                    TableShapes.checkQuota(a.throughput(), a.indexName(), request.region());
                }
                case UPDATE -> {
                    checkExisting(table, a, existing, "update");
                    Throughput t = update(table, a, existing, billing, switching, now);
                    TableShapes.checkQuota(t, a.indexName(), request.region());
                    if (t != null) throughputs.put(a.indexName(), t);
                }
                case DELETE -> {
                    checkExisting(table, a, existing, "delete");
                    deletes.add(a.indexName());
                }
            }
        }
        if (switching && billing == BillingMode.PROVISIONED) {
            List<String> unprovisioned = new ArrayList<>();
            for (SecondaryIndex i : table.globalIndexes()) {
                if (i.status() != SecondaryIndex.IndexStatus.DELETING && !deletes.contains(i.name())
                        && !throughputs.containsKey(i.name())) {
                    unprovisioned.add(i.name());
                }
            }
            if (!unprovisioned.isEmpty()) {
                throw TableShapes.invalid("ProvisionedThroughput must be specified for index: "
                        + String.join(",", unprovisioned));
            }
        }
        checkLimits(table, creates.size(), deletes);

        List<SecondaryIndex> gsis = new ArrayList<>();
        for (SecondaryIndex i : table.globalIndexes()) {
            if (deletes.contains(i.name())) {
                SecondaryIndex dropping = i.withStatus(SecondaryIndex.IndexStatus.DELETING, false);
                deleted.add(dropping);
                gsis.add(dropping);
            } else {
                SecondaryIndex kept = throughputs.containsKey(i.name()) ? i.withThroughput(throughputs.get(i.name()))
                        : billing == BillingMode.PAY_PER_REQUEST ? i.withThroughput(Throughput.ON_DEMAND) : i;
                for (GlobalSecondaryIndexAction a : actions) {
                    if (a.kind() == Kind.UPDATE && a.onDemand() && a.indexName().equals(i.name())) {
                        kept = kept.withOnDemandThroughput(
                                TableShapes.onDemandThroughput(a.onDemandGiven(), i.onDemandThroughput()));
                    }
                }
                gsis.add(kept);
            }
        }
        for (SecondaryIndex draft : creates.values()) {
            SecondaryIndex index = new SecondaryIndex(draft.name(), request.emulator().catalog().newIndexId(), true,
                    draft.keySchema(), draft.projection(), draft.throughput(), SecondaryIndex.IndexStatus.CREATING, true,
                    draft.onDemandThroughput());
            created.add(index);
            gsis.add(index);
        }
        if (!creates.isEmpty()) builder.attributeDefinitions(usedDefinitions(table, attributes, gsis));
        builder.globalIndexes(gsis);
    }

    /** A Create checked against the table; the index it drafts has no id yet. */
    private SecondaryIndex create(TableDefinition table, GlobalSecondaryIndexAction a, SecondaryIndex existing,
                                  BillingMode billing, Map<String, AttributeValue.Type> attributes) {
        if (existing != null) throw validation("Attempting to create an index which already exists");
        for (Map.Entry<String, AttributeValue.Type> d : definitions.entrySet()) {
            AttributeValue.Type had = attributes.get(d.getKey());
            if (had != null && had != d.getValue()) throw redefined(table, d.getKey(), a);
            attributes.put(d.getKey(), d.getValue());
        }
        KeySchema key = CreateTable.globalIndexKeySchema(a.keySchema(), attributes);
        // The request must define the new index's keys, even those the table defines already.
        CreateTable.globalIndexKeySchema(a.keySchema(), definitions);
        Projection projection = CreateTable.projection(a.indexName(), a.projectionType(), a.nonKeyAttributes());
        if (billing == BillingMode.PROVISIONED && a.throughput() == null) {
            throw TableShapes.invalid("Both ReadCapacityUnits and WriteCapacityUnits must be specified for index: "
                    + a.indexName());
        }
        if (billing == BillingMode.PAY_PER_REQUEST && a.throughput() != null) {
            throw TableShapes.invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: "
                    + a.indexName() + " when BillingMode is PAY_PER_REQUEST");
        }
        TableShapes.checkBounds(a.throughput());
        return new SecondaryIndex(a.indexName(), 0, true, key, projection,
                a.throughput() == null ? Throughput.ON_DEMAND : a.throughput(), SecondaryIndex.IndexStatus.CREATING, true,
                a.onDemand() ? TableShapes.onDemandThroughput(a.onDemandGiven(), null) : null);
    }

    /**
     * AWS's text for a new index that defines an attribute with another type than the key
     * schema already using it: both schemas, each element as {@code key{name:type:keyType}}.
     */
    private DynamoException redefined(TableDefinition table, String attribute, GlobalSecondaryIndexAction a) {
        KeySchema existing = table.keySchema();
        for (SecondaryIndex i : table.indexes()) {
            if (!existing.isKeyAttribute(attribute) && i.keySchema().isKeyAttribute(attribute)) existing = i.keySchema();
        }
        List<String> added = new ArrayList<>();
        for (TableShapes.KeyElement e : a.keySchema()) {
            added.add(element(e.attributeName(), definitions.get(e.attributeName()), e.keyType()));
        }
        List<String> had = new ArrayList<>();
        for (KeyAttribute k : existing.partitionKeys()) had.add(element(k.name(), k.type(), "HASH"));
        for (KeyAttribute k : existing.sortKeys()) had.add(element(k.name(), k.type(), "RANGE"));
        return TableShapes.invalid("Attributes cannot be redefined. Please check that your attribute has the same type "
                + "as previously defined. Existing schema: Schema:[" + String.join(", ", had) + "] New schema: Schema:["
                + String.join(", ", added) + "]");
    }

    private static String element(String name, AttributeValue.Type type, String keyType) {
        return "SchemaElement: key{" + name + ":" + (type == null ? "?" : type.name()) + ":" + keyType + "}";
    }

    private static void checkExisting(TableDefinition table, GlobalSecondaryIndexAction a, SecondaryIndex existing,
                                      String verb) {
        if (existing == null) {
            throw new DynamoException(ErrorCode.RESOURCE_NOT_FOUND, "Requested resource not found: Index "
                    + a.indexName() + " for table " + table.name());
        }
        if (!existing.global()) {
            throw validation("Cannot " + verb + " an index that is not a GlobalSecondaryIndex: " + a.indexName());
        }
        if (existing.status() == SecondaryIndex.IndexStatus.DELETING) {
            throw new DynamoException(ErrorCode.RESOURCE_IN_USE, "Attempt to change a resource which is still in use: "
                    + "Index is being deleted. Table: " + table.name() + " Index: " + a.indexName());
        }
    }

    /**
     * The index's new provisioned throughput, or null when the Update changes none. On demand,
     * only OnDemandThroughput and WarmThroughput may change, which {@link #apply} keeps.
     */
    private static Throughput update(TableDefinition table, GlobalSecondaryIndexAction a, SecondaryIndex existing,
                                     BillingMode billing, boolean switching, Instant now) {
        if (billing == BillingMode.PAY_PER_REQUEST) {
            if (a.throughput() != null || !(a.onDemand() || a.warm())) {
                throw TableShapes.invalid("The only Updates for index: " + a.indexName() + " when TableThroughputMode "
                        + "is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput");
            }
            return null;
        }
        if (a.throughput() == null) {
            if (!(a.onDemand() || a.warm())) {
                throw TableShapes.invalid("ProvisionedThroughput must be specified for index: " + a.indexName());
            }
            return null;
        }
        TableShapes.checkBounds(a.throughput());
        if (switching) return a.throughput();
        return TableShapes.changedThroughput(existing.throughput(), a.throughput(), now,
                "the index " + a.indexName(), "index " + a.indexName());
    }

    /**
     * AWS's limits on index builds against those under way, checked after every action passed
     * its own checks.
     */
    private static void checkLimits(TableDefinition table, int creates, Set<String> deletes) {
        if (creates + deletes.size() == 0) return;
        for (SecondaryIndex i : table.globalIndexes()) {
            boolean building = i.status() == SecondaryIndex.IndexStatus.CREATING
                    || i.status() == SecondaryIndex.IndexStatus.DELETING;
            if (building && !deletes.contains(i.name())) {
                throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, ONE_ONLINE_INDEX);
            }
        }
        if (creates > 0 && table.globalIndexes().size() >= CreateTable.MAX_GLOBAL_INDEXES) {
            throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Subscriber limit exceeded: Number of global secondary "
                    + "indexes exceeds per-table limit of " + CreateTable.MAX_GLOBAL_INDEXES);
        }
    }

    /** Starts the background work of the changes once the catalog holds them. */
    void started(TableDefinition table, ApiRequest request) {
        for (SecondaryIndex i : created) request.emulator().indexes().backfill(table, i);
        for (SecondaryIndex i : deleted) request.emulator().indexes().drop(table, i);
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

    private static DynamoException validation(String message) {
        return new DynamoException(ErrorCode.VALIDATION, message);
    }
}
