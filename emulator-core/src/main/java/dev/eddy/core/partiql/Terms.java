package dev.eddy.core.partiql;

import dev.eddy.core.expression.Condition;
import dev.eddy.core.expression.Operand;
import dev.eddy.core.expression.Path;
import dev.eddy.core.item.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a statement's expressions into the engine's: document paths, operands and conditions,
 * with parameters bound. A WHERE becomes the same {@link Condition} a ConditionExpression does,
 * so the two agree on every comparison (sets by content, lists by order, a missing attribute
 * equal to nothing).
 */
final class Terms {
    private static final Map<String, Condition.Comparator> COMPARATORS = Map.of("=", Condition.Comparator.EQ,
            "<>", Condition.Comparator.NE, "!=", Condition.Comparator.NE, "<", Condition.Comparator.LT,
            "<=", Condition.Comparator.LE, ">", Condition.Comparator.GT, ">=", Condition.Comparator.GE);
    /** The types an ordering operator takes a value of; any other is refused before the read. */
    private static final Set<AttributeValue.Type> ORDERED = Set.of(AttributeValue.Type.S, AttributeValue.Type.N,
            AttributeValue.Type.B);
    /** IS's type names DynamoDB serves, as attribute_type's. */
    private static final Map<String, String> IS_TYPES = Map.of("NULL", "NULL", "BOOL", "BOOL", "BOOLEAN", "BOOL",
            "BLOB", "B", "STRING", "S", "NUMERIC", "N", "STRUCT", "M", "TUPLE", "M", "LIST", "L");

    private final Literals literals;

    Terms(List<AttributeValue> parameters) {
        this.literals = new Literals(parameters);
    }

    Literals literals() {
        return literals;
    }

    /** A document path: a name, then map keys ({@code .k}, {@code ['k']}) and list indexes ({@code [0]}). */
    Path path(Node n) {
        if (n instanceof Node.Name name) return Path.of(name.name());
        if (!(n instanceof Node.PathNode p) || !(p.root() instanceof Node.Name root)) {
            if (n instanceof Node.PathNode) throw Messages.unexpectedPathComponent();
            return null;
        }
        List<Path.Element> elements = new ArrayList<>();
        elements.add(new Path.Key(root.name(), false));
        for (Node.Step step : p.steps()) {
            if (step instanceof Node.Field f) {
                elements.add(new Path.Key(f.name(), false));
            } else if (step instanceof Node.Wildcard w) {
                throw Messages.wildcardPath(w.unpivot());
            } else {
                Node index = ((Node.Index) step).expression();
                AttributeValue v = Literals.isValue(index) ? literals.value(index) : null;
                if (v instanceof AttributeValue.S s) {
                    elements.add(new Path.Key(s.value(), false));
                } else if (v instanceof AttributeValue.N num && num.value().scale() <= 0 && num.value().signum() >= 0
                        && num.value().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                    elements.add(new Path.Index(num.value().intValueExact()));
                } else {
                    throw Messages.unexpectedPathComponent();
                }
            }
        }
        return new Path(elements);
    }

    /** A value or a path, or {@code size(path)}, as one side of a comparison. */
    Operand operand(Node n) {
        if (n instanceof Node.MissingLiteral) throw Messages.missingNotWithIs();
        if (Literals.isValue(n)) return new Operand.Value("?", literals.value(n));
        Path p = path(n);
        if (p != null) return new Operand.PathOperand(p);
        if (n instanceof Node.Call c && c.name().equals("size")) {
            if (c.arguments().size() != 1) throw Messages.validation("Incorrect number of arguments for function: size");
            return new Operand.Function("size", List.of(operand(c.arguments().get(0))));
        }
        if (n instanceof Node.Call c) throw Messages.unrecognizedFunction(c.name());
        throw unsupportedCondition(n);
    }

