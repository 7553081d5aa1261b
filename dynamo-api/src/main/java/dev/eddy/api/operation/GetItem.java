package dev.eddy.api.operation;

import dev.eddy.api.json.AttributeValueJson;
import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.expression.ExpressionContext;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.Keys;
import dev.eddy.core.write.PrimaryKey;
import java.util.List;
import java.util.Map;

/** GetItem: the item, shaped by its projection; a missing item is an empty answer. */
public final class GetItem implements Operation {
    @Override
    public boolean onlyReadsByKey() {
        return true;
    }

    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        Constraints c = new Constraints();
        String tableNameAsSent = in.string("TableName");
        String tableName = TableNames.resolve(request.region(), tableNameAsSent);
        c.tableNameOrArn("tableName", tableName, true);
        ValueErrors valueErrors = new ValueErrors();
        Map<String, AttributeValue> keyMap = valueErrors.read(() -> in.attributeMap("Key"), Map.of());
        c.notNull("key", keyMap);
        Boolean consistentRead = in.bool("ConsistentRead");
        String capacityMode = Capacity.mode(request, c);
        ExpressionContext expressions = valueErrors.read(() -> ExpressionInputs.context(in), ExpressionInputs.namesOnly(in));
        ReadProjection projection = ReadProjection.read(in, c, expressions);
        c.throwIfAny();
        ExpressionInputs.checkStyle(in, List.of("AttributesToGet"), List.of("ProjectionExpression"));
        valueErrors.throwIfAny();
        expressions.checkPlaceholders();
        projection.validate();
        expressions.checkAllUsed();
        TableDefinition table = request.emulator().catalog().require(request.region(), tableName);
        PrimaryKey key = Keys.fromKey(table, keyMap);
        projection.checkAgainst(table);
        Map<String, AttributeValue> item = request.emulator().items().get(table, key);
        double units = Capacity.readUnits(item == null ? 0 : ItemSize.of(item), Boolean.TRUE.equals(consistentRead));
        Map<String, AttributeValue> shaped = item == null ? null : projection.apply(item);
        return g -> {
            g.writeStartObject();
            if (shaped != null) {
                g.writeFieldName("Item");
                AttributeValueJson.writeMap(g, shaped);
            }
            Capacity.write(g, capacityMode, tableNameAsSent, Capacity.Kind.READ, units);
            g.writeEndObject();
        };
    }
}
