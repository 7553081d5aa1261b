package dev.eddy.core.expression;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.Numbers;
import dev.eddy.core.item.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** DynamoDB's semantics for the operators and functions of expressions. */
final class Evaluation {
    private Evaluation() {
    }

    /** Missing operands make every comparison false; different types are unequal and unordered. */
    static boolean compare(Condition.Comparator op, AttributeValue a, AttributeValue b) {
        if (a == null || b == null) return false;
        switch (op) {
            case EQ:
                return a.equals(b);
            case NE:
                return !a.equals(b);
            default:
                if (a.type() != b.type() || !a.type().isKeyType()) return false;
                int c = Values.compare(a, b);
                return switch (op) {
                    case LT -> c < 0;
                    case LE -> c <= 0;
                    case GT -> c > 0;
                    default -> c >= 0;
                };
        }
    }

    static boolean hasType(AttributeValue value, AttributeValue typeName) {
        return value != null && typeName instanceof AttributeValue.S s && value.type().name().equals(s.value());
    }

    static boolean beginsWith(AttributeValue value, AttributeValue prefix) {
        if (value instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
            return s.value().startsWith(p.value());
        }
        if (value instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
            return b.value().startsWith(p.value());
        }
        return false;
    }

    static boolean contains(AttributeValue value, AttributeValue operand) {
        if (value == null || operand == null) return false;
        if (value instanceof AttributeValue.S s) {
            return operand instanceof AttributeValue.S o && s.value().contains(o.value());
        }
        if (value instanceof AttributeValue.B b) {
            return operand instanceof AttributeValue.B o && b.value().contains(o.value());
        }
        if (value instanceof AttributeValue.SS ss) {
            return operand instanceof AttributeValue.S o && ss.values().contains(o.value());
        }
        if (value instanceof AttributeValue.NS ns) {
            return operand instanceof AttributeValue.N o && ns.values().contains(o.value());
        }
        if (value instanceof AttributeValue.BS bs) {
            return operand instanceof AttributeValue.B o && bs.values().contains(o.value());
        }
        if (value instanceof AttributeValue.L l) {
            return l.values().contains(operand);
        }
        return false;
    }

    /** The size of a string (UTF-16 units, as DynamoDB counts), binary, set, list or map; null for other types. */
    static AttributeValue size(AttributeValue value) {
        if (value == null) return null;
        int n;
        if (value instanceof AttributeValue.S s) n = s.value().length();
        else if (value instanceof AttributeValue.B b) n = b.value().length();
        else if (value instanceof AttributeValue.SS s) n = s.values().size();
        else if (value instanceof AttributeValue.NS s) n = s.values().size();
        else if (value instanceof AttributeValue.BS s) n = s.values().size();
        else if (value instanceof AttributeValue.L l) n = l.values().size();
        else if (value instanceof AttributeValue.M m) n = m.values().size();
        else return null;
        return AttributeValue.n(n);
    }

    static AttributeValue listAppend(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) throw Messages.missingAttribute();
        if (!(a instanceof AttributeValue.L x) || !(b instanceof AttributeValue.L y)) throw Messages.incorrectDataType();
        List<AttributeValue> out = new ArrayList<>(x.values().size() + y.values().size());
        out.addAll(x.values());
        out.addAll(y.values());
        return new AttributeValue.L(List.copyOf(out));
    }

    static AttributeValue arithmetic(char op, AttributeValue a, AttributeValue b) {
        if (a == null || b == null) throw Messages.missingAttribute();
        if (!(a instanceof AttributeValue.N x) || !(b instanceof AttributeValue.N y)) throw Messages.incorrectDataType();
        BigDecimal r = op == '+' ? Numbers.add(x.value(), y.value()) : Numbers.subtract(x.value(), y.value());
        return new AttributeValue.N(r);
    }

    /** ADD: number addition or set union; a missing attribute starts from the operand. */
    static AttributeValue add(AttributeValue current, AttributeValue operand) {
        if (current == null) return operand;
        if (current instanceof AttributeValue.N x && operand instanceof AttributeValue.N y) {
            return new AttributeValue.N(Numbers.add(x.value(), y.value()));
        }
        if (current instanceof AttributeValue.SS x && operand instanceof AttributeValue.SS y) {
            return new AttributeValue.SS(union(x.values(), y.values()));
        }
        if (current instanceof AttributeValue.NS x && operand instanceof AttributeValue.NS y) {
            return new AttributeValue.NS(union(x.values(), y.values()));
        }
        if (current instanceof AttributeValue.BS x && operand instanceof AttributeValue.BS y) {
            return new AttributeValue.BS(union(x.values(), y.values()));
        }
        throw Messages.incorrectDataType();
    }

    /** DELETE: set difference; null (remove the attribute) when nothing is left. */
    static AttributeValue delete(AttributeValue current, AttributeValue operand) {
        if (current == null) return null;
        if (current instanceof AttributeValue.SS x && operand instanceof AttributeValue.SS y) {
            Set<String> left = difference(x.values(), y.values());
            return left.isEmpty() ? null : new AttributeValue.SS(left);
        }
        if (current instanceof AttributeValue.NS x && operand instanceof AttributeValue.NS y) {
            Set<BigDecimal> left = difference(x.values(), y.values());
            return left.isEmpty() ? null : new AttributeValue.NS(left);
        }
        if (current instanceof AttributeValue.BS x && operand instanceof AttributeValue.BS y) {
            var left = difference(x.values(), y.values());
            return left.isEmpty() ? null : new AttributeValue.BS(left);
        }
        throw Messages.incorrectDataType();
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return java.util.Collections.unmodifiableSet(out);
    }

    private static <T> Set<T> difference(Set<T> a, Set<T> b) {
        Set<T> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return java.util.Collections.unmodifiableSet(out);
    }
}
