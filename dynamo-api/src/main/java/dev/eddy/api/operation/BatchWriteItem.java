package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.Keys;
import dev.eddy.core.write.PrimaryKey;
import dev.eddy.core.write.WriteResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: up to 25 puts and deletes across tables, each applied on its own (a batch
 * is not a transaction). Everything is validated before the first write.
 */
public final class BatchWriteItem implements Operation {
    static final int MAX_REQUESTS = 25;
    static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    /** A PutRequest's item or a DeleteRequest's key, as sent. */
    private record Request(Map<String, AttributeValue> item, Map<String, AttributeValue> key) {
    }

    private record Write(String tableAsSent, TableDefinition table, PrimaryKey key, Map<String, AttributeValue> item) {
    }

    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        Constraints c = new Constraints();
        JsonObject requestItemsObject = in.object("RequestItems");
        c.notNull("requestItems", requestItemsObject);
        String capacityMode = Capacity.mode(request, c);
        String metricsMode = ItemRequests.itemCollectionMetrics(in, c);
        Map<String, List<JsonObject>> requestItems = new LinkedHashMap<>();
        if (requestItemsObject != null) {
            for (String table : requestItemsObject.objectMapKeys()) requestItems.put(table, requestItemsObject.objects(table));
            // An empty map is told apart from a missing one, as AWS does.
            if (requestItems.isEmpty()) throw validation("The requestItems parameter is required for BatchWriteItem");
            c.size("requestItems", requestItems, 1, MAX_REQUESTS);
            boolean listOutOfRange = false;
            for (Map.Entry<String, List<JsonObject>> e : requestItems.entrySet()) {
                List<JsonObject> list = e.getValue();
                c.notNull("requestItems." + e.getKey() + ".member", list);
                listOutOfRange |= list != null && (list.isEmpty() || list.size() > MAX_REQUESTS);
            }
            // DynamoDB names the whole map, with the constraint on its values.
            if (listOutOfRange) {
                c.add("requestItems", requestItems, "Map value must satisfy constraint: [Member must have length less than or equal to "
                        + MAX_REQUESTS + ", Member must have length greater than or equal to 1]");
            }
        }
        c.throwIfAny();
        int total = 0;
        for (List<JsonObject> list : requestItems.values()) total += list.size();
        if (total > MAX_REQUESTS) throw validation("Too many items requested for the BatchWriteItem call");

        // Each request's shape, values and item size are checked before any table is looked up,
        // as DynamoDB does; then the keys, against each table's key schema.
        Map<String, List<Request>> parsed = new LinkedHashMap<>();
        long requestBytes = 0;
        for (Map.Entry<String, List<JsonObject>> e : requestItems.entrySet()) {
            List<Request> requests = new ArrayList<>();
            for (JsonObject w : e.getValue()) {
                JsonObject put = w == null ? null : w.object("PutRequest");
                JsonObject delete = w == null ? null : w.object("DeleteRequest");
                if ((put == null) == (delete == null)) {
                    throw validation("Supplied AttributeValue has more than one datatypes set, must contain exactly "
                            + "one of the supported datatypes");
                }
                if (put != null) {
                    Map<String, AttributeValue> item = put.attributeMap("Item");
                    if (item == null) throw notNull("requestItems." + e.getKey() + ".member.1.member.putRequest.item");
                    long size = ItemSize.of(item);
                    if (size > ItemSize.MAX_ITEM_BYTES) {
                        throw validation("Item size has exceeded the maximum allowed size");
                    }
                    requestBytes += size;
                    requests.add(new Request(item, null));
                } else {
                    Map<String, AttributeValue> key = delete.attributeMap("Key");
                    if (key == null) throw notNull("requestItems." + e.getKey() + ".member.1.member.deleteRequest.key");
                    requests.add(new Request(null, key));
                }
            }
            parsed.put(e.getKey(), requests);
        }
        List<Write> writes = new ArrayList<>();
        for (Map.Entry<String, List<Request>> e : parsed.entrySet()) {
            TableDefinition table = request.emulator().catalog().require(request.region(),
                    TableNames.resolve(request.region(), e.getKey()));
            Set<PrimaryKey> seen = new HashSet<>();
            for (Request r : e.getValue()) {
                Write write = r.item() != null ? new Write(e.getKey(), table, Keys.fromBatchItem(table, r.item()), r.item())
                        : new Write(e.getKey(), table, Keys.fromKey(table, r.key()), null);
                if (!seen.add(write.key())) throw validation("Provided list of item keys contains duplicates");
                writes.add(write);
            }
        }
        if (requestBytes > MAX_REQUEST_BYTES) throw validation("Item size to update has exceeded the maximum allowed size");

        Map<String, Capacity.Writes> units = new LinkedHashMap<>();
        ItemCollectionMetrics metrics = new ItemCollectionMetrics(request.emulator().store(), "SIZE".equals(metricsMode));
        for (Write w : writes) {
            WriteResult r = request.emulator().items().write(w.table(), w.key(), current -> w.item());
            units.computeIfAbsent(w.tableAsSent(), t -> new Capacity.Writes()).add(w.table(), r, 1);
            metrics.add(w.tableAsSent(), w.table(), w.key());
        }
        return g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("UnprocessedItems");
            g.writeEndObject();
            metrics.writeByTable(g);
            Capacity.writeList(g, capacityMode, units);
            g.writeEndObject();
        };
    }

    private static DynamoException notNull(String path) {
        return validation("1 validation error detected: Value null at '" + path
                + "' failed to satisfy constraint: Member must not be null");
    }

    static DynamoException validation(String message) {
        return new DynamoException(ErrorCode.VALIDATION, message);
    }
}
