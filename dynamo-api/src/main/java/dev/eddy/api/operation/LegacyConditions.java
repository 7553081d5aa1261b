package dev.eddy.api.operation;

import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.expression.Condition;
import dev.eddy.core.expression.KeyCondition;
import dev.eddy.core.expression.Operand;
import dev.eddy.core.expression.Path;
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

    /** KeyConditions as a key condition; AWS's messages for operators no key range can use. */
    static KeyCondition keyConditions(Map<String, JsonObject> conditions, dev.eddy.api.json.Constraints c) {
        List<Spec> specs = specs(conditions, "keyConditions", c);
        c.throwIfAny();
        List<KeyCondition.Term> terms = new ArrayList<>();
        for (Spec s : specs) {
            checkArguments(s);
            KeyCondition.Operator op = switch (s.operator()) {
                case "EQ" -> KeyCondition.Operator.EQ;
                case "LT" -> KeyCondition.Operator.LT;
                case "LE" -> KeyCondition.Operator.LE;
                case "GT" -> KeyCondition.Operator.GT;
                case "GE" -> KeyCondition.Operator.GE;
                case "BETWEEN" -> KeyCondition.Operator.BETWEEN;
                case "BEGINS_WITH" -> KeyCondition.Operator.BEGINS_WITH;
                default -> throw validation("Attempted conditional constraint is not an indexable operation");
            };
            terms.add(new KeyCondition.Term(s.attribute(), op, s.values()));
        }
        if (terms.size() > 2) throw validation("Conditions can be of length 1 or 2 only");
        return new KeyCondition(terms);
    }

    /** QueryFilter or ScanFilter as a condition; the attributes it names go into {@code attributes}. */
    static Condition filter(Map<String, JsonObject> conditions, String conditionalOperator, String path,
                            dev.eddy.api.json.Constraints c, List<String> attributes) {
        List<Spec> specs = specs(conditions, path, c);
        c.throwIfAny();
        Condition result = null;
        for (Spec s : specs) {
            checkArguments(s);
            attributes.add(s.attribute());
            Condition term = term(s);
            if (result == null) result = term;
            else if ("OR".equals(conditionalOperator)) result = new Condition.Or(result, term);
            else result = new Condition.And(result, term);
        }
        return result == null ? new Condition.True() : result;
    }

    private static Condition term(Spec s) {
        Operand path = new Operand.PathOperand(Path.of(s.attribute()));
        List<Operand> values = new ArrayList<>();
        for (AttributeValue v : s.values()) values.add(new Operand.Value(null, v));
        return switch (s.operator()) {
            case "EQ" -> new Condition.Comparison(Condition.Comparator.EQ, path, values.get(0));
            case "NE" -> new Condition.Not(new Condition.Comparison(Condition.Comparator.EQ, path, values.get(0)));
            case "LT" -> new Condition.Comparison(Condition.Comparator.LT, path, values.get(0));
            case "LE" -> new Condition.Comparison(Condition.Comparator.LE, path, values.get(0));
            case "GT" -> new Condition.Comparison(Condition.Comparator.GT, path, values.get(0));
            case "GE" -> new Condition.Comparison(Condition.Comparator.GE, path, values.get(0));
            case "NOT_NULL" -> new Condition.Function("attribute_exists", List.of(path));
            case "NULL" -> new Condition.Function("attribute_not_exists", List.of(path));
            case "CONTAINS" -> new Condition.Function("contains", List.of(path, values.get(0)));
            case "NOT_CONTAINS" -> new Condition.And(new Condition.Function("attribute_exists", List.of(path)),
                    new Condition.Not(new Condition.Function("contains", List.of(path, values.get(0)))));
            case "BEGINS_WITH" -> new Condition.Function("begins_with", List.of(path, values.get(0)));
            case "IN" -> new Condition.In(path, values);
            case "BETWEEN" -> new Condition.Between(path, values.get(0), values.get(1));
            default -> throw new IllegalStateException(s.operator());
        };
    }

    /** Argument counts and types per operator, as AWS checks them. */
    private static void checkArguments(Spec s) {
        int n = s.values().size();
        boolean countOk = switch (s.operator()) {
            case "NULL", "NOT_NULL" -> n == 0;
            case "IN" -> n > 0;
            case "BETWEEN" -> n == 2;
            default -> n == 1;
        };
        if (!countOk) {
            throw validation("One or more parameter values were invalid: Invalid number of argument(s) for the "
                    + s.operator() + " ComparisonOperator");
        }
        for (AttributeValue v : s.values()) {
            boolean typeOk = switch (s.operator()) {
                case "LT", "LE", "GT", "GE", "BETWEEN", "IN" -> v.type().isKeyType();
                case "CONTAINS", "NOT_CONTAINS" -> v.type().isKeyType();
                case "BEGINS_WITH" -> v.type() == AttributeValue.Type.S || v.type() == AttributeValue.Type.B;
                default -> true;
            };
            if (!typeOk) {
                throw validation("One or more parameter values were invalid: ComparisonOperator " + s.operator()
                        + " is not valid for " + v.type() + " AttributeValue type");
            }
        }
    }

    static DynamoException validation(String message) {
        return new DynamoException(ErrorCode.VALIDATION, message);
    }
}
