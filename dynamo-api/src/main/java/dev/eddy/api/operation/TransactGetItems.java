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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** TransactGetItems: up to 100 items read as of one instant, never half of a transaction. */
public final class TransactGetItems implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        Constraints c = new Constraints();
        List<JsonObject> items = in.objects("TransactItems");
        c.notNull("transactItems", items).size("transactItems", items, 1, TransactWriteItems.MAX_ACTIONS);
        String capacityMode = Capacity.mode(request, c);
        c.throwIfAny();
        List<TableDefinition> tables = new ArrayList<>();
        List<String> tablesAsSent = new ArrayList<>();
        List<PrimaryKey> keys = new ArrayList<>();
        List<ReadProjection> projections = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        Map<Integer, DynamoException> keyErrors = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.get(i);
            JsonObject get = item == null ? null : item.object("Get");
            String path = "transactItems." + (i + 1) + ".member.get";
            Constraints g = new Constraints();
            g.notNull(path, get);
            g.throwIfAny();
            Map<String, AttributeValue> key = get.attributeMap("Key");
            g.notNull(path + ".key", key);
            String tableNameAsSent = get.string("TableName");
            String tableName = TableNames.resolve(request.region(), tableNameAsSent);
            g.tableNameOrArn("tableName", tableName, true);
            ReadProjection projection = ReadProjection.read(get, g, ExpressionInputs.context(get));
            g.throwIfAny();
            projection.validateAlone();
            TableDefinition table = request.emulator().catalog().require(request.region(), tableName);
            PrimaryKey k;
            try {
                k = Keys.fromKey(table, key);
            } catch (DynamoException e) {
                // A key that does not match its table's schema cancels the transaction, as AWS answers it.
                if (e.code() != ErrorCode.VALIDATION) throw e;
                keyErrors.put(i, e);
                continue;
            }
            projection.checkAgainst(table);
            if (!seen.add(List.of(table.id(), k))) {
                throw TransactWriteItems.sameItemTwice();
            }
            tables.add(table);
            tablesAsSent.add(tableNameAsSent);
            keys.add(k);
            projections.add(projection);
        }
        if (!keyErrors.isEmpty()) {
            List<DynamoException> reasons = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) reasons.add(keyErrors.get(i));
            throw TransactWriteItems.canceled(reasons);
        }
        List<Map<String, AttributeValue>> found = request.emulator().items().getAll(tables, keys);
        Map<String, Double> units = new LinkedHashMap<>();
        List<Map<String, AttributeValue>> shaped = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Map<String, AttributeValue> item = found.get(i);
            units.merge(tablesAsSent.get(i), 2 * Capacity.readUnits(item == null ? 0 : ItemSize.of(item), true), Double::sum);
            shaped.add(item == null ? null : projections.get(i).apply(item));
        }
        return responses(shaped, capacityMode, units);
    }

    /** A transaction's reads as answered: an entry per read, in order, with the item if found. */
    static Response responses(List<Map<String, AttributeValue>> items, String capacityMode, Map<String, Double> units) {
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Responses");
            for (Map<String, AttributeValue> item : items) {
                g.writeStartObject();
                if (item != null) {
                    g.writeFieldName("Item");
                    AttributeValueJson.writeMap(g, item);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            Capacity.writeList(g, capacityMode, Capacity.Kind.READ, units);
            g.writeEndObject();
        };
    }
}
