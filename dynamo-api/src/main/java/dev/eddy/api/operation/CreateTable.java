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
import dev.eddy.core.table.StreamSpecification;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.TableStatus;
import dev.eddy.core.table.OnDemandThroughput;
import dev.eddy.core.table.Throughput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CreateTable: validates the definition in AWS's order, then registers the table. */
public final class CreateTable implements Operation {
    static final int MAX_LOCAL_INDEXES = 5;
    static final int MAX_GLOBAL_INDEXES = 20;

    private record IndexRequest(String name, List<TableShapes.KeyElement> keySchema, String projectionType,
                                List<String> nonKeyAttributes, Throughput throughput, OnDemandThroughput onDemand) {
    }

    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        Constraints c = new Constraints();
        String tableName = in.string("TableName");
        List<String[]> definitions = attributeDefinitions(in, c);
        c.name("tableName", tableName, true);
        Throughput throughput = TableShapes.throughput(in, "ProvisionedThroughput", "provisionedThroughput", c);
        List<TableShapes.KeyElement> keySchema = TableShapes.keySchema(in, "KeySchema", "keySchema", c);
        List<IndexRequest> lsis = indexes(in, "LocalSecondaryIndexes", "localSecondaryIndexes", false, c);
        List<IndexRequest> gsis = indexes(in, "GlobalSecondaryIndexes", "globalSecondaryIndexes", true, c);
        String billingMode = in.string("BillingMode");
        c.oneOf("billingMode", billingMode, TableShapes.BILLING_MODES);
        TableShapes.StreamRequest stream = TableShapes.stream(in, c);
        TableShapes.SseRequest sse = TableShapes.sse(in, c);
        OnDemandThroughput onDemand = TableShapes.onDemandThroughput(in, null);
        String tableClass = in.string("TableClass");
        Boolean deletionProtection = in.bool("DeletionProtectionEnabled");
        List<Tagging.Tag> tags = Tagging.read(in);
        c.throwIfAny();
        TableShapes.checkTableClass(tableClass);

        BillingMode billing = billingMode == null ? BillingMode.PROVISIONED : BillingMode.valueOf(billingMode);
        checkBilling(billing, throughput, gsis);
        TableShapes.checkBounds(throughput);
        Map<String, String> tagMap = tags == null ? Map.of() : Tagging.check(tags);

