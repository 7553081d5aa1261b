package dev.eddy.core.partiql;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns literals and bound parameters into attribute values: strings S, numbers N, booleans
 * BOOL, null NULL, {@code [...]} L, {@code {...}} M, and {@code <<...>>} SS or NS. A number that
 * breaks DynamoDB's rules is refused with the ordinary number message and where it sits in the
 * value: "under root", "under root.x", "under root[1]".
 */
final class Literals {
    private final List<AttributeValue> parameters;

    Literals(List<AttributeValue> parameters) {
        this.parameters = parameters;
    }

    /** Whether {@code n} is a value rather than a path, a function or an operation. */
    static boolean isValue(Node n) {
        return n instanceof Node.StringLiteral || n instanceof Node.NumberLiteral || n instanceof Node.BooleanLiteral
                || n instanceof Node.NullLiteral || n instanceof Node.Parameter || n instanceof Node.ListLiteral
                || n instanceof Node.BagLiteral || n instanceof Node.StructLiteral;
    }

    AttributeValue value(Node n) {
        return value(n, "root");
    }

    AttributeValue value(Node n, String under) {
        if (n instanceof Node.StringLiteral s) return AttributeValue.s(s.value());
        if (n instanceof Node.NumberLiteral num) return number(num.value(), under);
        if (n instanceof Node.BooleanLiteral b) return AttributeValue.Bool.of(b.value());
        if (n instanceof Node.NullLiteral) return AttributeValue.Null.INSTANCE;
        if (n instanceof Node.Parameter p) return parameters.get(p.index());
        if (n instanceof Node.ListLiteral l) {
            List<AttributeValue> out = new ArrayList<>(l.elements().size());
            for (int i = 0; i < l.elements().size(); i++) out.add(value(l.elements().get(i), under + "[" + i + "]"));
            return new AttributeValue.L(List.copyOf(out));
        }
        if (n instanceof Node.StructLiteral s) return new AttributeValue.M(struct(s, under, false));
        if (n instanceof Node.BagLiteral b) return bag(b, under);
        if (n instanceof Node.MissingLiteral) throw Messages.missingNotWithIs();
        throw Messages.unsupportedOperation(n.getClass().getSimpleName());
    }

    /** An INSERT's item: each attribute's value is a root of its own, as DynamoDB's messages place them. */
    Map<String, AttributeValue> item(Node.StructLiteral s) {
        return struct(s, "root", true);
    }

    /** The entries of a {@code {...}}: string keys, each once; values sit under {@code under.key}. */
    private Map<String, AttributeValue> struct(Node.StructLiteral s, String under, boolean item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Node.Entry e : s.entries()) {
            AttributeValue key = isValue(e.key()) ? value(e.key(), under) : null;
            if (!(key instanceof AttributeValue.S k)) {
                throw Messages.tupleKeyType(key == null ? "VARIABLE_REFERENCE" : typeName(key), under);
            }
            if (out.containsKey(k.value())) throw Messages.duplicateTupleKey(k.value(), under);
            out.put(k.value(), value(e.value(), item ? "root" : under + "." + k.value()));
        }
        return out;
    }

    private AttributeValue bag(Node.BagLiteral b, String under) {
        if (b.elements().isEmpty()) throw Messages.emptyBag();
        List<AttributeValue> values = new ArrayList<>();
        for (Node e : b.elements()) values.add(value(e, under));
        if (values.stream().allMatch(v -> v instanceof AttributeValue.S)) {
            Set<String> set = new LinkedHashSet<>();
            for (AttributeValue v : values) set.add(((AttributeValue.S) v).value());
            return new AttributeValue.SS(Collections.unmodifiableSet(set));
        }
        if (values.stream().allMatch(v -> v instanceof AttributeValue.N)) {
            Set<BigDecimal> set = new LinkedHashSet<>();
            for (AttributeValue v : values) set.add(((AttributeValue.N) v).value());
            return new AttributeValue.NS(Collections.unmodifiableSet(set));
        }
        throw Messages.bagType();
    }

    private static AttributeValue number(BigDecimal value, String under) {
        try {
            return new AttributeValue.N(Numbers.check(value));
        } catch (DynamoException e) {
            throw Messages.validation(e.getMessage() + " under " + under);
        }
    }

    /** PartiQL's name for a value's type, as its messages give it. */
    static String typeName(AttributeValue v) {
        return switch (v.type()) {
            case S -> "STRING";
            case N -> "DECIMAL";
            case B -> "BLOB";
            case BOOL -> "BOOL";
            case NULL -> "NULL";
            case L -> "LIST";
            case M -> "STRUCT";
            default -> "BAG";
        };
    }
}
