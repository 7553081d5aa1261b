package dev.eddy.api.operation;

import dev.eddy.api.json.AttributeValueJson;
import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.expression.ExpressionContext;
import dev.eddy.core.item.AttributeValue;
import java.util.Map;

/**
 * What PutItem, UpdateItem and DeleteItem share: their common members, read in AWS's order
 * ({@code attributes} is the Item or the Key), and the shape of their response.
 */
record ItemWrite(String tableName, Map<String, AttributeValue> attributes, String returnValues, String capacityMode,
                 ExpressionContext expressions, WriteCondition condition) {

    static ItemWrite read(ApiRequest request, Constraints c, String attributesMember) {
        JsonObject in = request.body();
        String tableName = in.string("TableName");
        c.name("tableName", tableName, true);
        Map<String, AttributeValue> attributes = in.attributeMap(attributesMember);
        c.notNull(Character.toLowerCase(attributesMember.charAt(0)) + attributesMember.substring(1), attributes);
        String returnValues = ItemRequests.returnValues(in, c);
        String capacityMode = Capacity.mode(request, c);
        ItemRequests.itemCollectionMetrics(in, c);
        ExpressionContext expressions = ExpressionInputs.context(in);
        WriteCondition condition = WriteCondition.read(in, c, expressions);
        return new ItemWrite(tableName, attributes, returnValues, capacityMode, expressions, condition);
    }

    /** The response: the attributes ReturnValues asked for (when any), and the consumed capacity. */
    Response response(Map<String, AttributeValue> returned, String table, double units) {
        return g -> {
            g.writeStartObject();
            if (returned != null && !returned.isEmpty()) {
                g.writeFieldName("Attributes");
                AttributeValueJson.writeMap(g, returned);
            }
            Capacity.write(g, capacityMode, table, Capacity.Kind.WRITE, units);
            g.writeEndObject();
        };
    }
}
