package dev.eddy.core.expression;

import dev.eddy.core.item.AttributeValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Test helpers: a printed form of trees, and short ways to build values. */
final class Trees {
    private Trees() {
    }

    static String print(Condition c) {
        if (c instanceof Condition.And x) return "(" + print(x.left()) + " AND " + print(x.right()) + ")";
        if (c instanceof Condition.Or x) return "(" + print(x.left()) + " OR " + print(x.right()) + ")";
        if (c instanceof Condition.Not x) return "(NOT " + print(x.condition()) + ")";
        if (c instanceof Condition.Comparison x) {
            return "(" + print(x.left()) + " " + x.comparator().symbol() + " " + print(x.right()) + ")";
        }
        if (c instanceof Condition.Between x) {
            return "(" + print(x.value()) + " BETWEEN " + print(x.lower()) + " AND " + print(x.upper()) + ")";
        }
        if (c instanceof Condition.In x) {
            return "(" + print(x.value()) + " IN " + x.candidates().stream().map(Trees::print)
                    .collect(Collectors.joining(", ", "(", ")")) + ")";
        }
        if (c instanceof Condition.Function f) return call(f.name(), f.args());
        return "TRUE";
    }

    static String print(Operand o) {
        if (o instanceof Operand.PathOperand p) return p.path().text();
        if (o instanceof Operand.Value v) return v.placeholder();
        if (o instanceof Operand.Function f) return call(f.name(), f.args());
        Operand.Arithmetic a = (Operand.Arithmetic) o;
        return print(a.left()) + " " + a.operator() + " " + print(a.right());
    }

    static String print(Update u) {
        return u.actions().stream().map(a -> {
            if (a instanceof Update.Set s) return "SET " + a.path().text() + " = " + print(s.value());
            if (a instanceof Update.Remove) return "REMOVE " + a.path().text();
            if (a instanceof Update.Add x) return "ADD " + a.path().text() + " " + x.value().placeholder();
            return "DELETE " + a.path().text() + " " + ((Update.Delete) a).value().placeholder();
        }).collect(Collectors.joining("; "));
    }

    private static String call(String name, List<Operand> args) {
        return name + args.stream().map(Trees::print).collect(Collectors.joining(", ", "(", ")"));
    }

    static AttributeValue s(String v) {
        return AttributeValue.s(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.n(v);
    }

    static AttributeValue b(int... bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) out[i] = (byte) bytes[i];
        return AttributeValue.b(out);
    }

    static AttributeValue bool(boolean v) {
        return AttributeValue.Bool.of(v);
    }

    static AttributeValue ss(String... v) {
        return new AttributeValue.SS(new LinkedHashSet<>(Arrays.asList(v)));
    }

    static AttributeValue ns(String... v) {
        return new AttributeValue.NS(Arrays.stream(v).map(x -> ((AttributeValue.N) n(x)).value())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    static AttributeValue l(AttributeValue... v) {
        return new AttributeValue.L(List.of(v));
    }

    static AttributeValue m(Object... kv) {
        return new AttributeValue.M(map(kv));
    }

    /** An item from alternating names and values. */
    static Map<String, AttributeValue> map(Object... kv) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) out.put((String) kv[i], (AttributeValue) kv[i + 1]);
        return out;
    }
}
