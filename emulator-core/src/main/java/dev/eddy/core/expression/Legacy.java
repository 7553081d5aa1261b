package dev.eddy.core.expression;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.item.AttributeNames;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pre-expression parameters (Expected, QueryFilter, ScanFilter, KeyConditions,
 * AttributeUpdates), checked with AWS's messages and converted into the same trees as
 * expressions, so that one evaluator serves both.
 */
public final class Legacy {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Set<String> ONE_ARGUMENT = Set.of("EQ", "NE", "LE", "LT", "GE", "GT", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH");
    private static final Set<String> SCALAR_ONLY = Set.of("LE", "LT", "GE", "GT", "CONTAINS", "NOT_CONTAINS", "IN", "BETWEEN");

    private Legacy() {
    }

    /** One entry of Expected; absent members are null. */
    public record ExpectedAttribute(AttributeValue value, Boolean exists, String comparisonOperator,
                                    List<AttributeValue> attributeValueList) {
    }

    /** One entry of AttributeUpdates; a null action means PUT. */
    public record AttributeUpdate(String action, AttributeValue value) {
    }

    /**
     * Refuses a request that mixes the two styles, e.g. {@code Expected} with
     * {@code ConditionExpression}; each set lists the parameters present, in AWS's order.
     */
    public static void checkNotMixed(List<String> nonExpressionParameters, List<String> expressionParameters) {
        if (nonExpressionParameters.isEmpty() || expressionParameters.isEmpty()) return;
        throw Messages.validation("Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {" + String.join(", ", nonExpressionParameters) + "} "
                + "Expression parameters: {" + String.join(", ", expressionParameters) + "}");
    }

    /** Expected with its ConditionalOperator (null means AND); an empty map is always true. */
    public static Condition expected(Map<String, ExpectedAttribute> expected, String conditionalOperator) {
        List<Condition> parts = new ArrayList<>();
        for (Map.Entry<String, ExpectedAttribute> e : expected.entrySet()) {
            String name = e.getKey();
            ExpectedAttribute c = e.getValue();
            if (c.attributeValueList() != null && c.value() != null) {
                throw invalid("Value and AttributeValueList cannot be used together for Attribute: " + name);
            }
            if (c.comparisonOperator() != null) {
                if (c.exists() != null) {
                    throw invalid("Exists and ComparisonOperator cannot be used together for Attribute: " + name);
                }
                String op = c.comparisonOperator();
                if (!op.equals("NULL") && !op.equals("NOT_NULL") && c.attributeValueList() == null && c.value() == null) {
                    throw invalid("Value or AttributeValueList must be used with ComparisonOperator: " + op
                            + " for Attribute: " + name);
                }
                List<AttributeValue> args = c.attributeValueList() != null ? c.attributeValueList()
                        : c.value() != null ? List.of(c.value()) : List.of();
                parts.add(comparison(name, op, args));
            } else if (c.attributeValueList() != null) {
                throw invalid("AttributeValueList can only be used with a ComparisonOperator for Attribute: " + name);
            } else {
                boolean exists = c.exists() == null || c.exists();
                if (exists && c.value() == null) {
                    throw invalid("Value must be provided when Exists is " + (c.exists() == null ? "null" : "true")
                            + " for Attribute: " + name);
                }
                if (!exists && c.value() != null) {
                    throw invalid("Value cannot be used when Exists is false for Attribute: " + name);
                }
                parts.add(exists
                        ? new Condition.Comparison(Condition.Comparator.EQ, path(name), literal(c.value()))
                        : new Condition.Function("attribute_not_exists", List.of(path(name))));
            }
        }
        return combine(parts, conditionalOperator);
    }

    /**
     * AttributeUpdates as an update: PUT sets, DELETE without a value removes, DELETE with a
     * set takes elements away, ADD adds numbers, unites sets and appends to lists.
     */
    public static Update attributeUpdates(Map<String, AttributeUpdate> updates, Set<String> keyAttributes) {
        List<Update.Action> actions = new ArrayList<>();
        for (Map.Entry<String, AttributeUpdate> e : updates.entrySet()) {
            String name = e.getKey();
            AttributeNames.checkLength(name);
            AttributeUpdate u = e.getValue();
            String action = u.action() == null ? "PUT" : u.action();
            AttributeValue v = u.value();
            if (keyAttributes.contains(name)) throw Messages.keyAttributeUpdated(name);
            if (v == null && !action.equals("DELETE")) {
                throw invalid("Only DELETE action is allowed when no attribute value is specified");
            }
            Path path = Path.of(name);
            switch (action) {
                case "PUT" -> actions.add(new Update.Set(path, literal(v)));
                case "DELETE" -> {
                    if (v == null) {
                        actions.add(new Update.Remove(path));
                    } else if (v.type().isSet()) {
                        actions.add(new Update.Delete(path, literal(v)));
                    } else {
                        throw invalid("DELETE action with value is not supported for the type " + v.type().name());
                    }
                }
                case "ADD" -> {
                    if (v.type() == AttributeValue.Type.L) {
                        Operand existing = new Operand.Function("if_not_exists",
                                List.of(new Operand.PathOperand(path), literal(new AttributeValue.L(List.of()))));
                        actions.add(new Update.Set(path, new Operand.Function("list_append", List.of(existing, literal(v)))));
                    } else if (v.type() == AttributeValue.Type.N || v.type().isSet()) {
                        actions.add(new Update.Add(path, literal(v)));
                    } else {
                        throw invalid("ADD action is not supported for the type " + v.type().name());
                    }
                }
                default -> throw new IllegalArgumentException("unknown AttributeAction " + action);
            }
        }
        return new Update(actions, true);
    }

    /** One legacy comparison (of Expected, QueryFilter or ScanFilter) as a condition, its values checked first. */
    public static Condition comparison(String name, String op, List<AttributeValue> args) {
        checkArguments(op, args);
        Operand.PathOperand a = path(name);
        return switch (op) {
            case "NE", "EQ", "LE", "LT", "GE", "GT" ->
                    new Condition.Comparison(Condition.Comparator.valueOf(op), a, literal(args.get(0)));
            case "NOT_NULL" -> new Condition.Function("attribute_exists", List.of(a));
            case "NULL" -> new Condition.Function("attribute_not_exists", List.of(a));
            case "CONTAINS" -> new Condition.Function("contains", List.of(a, literal(args.get(0))));
            // Unlike NE, NOT_CONTAINS fails for a missing attribute.
            case "NOT_CONTAINS" -> new Condition.And(new Condition.Function("attribute_exists", List.of(a)),
                    new Condition.Not(new Condition.Function("contains", List.of(a, literal(args.get(0))))));
            case "BEGINS_WITH" -> new Condition.Function("begins_with", List.of(a, literal(args.get(0))));
            case "IN" -> {
                List<Operand> list = new ArrayList<>();
                for (AttributeValue v : args) list.add(literal(v));
                yield new Condition.In(a, list);
            }
            case "BETWEEN" -> new Condition.Between(a, literal(args.get(0)), literal(args.get(1)));
            default -> throw new IllegalArgumentException("unknown ComparisonOperator " + op);
        };
    }

    /**
     * A legacy comparison's AttributeValueList, as DynamoDB checks it before anything else:
     * how many values the operator takes, their types, one type for IN and BETWEEN, and
     * BETWEEN's bounds in order.
     */
    public static void checkArguments(String op, List<AttributeValue> args) {
        boolean countOk = switch (op) {
            case "NULL", "NOT_NULL" -> args.isEmpty();
            case "IN" -> !args.isEmpty();
            case "BETWEEN" -> args.size() == 2;
            default -> !ONE_ARGUMENT.contains(op) || args.size() == 1;
        };
        if (!countOk) throw invalid("Invalid number of argument(s) for the " + op + " ComparisonOperator");
        for (AttributeValue v : args) {
            boolean typeOk = op.equals("BEGINS_WITH")
                    ? v.type() == AttributeValue.Type.S || v.type() == AttributeValue.Type.B
                    : !SCALAR_ONLY.contains(op) || v.type().isKeyType();
            if (!typeOk) throw invalid("ComparisonOperator " + op + " is not valid for " + v.type().name() + " AttributeValue type");
        }
        if (op.equals("IN") || op.equals("BETWEEN")) {
            for (AttributeValue v : args) {
                if (v.type() != args.get(0).type()) throw invalid("AttributeValues inside AttributeValueList must be of same type");
            }
        }
        if (op.equals("BETWEEN") && Values.compare(args.get(0), args.get(1)) > 0) {
            throw Messages.validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
    }

    private static Condition combine(List<Condition> parts, String conditionalOperator) {
        if (parts.isEmpty()) return new Condition.True();
        boolean or = "OR".equals(conditionalOperator);
        Condition out = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            out = or ? new Condition.Or(out, parts.get(i)) : new Condition.And(out, parts.get(i));
        }
        return out;
    }

    private static Operand.PathOperand path(String name) {
        return new Operand.PathOperand(Path.of(name));
    }

    private static Operand.Value literal(AttributeValue v) {
        return new Operand.Value(null, v);
    }

    private static DynamoException invalid(String message) {
        return Messages.validation(INVALID + message);
    }
}
