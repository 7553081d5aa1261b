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

/** DeleteItem: removes the item, if its condition holds; deleting a missing item is no error. */
public final class DeleteItem implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        Constraints c = new Constraints();
        String tableName = in.string("TableName");
        c.name("tableName", tableName, true);
        Map<String, AttributeValue> keyMap = in.attributeMap("Key");
        c.notNull("key", keyMap);
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
        TableDefinition table = request.emulator().catalog().require(request.region(), tableName);
        PrimaryKey key = Keys.fromKey(table, keyMap);
        WriteResult result = request.emulator().items().write(table, key, current -> {
            condition.check(current);
            return null;
        });
        Map<String, AttributeValue> old = result.oldItem();
        double units = Capacity.writeUnits(old == null ? 0 : ItemSize.of(old));
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
