package dev.eddy.core.expression;

import dev.eddy.core.item.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * A parsed condition (ConditionExpression, FilterExpression, KeyConditionExpression or a
 * legacy Expected/QueryFilter/ScanFilter). Testing never fails: values of different types
 * are simply unequal and unordered, and a missing attribute makes a comparison false.
 */
public sealed interface Condition {

    /** Whether {@code item} (null for no item) satisfies this condition. */
    boolean test(Map<String, AttributeValue> item);

    /** The document paths a condition reads. */
    static void collectPaths(Condition c, List<Path> out) {
        if (c instanceof Condition.Comparison x) {
            Operand.collectPaths(x.left(), out);
            Operand.collectPaths(x.right(), out);
        } else if (c instanceof Condition.Between x) {
            Operand.collectPaths(x.value(), out);
            Operand.collectPaths(x.lower(), out);
            Operand.collectPaths(x.upper(), out);
        } else if (c instanceof Condition.In x) {
            Operand.collectPaths(x.value(), out);
            for (Operand o : x.candidates()) Operand.collectPaths(o, out);
        } else if (c instanceof Condition.And x) {
            collectPaths(x.left(), out);
            collectPaths(x.right(), out);
        } else if (c instanceof Condition.Or x) {
            collectPaths(x.left(), out);
            collectPaths(x.right(), out);
        } else if (c instanceof Condition.Not x) {
            collectPaths(x.condition(), out);
        } else if (c instanceof Condition.Function x) {
            for (Operand o : x.args()) Operand.collectPaths(o, out);
        }
    }

    enum Comparator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    record Comparison(Comparator comparator, Operand left, Operand right) implements Condition {
        public boolean test(Map<String, AttributeValue> item) {
            return Evaluation.compare(comparator, left.evaluate(item), right.evaluate(item));
        }
    }

    record Between(Operand value, Operand lower, Operand upper) implements Condition {
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = value.evaluate(item);
            return Evaluation.compare(Comparator.GE, v, lower.evaluate(item))
                    && Evaluation.compare(Comparator.LE, v, upper.evaluate(item));
        }
    }

    record In(Operand value, List<Operand> candidates) implements Condition {
        public In {
            candidates = List.copyOf(candidates);
        }

        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = value.evaluate(item);
            if (v == null) return false;
            for (Operand c : candidates) {
                if (v.equals(c.evaluate(item))) return true;
            }
            return false;
        }
    }

    record And(Condition left, Condition right) implements Condition {
        public boolean test(Map<String, AttributeValue> item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        public boolean test(Map<String, AttributeValue> item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Condition condition) implements Condition {
        public boolean test(Map<String, AttributeValue> item) {
            return !condition.test(item);
        }
    }

    /** attribute_exists, attribute_not_exists, attribute_type, begins_with or contains. */
    record Function(String name, List<Operand> args) implements Condition {
        public Function {
            args = List.copyOf(args);
        }

        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue first = args.get(0).evaluate(item);
            return switch (name) {
                case "attribute_exists" -> first != null;
                case "attribute_not_exists" -> first == null;
                case "attribute_type" -> Evaluation.hasType(first, args.get(1).evaluate(item));
                case "begins_with" -> Evaluation.beginsWith(first, args.get(1).evaluate(item));
                case "contains" -> Evaluation.contains(first, args.get(1).evaluate(item));
                default -> throw new IllegalStateException("not a condition function: " + name);
            };
        }
    }

    /** Always true: the condition of a request that has none. */
    record True() implements Condition {
        public boolean test(Map<String, AttributeValue> item) {
            return true;
        }
    }
}
