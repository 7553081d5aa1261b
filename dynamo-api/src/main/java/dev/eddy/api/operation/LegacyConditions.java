package dev.eddy.api.operation;

import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.expression.Condition;
import dev.eddy.core.expression.KeyCondition;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.expression.Legacy;
import dev.eddy.core.item.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pre-expression parameters of reads: KeyConditions, and QueryFilter or ScanFilter
 * (attribute to ComparisonOperator and AttributeValueList, joined by ConditionalOperator),
 * turned into the same trees the expressions give.
 */
final class LegacyConditions {
    static final List<String> OPERATORS = List.of("IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT",
            "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS");
    static final List<String> CONDITIONAL_OPERATORS = List.of("AND", "OR");

    private LegacyConditions() {
    }

    private record Spec(String attribute, String operator, List<AttributeValue> values) {
    }

    private static List<Spec> specs(Map<String, JsonObject> conditions, String path, dev.eddy.api.json.Constraints c) {
        List<Spec> out = new ArrayList<>();
        for (Map.Entry<String, JsonObject> e : conditions.entrySet()) {
            JsonObject spec = e.getValue();
            String op = spec == null ? null : spec.string("ComparisonOperator");
            c.notNull(path + "." + e.getKey() + ".member.comparisonOperator", op)
                    .oneOf(path + "." + e.getKey() + ".member.comparisonOperator", op, OPERATORS);
            List<AttributeValue> values = new ArrayList<>();
            if (spec != null && spec.has("AttributeValueList")) {
                for (com.fasterxml.jackson.databind.JsonNode v : spec.list("AttributeValueList")) {
                    values.add(dev.eddy.api.json.AttributeValueJson.read(v));
                }
            }
            out.add(new Spec(e.getKey(), op, values));
        }
        return out;
    }

    /**
     * KeyConditions as a key condition, checked in DynamoDB's order: each condition's values,
     * then how many conditions there are. An operator no key range can use is reported only
     * once the table is found: it comes back as {@link KeyConditions#unindexable}. A query of
     * an index may hold up to eight, for a global index's multi-attribute key; whether its
     * key takes more than two is known only with the index ({@link #checkCount}).
     */
    static KeyConditions keyConditions(Map<String, JsonObject> conditions, dev.eddy.api.json.Constraints c,
                                       boolean onIndex) {
        List<Spec> specs = specs(conditions, "keyConditions", c);
        c.throwIfAny();
        for (Spec s : specs) Legacy.checkArguments(s.operator(), s.values());
        if (specs.isEmpty() || specs.size() > (onIndex ? 2 * KeySchema.MAX_ATTRIBUTES_PER_KEY : 2)) throw tooMany();
        List<KeyCondition.Term> terms = new ArrayList<>();
        for (Spec s : specs) {
            KeyCondition.Operator op = switch (s.operator()) {
                case "EQ" -> KeyCondition.Operator.EQ;
                case "LT" -> KeyCondition.Operator.LT;
                case "LE" -> KeyCondition.Operator.LE;
                case "GT" -> KeyCondition.Operator.GT;
                case "GE" -> KeyCondition.Operator.GE;
                case "BETWEEN" -> KeyCondition.Operator.BETWEEN;
                case "BEGINS_WITH" -> KeyCondition.Operator.BEGINS_WITH;
                default -> null;
            };
            if (op == null) {
                return new KeyConditions(null, validation("Attempted conditional constraint is not an indexable operation"));
            }
            terms.add(new KeyCondition.Term(s.attribute(), op, s.values()));
        }
        return new KeyConditions(new KeyCondition(terms), null);
    }

    /** Refuses more than two KeyConditions for a key of single attributes. */
    static void checkCount(KeyCondition condition, KeySchema schema) {
        if (!schema.multiAttribute() && condition.terms().size() > 2) throw tooMany();
    }

    private static DynamoException tooMany() {
        return validation("Conditions can be of length 1 or 2 only");
    }

    /** Read KeyConditions: the key condition, or the error DynamoDB reports once the table is found. */
    record KeyConditions(KeyCondition condition, DynamoException unindexable) {
    }

    /** QueryFilter or ScanFilter as a condition; the attributes it names go into {@code attributes}. */
    static Condition filter(Map<String, JsonObject> conditions, String conditionalOperator, String path,
                            dev.eddy.api.json.Constraints c, List<String> attributes) {
        List<Spec> specs = specs(conditions, path, c);
        c.throwIfAny();
        Condition result = null;
        for (Spec s : specs) {
            attributes.add(s.attribute());
            Condition term = Legacy.comparison(s.attribute(), s.operator(), s.values());
            if (result == null) result = term;
            else if ("OR".equals(conditionalOperator)) result = new Condition.Or(result, term);
            else result = new Condition.And(result, term);
        }
        return result == null ? new Condition.True() : result;
    }

    static DynamoException validation(String message) {
        return new DynamoException(ErrorCode.VALIDATION, message);
    }
}
