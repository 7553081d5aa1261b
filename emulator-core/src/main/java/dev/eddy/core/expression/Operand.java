package dev.eddy.core.expression;

import dev.eddy.core.item.AttributeValue;
import java.util.List;
import java.util.Map;

/** Something that yields a value from an item: a path, a {@code :value}, a function or arithmetic. */
public sealed interface Operand {

    /** The value for {@code item}, or null where there is none (a missing attribute, size of a number). */
    AttributeValue evaluate(Map<String, AttributeValue> item);

    /** Adds to {@code out} the document paths {@code operand} reads, through functions and arithmetic. */
    static void collectPaths(Operand operand, List<Path> out) {
        if (operand instanceof PathOperand p) {
            out.add(p.path());
        } else if (operand instanceof Function f) {
            for (Operand a : f.args()) collectPaths(a, out);
        } else if (operand instanceof Arithmetic a) {
            collectPaths(a.left(), out);
            collectPaths(a.right(), out);
        }
    }

    record PathOperand(Path path) implements Operand {
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            return Documents.get(item, path);
        }
    }

    /** An expression attribute value; {@code value} is null until the expression is bound. */
    record Value(String placeholder, AttributeValue value) implements Operand {
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            return value;
        }
    }

    /** {@code size}, {@code if_not_exists} or {@code list_append}. */
    record Function(String name, List<Operand> args) implements Operand {
        public Function {
            args = List.copyOf(args);
        }

        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            return switch (name) {
                case "size" -> Evaluation.size(args.get(0).evaluate(item));
                case "if_not_exists" -> {
                    AttributeValue v = args.get(0).evaluate(item);
                    yield v != null ? v : args.get(1).evaluate(item);
                }
                case "list_append" -> Evaluation.listAppend(args.get(0).evaluate(item), args.get(1).evaluate(item));
                default -> throw new IllegalStateException("not an operand function: " + name);
            };
        }
    }

    /** {@code a + b} or {@code a - b}, only in an update's SET. */
    record Arithmetic(char operator, Operand left, Operand right) implements Operand {
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            return Evaluation.arithmetic(operator, left.evaluate(item), right.evaluate(item));
        }
    }
}