    /** A WHERE clause (or part of one) as a condition. */
    Condition condition(Node n) {
        if (n instanceof Node.Binary b) {
            switch (b.operator()) {
                case "AND":
                    return new Condition.And(condition(b.left()), condition(b.right()));
                case "OR":
                    return new Condition.Or(condition(b.left()), condition(b.right()));
                default:
                    Condition.Comparator c = COMPARATORS.get(b.operator());
                    if (c == null) throw unsupportedCondition(n);
                    Operand left = operand(b.left());
                    Operand right = operand(b.right());
                    if (c != Condition.Comparator.EQ && c != Condition.Comparator.NE) {
                        checkOrdered(b.operator(), left);
                        checkOrdered(b.operator(), right);
                    }
                    return new Condition.Comparison(c, left, right);
            }
        }
        if (n instanceof Node.Unary u && u.operator().equals("NOT")) return new Condition.Not(condition(u.operand()));
        if (n instanceof Node.In in) return negate(in(in), in.negated());
        if (n instanceof Node.Between b) {
            Operand value = operand(b.value());
            Operand lower = operand(b.lower());
            Operand upper = operand(b.upper());
            for (Operand o : List.of(value, lower, upper)) checkOrdered("BETWEEN", o);
            return negate(new Condition.Between(value, lower, upper), b.negated());
        }
        if (n instanceof Node.Is is) return is(is);
        if (n instanceof Node.Call c) return function(c);
        if (n instanceof Node.Like) throw Messages.validation("Unsupported operator in Condition Expression. Operator: LIKE");
        throw Messages.validation("WHERE clause must contain an expression that resolves to a boolean");
    }

    private Condition in(Node.In in) {
        Path p = path(in.value());
        if (p == null || !(in.candidates() instanceof Node.ListLiteral list) || list.elements().isEmpty()) {
            throw Messages.invalidIn();
        }
        List<Operand> candidates = new ArrayList<>();
        for (Node e : list.elements()) candidates.add(operand(e));
        return new Condition.In(new Operand.PathOperand(p), candidates);
    }

    private Condition is(Node.Is is) {
        Path p = path(is.value());
        if (p == null) throw Messages.validation("The left hand side argument to IS must be a Variable Reference, Literal, or Path");
        Operand path = new Operand.PathOperand(p);
        if (is.type().equals("MISSING")) {
            return new Condition.Function(is.negated() ? "attribute_exists" : "attribute_not_exists", List.of(path));
        }
        String type = IS_TYPES.get(is.type());
        if (type == null) throw Messages.unsupportedIsType(is.type());
        Condition c = new Condition.Function("attribute_type", List.of(path, new Operand.Value("?", AttributeValue.s(type))));
        return negate(c, is.negated());
    }

    private Condition function(Node.Call c) {
        List<Node> args = c.arguments();
        switch (c.name()) {
            case "begins_with":
            case "contains":
            case "attribute_type": {
                if (args.size() != 2) {
                    throw Messages.validation("Incorrect number of arguments for function: " + c.name());
                }
                return new Condition.Function(c.name(), List.of(operand(args.get(0)), operand(args.get(1))));
            }
            case "missing":
            case "exists": {
                if (args.size() != 1 || path(args.get(0)) == null) throw Messages.unrecognizedFunction(c.name());
                String name = c.name().equals("missing") ? "attribute_not_exists" : "attribute_exists";
                return new Condition.Function(name, List.of(operand(args.get(0))));
            }
            default:
                throw Messages.unrecognizedFunction(c.name());
        }
    }

    private static Condition negate(Condition c, boolean negated) {
        return negated ? new Condition.Not(c) : c;
    }

    private static void checkOrdered(String operator, Operand o) {
        if (o instanceof Operand.Value v && !ORDERED.contains(v.value().type())) {
            throw Messages.operandType(operator, v.value().type().name());
        }
    }

    private static RuntimeException unsupportedCondition(Node n) {
        String op = n instanceof Node.Binary b ? b.operator() : n instanceof Node.Unary u ? u.operator()
                : n.getClass().getSimpleName().toUpperCase(Locale.ROOT);
        return Messages.validation("Unsupported operator in Condition Expression. Operator: " + op);
    }
}