        if (definitions.isEmpty()) throw TableShapes.invalidKeySchema("Some index key attribute have no definition");
        Map<String, AttributeValue.Type> attributes = new LinkedHashMap<>();
        for (String[] d : definitions) {
            if (attributes.put(d[0], AttributeValue.Type.valueOf(d[1])) != null) {
                throw new DynamoException(ErrorCode.VALIDATION, "Attribute Name is duplicated: " + d[0]);
            }
        }
        KeySchema tableKey = keySchema(keySchema, attributes, true);
        Set<String> usedAttributes = new LinkedHashSet<>();
        for (KeyAttribute k : tableKey.attributes()) usedAttributes.add(k.name());
        if (lsis == null && gsis == null && usedAttributes.size() != attributes.size()) {
            throw TableShapes.invalid("Number of attributes in KeySchema does not exactly match number of "
                    + "attributes defined in AttributeDefinitions");
        }
        List<SecondaryIndex> localIndexes = new ArrayList<>();
        Set<String> indexNames = new HashSet<>();
        if (lsis != null) {
            if (lsis.isEmpty()) throw TableShapes.invalid("List of LocalSecondaryIndexes is empty");
            if (!tableKey.hasSortKey()) {
                throw TableShapes.invalid("Table KeySchema does not have a range key, which is required when "
                        + "specifying a LocalSecondaryIndex");
            }
            for (IndexRequest i : lsis) {
                KeySchema indexKey = keySchema(i.keySchema(), attributes, false);
                if (!indexKey.hasSortKey()) {
                    throw TableShapes.invalid("Index KeySchema does not have a range key for index: " + i.name());
                }
                if (!indexKey.partitionKey().name().equals(tableKey.partitionKey().name())) {
                    throw TableShapes.invalid("Index KeySchema does not have the same leading hash key as table "
                            + "KeySchema for index: " + i.name() + ". index hash key: " + indexKey.partitionKey().name()
                            + ", table hash key: " + tableKey.partitionKey().name());
                }
                Projection projection = projection(i);
                if (!indexNames.add(i.name())) throw TableShapes.invalid("Duplicate index name: " + i.name());
                localIndexes.add(new SecondaryIndex(i.name(), 0, false, indexKey, projection, Throughput.ON_DEMAND,
                        SecondaryIndex.IndexStatus.ACTIVE, false));
            }
            if (lsis.size() > MAX_LOCAL_INDEXES) {
                throw TableShapes.invalid("Number of LocalSecondaryIndexes exceeds per-table limit of " + MAX_LOCAL_INDEXES);
            }
        }
        List<SecondaryIndex> globalIndexes = new ArrayList<>();
        if (gsis != null) {
            if (gsis.isEmpty()) throw TableShapes.invalid("List of GlobalSecondaryIndexes is empty");
            for (IndexRequest i : gsis) {
                KeySchema indexKey = globalIndexKeySchema(i.keySchema(), attributes);
                Projection projection = projection(i);
                if (!indexNames.add(i.name())) throw TableShapes.invalid("Duplicate index name: " + i.name());
                TableShapes.checkBounds(i.throughput());
                globalIndexes.add(new SecondaryIndex(i.name(), 0, true, indexKey, projection,
                        i.throughput() == null ? Throughput.ON_DEMAND : i.throughput(),
                        SecondaryIndex.IndexStatus.ACTIVE, false, i.onDemand()));
            }
            if (gsis.size() > MAX_GLOBAL_INDEXES) {
                throw TableShapes.invalid("GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GLOBAL_INDEXES);
            }
        }
        // Checked after the indexes, as DynamoDB does: an empty list of indexes, an index key
        // without a definition and the like are named first.
        for (List<IndexRequest> indexes : Arrays.asList(lsis, gsis)) {
            if (indexes == null) continue;
            for (IndexRequest i : indexes) {
                for (TableShapes.KeyElement e : i.keySchema()) usedAttributes.add(e.attributeName());
            }
        }
        if (!usedAttributes.containsAll(attributes.keySet())) {
            throw TableShapes.invalid("Some AttributeDefinitions are not used. AttributeDefinitions: "
                    + attributes.keySet() + ", keys used: " + usedAttributes);
        }
        StreamSpecification streamSpec = stream == null ? StreamSpecification.DISABLED
                : TableShapes.streamSpecification(stream, true);
        if (sse != null) TableShapes.checkSse(sse);
        if (billing == BillingMode.PROVISIONED) {
            TableShapes.checkQuota(throughput, null, request.region());
            for (SecondaryIndex i : globalIndexes) TableShapes.checkQuota(i.throughput(), i.name(), request.region());
        }

        TableDefinition draft = TableDefinition.builder()
                .region(request.region())
                .name(tableName)
                .keySchema(tableKey)
                .attributeDefinitions(attributes)
                .billingMode(billing)
                .throughput(billing == BillingMode.PAY_PER_REQUEST ? Throughput.ON_DEMAND : throughput)
                .stream(streamSpec)
                .deletionProtection(Boolean.TRUE.equals(deletionProtection))
                .tableClass(tableClass == null ? "STANDARD" : tableClass)
                .localIndexes(localIndexes)
                .globalIndexes(globalIndexes)
                .tags(tagMap)
                .kmsMasterKeyArn(sse == null ? null : TableShapes.kmsMasterKeyArn(sse, request.region()))
                .onDemandThroughput(onDemand)
                .build();
        TableDefinition created = request.emulator().catalog().create(draft);
        return g -> {
            g.writeStartObject();
            g.writeFieldName("TableDescription");
            TableDescriptionJson.write(g, created, TableStatus.CREATING, request.emulator().store(),
                    TableDescriptionJson.View.CREATED);
            g.writeEndObject();
        };
    }

