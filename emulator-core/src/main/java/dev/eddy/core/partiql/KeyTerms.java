package dev.eddy.core.partiql;

import dev.eddy.core.expression.Condition;
import dev.eddy.core.expression.KeyCondition;
import dev.eddy.core.expression.Operand;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.table.KeyAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a WHERE says about key attributes: its top-level AND terms, and those that fix or bound a key. */
final class KeyTerms {
    private static final Map<Condition.Comparator, KeyCondition.Operator> OPERATORS = Map.of(
            Condition.Comparator.EQ, KeyCondition.Operator.EQ, Condition.Comparator.LT, KeyCondition.Operator.LT,
            Condition.Comparator.LE, KeyCondition.Operator.LE, Condition.Comparator.GT, KeyCondition.Operator.GT,
            Condition.Comparator.GE, KeyCondition.Operator.GE);
    /** The same operators with the operands swapped: {@code 3 < sk} is {@code sk > 3}. */
    private static final Map<KeyCondition.Operator, KeyCondition.Operator> FLIPPED = Map.of(
            KeyCondition.Operator.EQ, KeyCondition.Operator.EQ, KeyCondition.Operator.LT, KeyCondition.Operator.GT,
            KeyCondition.Operator.LE, KeyCondition.Operator.GE, KeyCondition.Operator.GT, KeyCondition.Operator.LT,
            KeyCondition.Operator.GE, KeyCondition.Operator.LE);

    private KeyTerms() {
    }

    /** {@code attribute = value}, either way round. */
    record Equality(String attribute, AttributeValue value) {
    }

    /** The terms of a top-level AND, in order; a condition that is no AND is its own only term. */
    static List<Condition> conjuncts(Condition c) {
        List<Condition> out = new ArrayList<>();
        addConjuncts(c, out);
        return out;
    }

    private static void addConjuncts(Condition c, List<Condition> out) {
        if (c instanceof Condition.And a) {
            addConjuncts(a.left(), out);
            addConjuncts(a.right(), out);
        } else if (!(c instanceof Condition.True)) {
            out.add(c);
        }
    }

    /** The branches of a top-level OR. */
    static List<Condition> disjuncts(Condition c) {
        List<Condition> out = new ArrayList<>();
        addDisjuncts(c, out);
        return out;
    }

    private static void addDisjuncts(Condition c, List<Condition> out) {
        if (c instanceof Condition.Or o) {
            addDisjuncts(o.left(), out);
            addDisjuncts(o.right(), out);
        } else {
            out.add(c);
        }
    }

    /** The top-level attribute an operand names, or null when it is no plain attribute. */
    static String attribute(Operand o) {
        return o instanceof Operand.PathOperand p && p.path().depth() == 1 ? p.path().attribute() : null;
    }

    static AttributeValue value(Operand o) {
        return o instanceof Operand.Value v ? v.value() : null;
    }

    static Equality equality(Condition c) {
        if (!(c instanceof Condition.Comparison x) || x.comparator() != Condition.Comparator.EQ) return null;
        if (attribute(x.left()) != null && value(x.right()) != null) return new Equality(attribute(x.left()), value(x.right()));
        if (attribute(x.right()) != null && value(x.left()) != null) return new Equality(attribute(x.right()), value(x.left()));
        return null;
    }

    /** The values {@code attribute IN [...]} lists, or null when {@code c} is no such term. */
    static List<AttributeValue> in(Condition c, String attribute) {
        if (!(c instanceof Condition.In in) || !attribute.equals(attribute(in.value()))) return null;
        List<AttributeValue> values = new ArrayList<>();
        for (Operand o : in.candidates()) {
            AttributeValue v = value(o);
            if (v == null) return null;
            if (!values.contains(v)) values.add(v);
        }
        return values;
    }

    /** Whether a term fixes the partition key: an equality or an IN on it. */
    static boolean fixes(Condition c, String partitionKey) {
        Equality e = equality(c);
        return (e != null && e.attribute().equals(partitionKey)) || in(c, partitionKey) != null;
    }

    /**
     * The first term among {@code terms} that a Query can use as its sort key condition: a
     * comparison, BETWEEN or begins_with on the sort key against values of its type.
     */
    static KeyCondition.Term sortKeyTerm(List<Condition> terms, KeyAttribute sortKey) {
        for (Condition c : terms) {
            KeyCondition.Term t = sortKeyTerm(c, sortKey.name());
            if (t == null) continue;
            for (AttributeValue v : t.values()) if (v.type() != sortKey.type()) throw Messages.keySchemaMismatch(sortKey.name());
            if (t.operator() == KeyCondition.Operator.BEGINS_WITH && sortKey.type() == AttributeValue.Type.N) continue;
            return t;
        }
        return null;
    }

    private static KeyCondition.Term sortKeyTerm(Condition c, String name) {
        if (c instanceof Condition.Comparison x && OPERATORS.containsKey(x.comparator())) {
            KeyCondition.Operator op = OPERATORS.get(x.comparator());
            if (name.equals(attribute(x.left())) && value(x.right()) != null) {
                return new KeyCondition.Term(name, op, List.of(value(x.right())));
            }
            if (name.equals(attribute(x.right())) && value(x.left()) != null) {
                return new KeyCondition.Term(name, FLIPPED.get(op), List.of(value(x.left())));
            }
        }
        if (c instanceof Condition.Between b && name.equals(attribute(b.value())) && value(b.lower()) != null
                && value(b.upper()) != null) {
            return new KeyCondition.Term(name, KeyCondition.Operator.BETWEEN, List.of(value(b.lower()), value(b.upper())));
        }
        if (c instanceof Condition.Function f && f.name().equals("begins_with") && name.equals(attribute(f.args().get(0)))
                && value(f.args().get(1)) != null) {
            return new KeyCondition.Term(name, KeyCondition.Operator.BEGINS_WITH, List.of(value(f.args().get(1))));
        }
        return null;
    }

    /**
     * Whether the WHERE holds a condition on the partition key that no branch can avoid: what
     * ORDER BY needs. A comparison with a value counts; an OR needs one in both branches.
     */
    static boolean nonOptionalPartitionKey(Condition c, String partitionKey) {
        if (c instanceof Condition.And a) {
            return nonOptionalPartitionKey(a.left(), partitionKey) || nonOptionalPartitionKey(a.right(), partitionKey);
        }
        if (c instanceof Condition.Or o) {
            return nonOptionalPartitionKey(o.left(), partitionKey) && nonOptionalPartitionKey(o.right(), partitionKey);
        }
        if (c instanceof Condition.Comparison x) {
            return (partitionKey.equals(attribute(x.left())) && value(x.right()) != null)
                    || (partitionKey.equals(attribute(x.right())) && value(x.left()) != null);
        }
        return in(c, partitionKey) != null;
    }

}
