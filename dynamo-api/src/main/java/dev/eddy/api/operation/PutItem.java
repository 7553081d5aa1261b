package dev.eddy.api.operation;

import dev.eddy.api.json.AttributeValueJson;
import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.expression.ExpressionContext;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.Keys;
import dev.eddy.core.write.PrimaryKey;
import dev.eddy.core.write.WriteResult;
import java.util.List;
import java.util.Map;

/** PutItem: replaces the whole item, if its condition holds. */
public final class PutItem implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        Constraints c = new Constraints();
        String tableName = in.string("TableName");
        c.name("tableName", tableName, true);
        Map<String, AttributeValue> item = in.attributeMap("Item");
        c.notNull("item", item);
        String returnValues = ItemRequests.returnValues(in, c);
        String capacityMode = Capacity.mode(request, c);
        ItemRequests.itemCollectionMetrics(in, c);
        ExpressionContext expressions = ExpressionInputs.context(in);
        WriteCondition condition = WriteCondition.read(in, c, expressions);
        c.throwIfAny();
        if (returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw new DynamoException(ErrorCode.VALIDATION, "Return values set to invalid value");
        }
        ExpressionInputs.checkStyle(in, List.of("Expected", "ConditionalOperator"), List.of("ConditionExpression"));
        expressions.checkPlaceholders();
        condition.validate();
        expressions.checkAllUsed();
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw new DynamoException(ErrorCode.VALIDATION, "Item size has exceeded the maximum allowed size");
        }
        TableDefinition table = request.emulator().catalog().require(request.region(), tableName);
        PrimaryKey key = Keys.fromItem(table, item);
        WriteResult result = request.emulator().items().write(table, key, current -> {
            condition.check(current);
            return item;
        });
        Map<String, AttributeValue> old = result.oldItem();
        double units = Capacity.writeUnits(Math.max(ItemSize.of(item), old == null ? 0 : ItemSize.of(old)));
        return g -> {
            g.writeStartObject();
            if ("ALL_OLD".equals(returnValues) && old != null) {
                g.writeFieldName("Attributes");
                AttributeValueJson.writeMap(g, old);
            }
            Capacity.write(g, capacityMode, table.name(), Capacity.Kind.WRITE, units);
            g.writeEndObject();
        };
    }
}