    /** AttributeDefinitions as name/type pairs; AWS checks each type before its name. */
    private static List<String[]> attributeDefinitions(JsonObject in, Constraints c) {
        List<JsonObject> objects = in.objects("AttributeDefinitions");
        c.notNull("attributeDefinitions", objects);
        List<String[]> definitions = new ArrayList<>();
        if (objects == null) return definitions;
        for (int i = 0; i < objects.size(); i++) {
            JsonObject d = objects.get(i);
            String path = "attributeDefinitions." + (i + 1) + ".member";
            String name = d == null ? null : d.string("AttributeName");
            String type = d == null ? null : d.string("AttributeType");
            c.notNull(path + ".attributeType", type).oneOf(path + ".attributeType", type, TableShapes.ATTRIBUTE_TYPES);
            c.notNull(path + ".attributeName", name).length(path + ".attributeName", name, 1, 255);
            definitions.add(new String[] {name, type});
        }
        return definitions;
    }

    private static void checkBilling(BillingMode billing, Throughput throughput, List<IndexRequest> gsis) {
        if (billing == BillingMode.PROVISIONED) {
            if (throughput == null) {
                throw TableShapes.invalid("ReadCapacityUnits and WriteCapacityUnits must both be specified when "
                        + "BillingMode is PROVISIONED");
            }
            if (gsis != null) {
                for (IndexRequest i : gsis) {
                    if (i.throughput() == null) {
                        // UpdateTable words this rule "must be specified for index".
                        throw TableShapes.invalid("ProvisionedThroughput is not specified for index: " + i.name());
                    }
                }
            }
        } else {
            if (throughput != null) {
                throw TableShapes.invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when "
                        + "BillingMode is PAY_PER_REQUEST");
            }
            if (gsis != null) {
                for (IndexRequest i : gsis) {
                    if (i.throughput() != null) {
                        throw TableShapes.invalid("ProvisionedThroughput should not be specified for index: "
                                + i.name() + " when BillingMode is PAY_PER_REQUEST");
                    }
                }
            }
        }
    }

    private static DynamoException undefinedKeys(List<String> names, Map<String, AttributeValue.Type> attributes) {
        return TableShapes.invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: "
                + names + ", AttributeDefinitions: " + attributes.keySet());
    }

    private static DynamoException firstNotHash() {
        return TableShapes.invalidKeySchema("The first KeySchemaElement is not a HASH key type");
    }

    /** A key schema checked against the attribute definitions, with AWS's messages. */
    static KeySchema keySchema(List<TableShapes.KeyElement> elements, Map<String, AttributeValue.Type> attributes,
                               boolean forTable) {
        List<String> names = new ArrayList<>();
        for (TableShapes.KeyElement e : elements) names.add(e.attributeName());
        boolean sameNamesOneDefinition = elements.size() == 2 && names.get(0).equals(names.get(1))
                && attributes.size() == 1;
        if (forTable && sameNamesOneDefinition) {
            throw TableShapes.invalidKeySchema("Some index key attribute have no definition");
        }
        for (String n : names) {
            if (!attributes.containsKey(n)) {
                if (elements.size() == 2 && forTable) {
                    throw TableShapes.invalidKeySchema("Some index key attribute have no definition");
                }
                throw undefinedKeys(names, attributes);
            }
        }
        if (elements.size() == 2 && names.get(0).equals(names.get(1))) {
            throw new DynamoException(ErrorCode.VALIDATION,
                    "Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!elements.get(0).keyType().equals("HASH")) {
            throw firstNotHash();
        }
        if (elements.size() == 2 && !elements.get(1).keyType().equals("RANGE")) {
            throw TableShapes.invalidKeySchema("The second KeySchemaElement is not a RANGE key type");
        }
        KeyAttribute partition = new KeyAttribute(names.get(0), attributes.get(names.get(0)));
        KeyAttribute sort = elements.size() == 2 ? new KeyAttribute(names.get(1), attributes.get(names.get(1))) : null;
        return new KeySchema(partition, sort);
    }

    /**
     * A global index's key schema, which may have up to four partition key (HASH) attributes
     * followed by up to four sort key (RANGE) attributes; one of a partition key and an
     * optional sort key is checked as any other key schema.
     */
    static KeySchema globalIndexKeySchema(List<TableShapes.KeyElement> elements, Map<String, AttributeValue.Type> attributes) {
        if (elements.size() == 1 || (elements.size() == 2 && "RANGE".equals(elements.get(1).keyType()))) {
            return keySchema(elements, attributes, false);
        }
        List<String> names = new ArrayList<>();
        for (TableShapes.KeyElement e : elements) names.add(e.attributeName());
        if (!attributes.keySet().containsAll(names)) {
            throw undefinedKeys(names, attributes);
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new DynamoException(ErrorCode.VALIDATION, "The KeySchema contains multiple key attributes with the same name");
        }
        if (!elements.get(0).keyType().equals("HASH")) {
            throw firstNotHash();
        }
        List<KeyAttribute> partition = new ArrayList<>();
        List<KeyAttribute> sort = new ArrayList<>();
        for (TableShapes.KeyElement e : elements) {
            boolean hash = e.keyType().equals("HASH");
            if (hash && !sort.isEmpty()) {
                throw TableShapes.invalid("All HASH key attributes must precede RANGE key attributes in the KeySchema");
            }
            (hash ? partition : sort).add(new KeyAttribute(e.attributeName(), attributes.get(e.attributeName())));
        }
        if (partition.size() > KeySchema.MAX_ATTRIBUTES_PER_KEY) {
            throw TableShapes.invalid("The KeySchema exceeds the maximum allowed number of HASH key attributes");
        }
        if (sort.size() > KeySchema.MAX_ATTRIBUTES_PER_KEY) {
            throw TableShapes.invalid("The KeySchema exceeds the maximum allowed number of RANGE key attributes");
        }
        return new KeySchema(partition, sort);
    }

    static Projection projection(IndexRequest i) {
        return projection(i.name(), i.projectionType(), i.nonKeyAttributes());
    }

    /** An index's projection, as CreateTable and UpdateTable take it: no attribute named twice. */
    static Projection projection(String indexName, String projectionType, List<String> nonKeyAttributes) {
        if (projectionType == null) throw TableShapes.invalid("Unknown ProjectionType: null");
        if (nonKeyAttributes != null && !projectionType.equals("INCLUDE")) {
            throw TableShapes.invalid("ProjectionType is " + projectionType + ", but NonKeyAttributes is specified");
        }
        if (projectionType.equals("INCLUDE") && nonKeyAttributes == null) {
            throw TableShapes.invalid("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }
        if (nonKeyAttributes != null) {
            Set<String> seen = new HashSet<>();
            for (String a : nonKeyAttributes) {
                if (!seen.add(a)) throw TableShapes.invalid("Duplicate element in NonKeyAttributes: " + a);
            }
        }
        return new Projection(Projection.Type.valueOf(projectionType),
                nonKeyAttributes == null ? null : List.copyOf(nonKeyAttributes));
    }

    private static List<IndexRequest> indexes(JsonObject in, String member, String path, boolean global, Constraints c) {
        List<JsonObject> list = in.objects(member);
        if (list == null) return null;
        List<IndexRequest> out = new ArrayList<>();
        for (int n = 0; n < list.size(); n++) {
            JsonObject i = list.get(n);
            String p = path + "." + (n + 1) + ".member";
            if (i == null) {
                c.notNull(p, null);
                continue;
            }
            String name = i.string("IndexName");
            c.name(p + ".indexName", name, true);
            List<TableShapes.KeyElement> keySchema = global
                    ? TableShapes.globalIndexKeySchema(i, "KeySchema", p + ".keySchema", c)
                    : TableShapes.keySchema(i, "KeySchema", p + ".keySchema", c);
            JsonObject projection = i.object("Projection");
            c.notNull(p + ".projection", projection);
            String projectionType = projection == null ? null : projection.string("ProjectionType");
            c.oneOf(p + ".projection.projectionType", projectionType, TableShapes.PROJECTION_TYPES);
            List<String> nonKey = projection == null ? null : projection.strings("NonKeyAttributes");
            c.size(p + ".projection.nonKeyAttributes", nonKey, 1, 20);
            Throughput throughput = global ? TableShapes.throughput(i, "ProvisionedThroughput", p + ".provisionedThroughput", c) : null;
            OnDemandThroughput onDemand = global ? TableShapes.onDemandThroughput(i, null) : null;
            out.add(new IndexRequest(name, keySchema, projectionType, nonKey, throughput, onDemand));
        }
        return out;
    }
}
