package dev.eddy.api.operation;

import dev.eddy.api.json.AttributeValueJson;
import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.expression.Condition;
import dev.eddy.core.expression.ExpressionContext;
import dev.eddy.core.expression.ExpressionKind;
import dev.eddy.core.expression.Expressions;
import dev.eddy.core.expression.KeyCondition;
import dev.eddy.core.expression.Legacy;
import dev.eddy.core.expression.Path;
import dev.eddy.core.expression.Projection;
import dev.eddy.core.index.IndexEntries;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.read.Page;
import dev.eddy.core.read.PageRequest;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.Keys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Query and Scan share: table and index, Select, Limit, ConsistentRead,
 * ExclusiveStartKey, the filter and the projection (as expressions or their legacy forms,
 * never both), with AWS's checks in AWS's order, and the shape of the answer.
 */
final class ReadRequest {
    static final List<String> SELECTS = List.of("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES");

    final boolean query;
    final String tableName;
    /** The table's name or ARN as the request gave it, which ConsumedCapacity repeats. */
    private final String tableNameAsSent;
    final String indexName;
    final Integer limit;
    final boolean consistentRead;
    final Map<String, AttributeValue> exclusiveStartKey;
    final String capacityMode;
    final Constraints constraints = new Constraints();
    final JsonObject in;
    private String select;
    private KeyCondition keyCondition;
    /** An invalid value in ExclusiveStartKey, reported after the check that styles do not mix. */
    private DynamoException invalidStartKey;
    /** A KeyConditions operator no key range can use: DynamoDB reports it once the table is found. */
    private DynamoException unindexable;
    private boolean legacyKeyConditions;
    private Condition filter = new Condition.True();
    private final List<String> filterAttributes = new ArrayList<>();
    private final List<Path> filterPaths = new ArrayList<>();
    private Projection projection;

    private ReadRequest(ApiRequest request, boolean query) {
        this.query = query;
        this.in = request.body();
        tableNameAsSent = in.string("TableName");
        tableName = TableNames.resolve(request.region(), tableNameAsSent);
        constraints.tableNameOrArn("tableName", tableName, true);
        indexName = in.string("IndexName");
        constraints.name("indexName", indexName, false);
        select = in.string("Select");
        constraints.oneOf("select", select, SELECTS);
        limit = in.integer("Limit");
        // Query's own validation names the member as sent ('Limit'), Scan's as the model does ('limit').
        constraints.range(query ? "Limit" : "limit", limit == null ? null : limit.longValue(), 1, Integer.MAX_VALUE);
        consistentRead = Boolean.TRUE.equals(in.bool("ConsistentRead"));
        Map<String, AttributeValue> startKey;
        try {
            startKey = in.attributeMap("ExclusiveStartKey");
        } catch (AttributeValueJson.InvalidShape e) {
            // Reported after the request's style, prefixed: see readConditions.
            invalidStartKey = validation("The provided starting key is invalid: " + e.getMessage());
            startKey = Map.of();
        }
        exclusiveStartKey = startKey;
        capacityMode = Capacity.mode(request, constraints);
        constraints.oneOf("conditionalOperator", in.string("ConditionalOperator"), LegacyConditions.CONDITIONAL_OPERATORS);
        constraints.size("attributesToGet", in.strings("AttributesToGet"), 1, Integer.MAX_VALUE);
    }

    /** Reads the request; {@code more} adds the operation's own field constraints before they are reported. */
    static ReadRequest read(ApiRequest request, boolean query, java.util.function.Consumer<ReadRequest> more) {
        ReadRequest r = new ReadRequest(request, query);
        more.accept(r);
        r.constraints.throwIfAny();
        r.readConditions();
        return r;
    }

