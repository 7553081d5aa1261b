package dev.eddy.api.operation;

import dev.eddy.api.json.AttributeValueJson;
import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.expression.ExpressionContext;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.PrimaryKey;
import java.util.List;
import java.util.Map;

/**
 * What PutItem, UpdateItem and DeleteItem share: their common members, read in AWS's order
 * ({@code attributes} is the Item or the Key), and the shape of their response.
 */
record ItemWrite(String tableName, String tableNameAsSent, Map<String, AttributeValue> attributes, String returnValues, String capacityMode,
                 boolean collectionMetrics, ExpressionContext expressions, WriteCondition condition, ValueErrors valueErrors) {

    static ItemWrite read(ApiRequest request, Constraints c, String attributesMember) {
        JsonObject in = request.body();
        String tableNameAsSent = in.string("TableName");
        String tableName = TableNames.resolve(request.region(), tableNameAsSent);
        c.tableNameOrArn("tableName", tableName, true);
        ValueErrors valueErrors = new ValueErrors();
        Map<String, AttributeValue> attributes = valueErrors.read(() -> in.attributeMap(attributesMember), Map.of());
        c.notNull(Character.toLowerCase(attributesMember.charAt(0)) + attributesMember.substring(1), attributes);
        String returnValues = ItemRequests.returnValues(in, c);
        String capacityMode = Capacity.mode(request, c);
        boolean collectionMetrics = "SIZE".equals(ItemRequests.itemCollectionMetrics(in, c));
        ExpressionContext expressions = valueErrors.read(() -> ExpressionInputs.context(in), ExpressionInputs.namesOnly(in));
        WriteCondition condition = WriteCondition.read(in, c, expressions);
        return new ItemWrite(tableName, tableNameAsSent, attributes, returnValues, capacityMode, collectionMetrics, expressions, condition,
                valueErrors);
    }

    /**
     * PutItem's and DeleteItem's checks after the field constraints: they return at most the
     * old item, and their one expression is the condition.
     */
    void checkConditionalWrite(JsonObject in) {
        if (returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw new DynamoException(ErrorCode.VALIDATION, "Return values set to invalid value");
        }
        ExpressionInputs.checkStyle(in, List.of("Expected", "ConditionalOperator"), List.of("ConditionExpression"));
        valueErrors.throwIfAny();
        expressions.checkPlaceholders();
        condition.validate();
        expressions.checkAllUsed();
    }

    /**
     * The response: the attributes ReturnValues asked for (when any), the consumed capacity, and
     * for tables with local secondary indexes the item collection's size when asked.
     */
    Response response(Map<String, AttributeValue> returned, ApiRequest request, TableDefinition table, PrimaryKey key,
                      Capacity.Writes units) {
        ItemCollectionMetrics metrics = new ItemCollectionMetrics(request.emulator().store(), collectionMetrics);
        metrics.add(tableNameAsSent, table, key);
        return g -> {
            g.writeStartObject();
            if (returned != null && !returned.isEmpty()) {
                g.writeFieldName("Attributes");
                AttributeValueJson.writeMap(g, returned);
            }
            Capacity.write(g, capacityMode, tableNameAsSent, units);
            metrics.writeSingle(g);
            g.writeEndObject();
        };
    }
}
