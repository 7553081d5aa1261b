package dev.eddy.api.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.api.json.AttributeValueJson;
import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.expression.ExpressionContext;
import dev.eddy.core.expression.Legacy;
import dev.eddy.core.item.AttributeValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expression-related members of a request: ExpressionAttributeNames / Values, the
 * legacy condition maps, and the rule that the two styles never mix.
 */
public final class ExpressionInputs {
    static final List<String> COMPARISON_OPERATORS = List.of("EQ", "NE", "IN", "LE", "LT", "GE", "GT", "BETWEEN",
            "NOT_NULL", "NULL", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH");
    static final List<String> CONDITIONAL_OPERATORS = List.of("AND", "OR");

    private ExpressionInputs() {
    }

    /** The request's placeholders. */
    public static ExpressionContext context(JsonObject in) {
        return new ExpressionContext(in.stringMap("ExpressionAttributeNames"), expressionAttributeValues(in));
    }

    /** The request's placeholder names, without its values (one of which is invalid). */
    static ExpressionContext namesOnly(JsonObject in) {
        return new ExpressionContext(in.stringMap("ExpressionAttributeNames"), null);
    }

    /** AWS names the placeholder whose value is invalid: "... contains invalid value: <why> for key :v". */
    static Map<String, AttributeValue> expressionAttributeValues(JsonObject in) {
        JsonNode raw = in.node().get("ExpressionAttributeValues");
        if (raw == null || !raw.isObject()) return in.attributeMap("ExpressionAttributeValues");
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) continue;
            try {
                out.put(e.getKey(), AttributeValueJson.read(e.getValue()));
            } catch (DynamoException x) {
                if (x.code() != ErrorCode.VALIDATION) throw x;
                throw new DynamoException(ErrorCode.VALIDATION,
                        "ExpressionAttributeValues contains invalid value: " + x.getMessage() + " for key " + e.getKey());
            }
        }
        return out;
    }

    /**
     * Checks a request's style: legacy and expression members never together, and
     * placeholders only with expressions. Each list names the members present, in AWS's order.
     */
    public static void checkStyle(JsonObject in, List<String> legacyMembers, List<String> expressionMembers) {
        List<String> expressions = present(in, expressionMembers);
        Legacy.checkNotMixed(present(in, legacyMembers), expressions);
        checkPlaceholdersNeedExpressions(in, expressions, expressionMembers);
    }

    /**
     * Placeholders only with expressions: {@code expressions} are those present, out of the
     * {@code expressionMembers} the operation takes.
     */
    static void checkPlaceholdersNeedExpressions(JsonObject in, List<String> expressions, List<String> expressionMembers) {
        if (!expressions.isEmpty()) return;
        if (in.has("ExpressionAttributeNames")) {
            throw new DynamoException(ErrorCode.VALIDATION, "ExpressionAttributeNames can only be specified when using expressions");
        }
        if (in.has("ExpressionAttributeValues")) throw valuesWithoutExpressions(expressionMembers);
    }

    /**
     * ExpressionAttributeValues sent with no expression. DynamoDB names the expressions that
     * could have used them (a projection cannot), in its own order: "UpdateExpression and
     * ConditionExpression are null".
     */
    private static DynamoException valuesWithoutExpressions(List<String> expressionMembers) {
        List<String> using = new ArrayList<>(expressionMembers);
        using.remove("ProjectionExpression");
        String message = "ExpressionAttributeValues can only be specified when using expressions";
        if (!using.isEmpty()) message += ": " + String.join(" and ", using) + (using.size() == 1 ? " is null" : " are null");
        return new DynamoException(ErrorCode.VALIDATION, message);
    }

    private static List<String> present(JsonObject in, List<String> members) {
        List<String> out = new ArrayList<>();
        for (String m : members) if (in.has(m)) out.add(m);
        return out;
    }

    /** A legacy {@code Expected} map. */
    public static Map<String, Legacy.ExpectedAttribute> expected(JsonObject in, Constraints c) {
        Map<String, JsonObject> raw = in.objectMap("Expected");
        if (raw == null) return null;
        Map<String, Legacy.ExpectedAttribute> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonObject> e : raw.entrySet()) {
            JsonObject v = e.getValue();
            if (v == null) continue;
            String op = v.string("ComparisonOperator");
            c.oneOf("expected." + e.getKey() + ".member.comparisonOperator", op, COMPARISON_OPERATORS);
            out.put(e.getKey(), new Legacy.ExpectedAttribute(value(v, "Value"), v.bool("Exists"), op,
                    valueList(v, "AttributeValueList")));
        }
        return out;
    }

    /** ConditionalOperator, checked. */
    public static String conditionalOperator(JsonObject in, Constraints c) {
        String op = in.string("ConditionalOperator");
        c.oneOf("conditionalOperator", op, CONDITIONAL_OPERATORS);
        return op;
    }

    static AttributeValue value(JsonObject in, String member) {
        JsonNode node = in.node().get(member);
        return node == null || node.isNull() ? null : AttributeValueJson.read(node);
    }

    static List<AttributeValue> valueList(JsonObject in, String member) {
        List<JsonNode> nodes = in.list(member);
        if (nodes == null) return null;
        List<AttributeValue> out = new ArrayList<>(nodes.size());
        for (JsonNode n : nodes) out.add(AttributeValueJson.read(n));
        return out;
    }
}