    private void readConditions() {
        String filterParameter = query ? "QueryFilter" : "ScanFilter";
        List<String> legacy = new ArrayList<>();
        for (String p : List.of("AttributesToGet", filterParameter, "ConditionalOperator")) if (in.has(p)) legacy.add(p);
        // KeyConditions only clashes with KeyConditionExpression: DynamoDB takes it beside a
        // FilterExpression or a ProjectionExpression.
        if (query && in.has("KeyConditions") && in.has("KeyConditionExpression")) legacy.add("KeyConditions");
        List<String> expressionMembers = query ? List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression")
                : List.of("ProjectionExpression", "FilterExpression");
        List<String> expressions = new ArrayList<>();
        for (String p : expressionMembers) if (in.has(p)) expressions.add(p);
        Legacy.checkNotMixed(legacy, expressions);
        // DynamoDB looks at the starting key's values once the styles are known not to mix, and
        // after a legacy filter's values.
        if (invalidStartKey != null) {
            if (in.has(filterParameter)) {
                LegacyConditions.filter(in.objectMap(filterParameter), null, query ? "queryFilter" : "scanFilter",
                        new Constraints(), new ArrayList<>());
            }
            throw invalidStartKey;
        }
        Map<String, String> names = in.stringMap("ExpressionAttributeNames");
        ExpressionInputs.checkPlaceholdersNeedExpressions(in, expressions, expressionMembers);
        Map<String, AttributeValue> values = ExpressionInputs.expressionAttributeValues(in);
        if (names != null && names.isEmpty()) throw validation("ExpressionAttributeNames must not be empty");
        if (values != null && values.isEmpty()) throw validation("ExpressionAttributeValues must not be empty");
        ExpressionContext ctx = new ExpressionContext(names, values);
        if (query) {
            String text = in.string("KeyConditionExpression");
            if (text != null) keyCondition = Expressions.keyCondition(text, ctx);
        }
        String filterText = in.string("FilterExpression");
        if (filterText != null) {
            filter = Expressions.condition(filterText, ExpressionKind.FILTER, ctx);
            Condition.collectPaths(filter, filterPaths);
            for (Path p : filterPaths) filterAttributes.add(p.attribute());
        }
        String projectionText = in.string("ProjectionExpression");
        if (projectionText != null) projection = Expressions.projection(projectionText, ctx);
        ctx.checkAllUsed();
        if (query && in.has("KeyConditions")) {
            LegacyConditions.KeyConditions keys = LegacyConditions.keyConditions(in.objectMap("KeyConditions"), constraints,
                    indexName != null);
            legacyKeyConditions = true;
            keyCondition = keys.condition();
            unindexable = keys.unindexable();
        }
        if (in.has(filterParameter)) {
            filter = LegacyConditions.filter(in.objectMap(filterParameter), in.string("ConditionalOperator"),
                    query ? "queryFilter" : "scanFilter", constraints, filterAttributes);
        }
        List<String> attributesToGet = in.strings("AttributesToGet");
        if (attributesToGet != null) projection = Projection.ofAttributes(attributesToGet);
        if (query && keyCondition == null && unindexable == null) {
            throw validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        checkSelect(projectionText != null ? "ProjectionExpression" : "AttributesToGet");
    }

    private void checkSelect(String projectionParameter) {
        // Query reports these as constraint violations, Scan bare.
        String prefix = query ? "1 validation error detected: " : "";
        if (select == null) return;
        if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
            String what = select.equals("COUNT") ? "only the Count" : select;
            throw validation(prefix + "Cannot specify the " + projectionParameter + " when choosing to get " + what);
        }
        if (projection == null && select.equals("SPECIFIC_ATTRIBUTES")) {
            throw validation(prefix + "Must specify the AttributesToGet or ProjectionExpression when choosing to get "
                    + "SPECIFIC_ATTRIBUTES");
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && indexName == null) {
            throw validation(prefix + "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
    }

    /** The key condition; throws what DynamoDB reports about it once the table or index is found. */
    KeyCondition keyCondition(KeySchema schema) {
        if (legacyKeyConditions && keyCondition != null) LegacyConditions.checkCount(keyCondition, schema);
        if (unindexable != null) throw unindexable;
        return keyCondition;
    }

    List<String> filterAttributes() {
        return filterAttributes;
    }

    /** Refuses projection and filter paths into the table's or its indexes' key attributes. */
    void checkPathsAgainst(TableDefinition table) {
        List<Path> paths = new ArrayList<>(filterPaths);
        if (projection != null) paths.addAll(projection.paths());
        Keys.refuseNestedKeyPaths(table, paths);
    }

    /** The index read, or null for the table; AWS's refusals of indexes that cannot serve the read. */
    SecondaryIndex index(TableDefinition table) {
        if (indexName == null) return null;
        SecondaryIndex index = table.index(indexName);
        if (index == null || index.status() == SecondaryIndex.IndexStatus.DELETING) {
            throw validation("The table does not have the specified index: " + indexName);
        }
        if (index.global() && consistentRead) {
            throw validation("Consistent reads are not supported on global secondary indexes");
        }
        if (index.status() == SecondaryIndex.IndexStatus.CREATING) {
            throw validation("Cannot read from backfilling global secondary index: " + indexName);
        }
        if (index.global() && "ALL_ATTRIBUTES".equals(select)
                && index.projection().type() != dev.eddy.core.table.Projection.Type.ALL) {
            throw validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported "
                    + "for global secondary index " + indexName + " because its projection type is not ALL");
        }
        return index;
    }

    /** How to read the page: a local index fetches from the table what it does not project. */
    PageRequest pageRequest(TableDefinition table, SecondaryIndex index) {
        boolean fetch = false;
        if (index != null && !index.global() && index.projection().type() != dev.eddy.core.table.Projection.Type.ALL) {
            List<String> wanted = new ArrayList<>(filterAttributes);
            if (projection != null) for (Path p : projection.paths()) wanted.add(p.attribute());
            fetch = "ALL_ATTRIBUTES".equals(select);
            for (String a : wanted) fetch |= !IndexEntries.projects(index, table.keySchema(), a);
        }
        Condition f = filter;
        return new PageRequest(limit, f::test, !"COUNT".equals(select), fetch);
    }

    /** The answer: Items (unless COUNT), Count, ScannedCount, LastEvaluatedKey, ConsumedCapacity. */
    Response response(TableDefinition table, SecondaryIndex index, Page page) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(page.items().size());
        for (Map<String, AttributeValue> i : page.items()) items.add(projection == null ? i : projection.apply(i));
        double sourceUnits = Capacity.readUnits(page.bytesRead(), consistentRead);
        double tableUnits = index == null ? sourceUnits
                : page.fetchedBytes() > 0 ? Capacity.readUnits(page.fetchedBytes(), consistentRead) : 0;
        Map<String, Double> global = new LinkedHashMap<>();
        Map<String, Double> local = new LinkedHashMap<>();
        if (index != null) (index.global() ? global : local).put(index.name(), sourceUnits);
        boolean count = "COUNT".equals(select);
        return g -> {
            g.writeStartObject();
            if (!count) {
                g.writeArrayFieldStart("Items");
                for (Map<String, AttributeValue> i : items) AttributeValueJson.writeMap(g, i);
                g.writeEndArray();
            }
            g.writeNumberField("Count", page.count());
            g.writeNumberField("ScannedCount", page.scannedCount());
            if (page.lastEvaluatedKey() != null) {
                g.writeFieldName("LastEvaluatedKey");
                AttributeValueJson.writeMap(g, page.lastEvaluatedKey());
            }
            Capacity.write(g, "ConsumedCapacity", capacityMode, tableNameAsSent, Capacity.Kind.READ, tableUnits, global, local);
            g.writeEndObject();
        };
    }

    static DynamoException validation(String message) {
        return new DynamoException(ErrorCode.VALIDATION, message);
    }
}
