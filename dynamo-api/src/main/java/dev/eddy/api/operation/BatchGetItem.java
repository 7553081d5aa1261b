package dev.eddy.api.operation;

import dev.eddy.api.json.AttributeValueJson;
import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.Keys;
import dev.eddy.core.write.PrimaryKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem: up to 100 items from one or more tables. What does not fit in the 16 MB
 * response comes back as UnprocessedKeys, for the caller to ask again.
 */
public final class BatchGetItem implements Operation {
    static final int MAX_KEYS = 100;
    static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private record TableRead(String tableAsSent, TableDefinition table, JsonObject request, List<PrimaryKey> keys,
                             List<Map<String, AttributeValue>> keyMaps, ReadProjection projection, boolean consistent) {
    }

    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        Constraints c = new Constraints();
        Map<String, JsonObject> requestItems = in.objectMap("RequestItems");
        c.notNull("requestItems", requestItems);
        // An empty map is told apart from a missing one, as AWS does.
        if (requestItems != null && requestItems.isEmpty()) {
            throw validation("The requestItems parameter is required for BatchGetItem");
        }
        c.size("requestItems", requestItems, 1, MAX_KEYS);
        String capacityMode = Capacity.mode(request, c);
        Map<String, ReadProjection> projections = new LinkedHashMap<>();
        if (requestItems != null) {
            for (Map.Entry<String, JsonObject> e : requestItems.entrySet()) {
                String path = "requestItems." + e.getKey() + ".member";
                JsonObject t = e.getValue();
                c.notNull(path, t);
                if (t == null) continue;
                List<JsonObject> keys = t.objects("Keys");
                c.notNull(path + ".keys", keys);
                if (keys != null && keys.size() > MAX_KEYS) {
                    // A list this long is named without its value, and with the members' own spelling.
                    throw validation("1 validation error detected: Value at 'RequestItems." + e.getKey()
                            + ".member.Keys' failed to satisfy constraint: Member must have length less than or equal to "
                            + MAX_KEYS);
                }
                c.size(path + ".keys", keys, 1, MAX_KEYS);
                projections.put(e.getKey(), ReadProjection.read(t, c, ExpressionInputs.context(t)));
            }
        }
        c.throwIfAny();
        int total = 0;
        for (JsonObject t : requestItems.values()) total += t.objects("Keys").size();
        if (total > MAX_KEYS) throw validation("Too many items requested for the BatchGetItem call");
        for (ReadProjection p : projections.values()) p.validateAlone();
        // The keys' values are checked before any table is looked up, as DynamoDB does.
        Map<String, List<Map<String, AttributeValue>>> keyMapsByTable = new LinkedHashMap<>();
        for (Map.Entry<String, JsonObject> e : requestItems.entrySet()) {
            List<Map<String, AttributeValue>> keyMaps = keyMaps(e.getValue());
            if (new HashSet<>(keyMaps).size() < keyMaps.size()) throw validation("Provided list of item keys contains duplicates");
            keyMapsByTable.put(e.getKey(), keyMaps);
        }

        List<TableRead> reads = new ArrayList<>();
        for (Map.Entry<String, JsonObject> e : requestItems.entrySet()) {
            TableDefinition table = request.emulator().catalog().require(request.region(),
                    TableNames.resolve(request.region(), e.getKey()));
            List<PrimaryKey> keys = new ArrayList<>();
            List<Map<String, AttributeValue>> keyMaps = keyMapsByTable.get(e.getKey());
            Set<PrimaryKey> seen = new HashSet<>();
            for (Map<String, AttributeValue> k : keyMaps) {
                PrimaryKey key = Keys.fromKey(table, k);
                if (!seen.add(key)) throw validation("Provided list of item keys contains duplicates");
                keys.add(key);
            }
            projections.get(e.getKey()).checkAgainst(table);
            reads.add(new TableRead(e.getKey(), table, e.getValue(), keys, keyMaps, projections.get(e.getKey()),
                    Boolean.TRUE.equals(e.getValue().bool("ConsistentRead"))));
        }

        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        Map<String, List<Map<String, AttributeValue>>> unprocessed = new LinkedHashMap<>();
        Map<String, Double> units = new LinkedHashMap<>();
        long responseBytes = 0;
        for (TableRead r : reads) {
            List<Map<String, AttributeValue>> found = responses.computeIfAbsent(r.tableAsSent(), x -> new ArrayList<>());
            for (int i = 0; i < r.keys().size(); i++) {
                if (responseBytes >= MAX_RESPONSE_BYTES) {
                    unprocessed.computeIfAbsent(r.tableAsSent(), x -> new ArrayList<>()).add(r.keyMaps().get(i));
                    continue;
                }
                Map<String, AttributeValue> item = request.emulator().items().get(r.table(), r.keys().get(i));
                long size = item == null ? 0 : ItemSize.of(item);
                units.merge(r.tableAsSent(), Capacity.readUnits(size, r.consistent()), Double::sum);
                if (item == null) continue;
                Map<String, AttributeValue> shaped = r.projection().apply(item);
                responseBytes += ItemSize.of(shaped);
                found.add(shaped);
            }
        }
        return g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("Responses");
            for (Map.Entry<String, List<Map<String, AttributeValue>>> e : responses.entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (Map<String, AttributeValue> item : e.getValue()) AttributeValueJson.writeMap(g, item);
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("UnprocessedKeys");
            for (TableRead r : reads) {
                List<Map<String, AttributeValue>> keys = unprocessed.get(r.tableAsSent());
                if (keys == null) continue;
                g.writeObjectFieldStart(r.tableAsSent());
                g.writeArrayFieldStart("Keys");
                for (Map<String, AttributeValue> k : keys) AttributeValueJson.writeMap(g, k);
                g.writeEndArray();
                for (String member : List.of("ProjectionExpression", "AttributesToGet", "ExpressionAttributeNames", "ConsistentRead")) {
                    if (r.request().has(member)) g.writeObjectField(member, r.request().node().get(member));
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            Capacity.writeList(g, capacityMode, Capacity.Kind.READ, units);
            g.writeEndObject();
        };
    }

    private static List<Map<String, AttributeValue>> keyMaps(JsonObject t) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode k : t.list("Keys")) {
            out.add(AttributeValueJson.readMap((com.fasterxml.jackson.databind.node.ObjectNode) k));
        }
        return out;
    }

    static DynamoException validation(String message) {
        return new DynamoException(ErrorCode.VALIDATION, message);
    }
}
