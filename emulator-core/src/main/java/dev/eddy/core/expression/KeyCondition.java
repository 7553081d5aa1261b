package dev.eddy.core.expression;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.Values;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.KeySchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Query's key condition (KeyConditionExpression or legacy KeyConditions): terms, each on
 * one attribute, one or two for a single-attribute key and up to eight for a global index's
 * multi-attribute key. Which is the partition key is known only with the key schema:
 * {@link #resolve} answers the partition key values and the sort key condition a range scan
 * uses.
 */
public record KeyCondition(List<Term> terms) {

    public KeyCondition {
        terms = List.copyOf(terms);
    }

    public enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** {@code attribute operator values}: one value, or two for BETWEEN. */
    public record Term(String attribute, Operator operator, List<AttributeValue> values) {
        public Term {
            values = List.copyOf(values);
        }

        /** Whether a key value satisfies this term; values of another type never do. */
        public boolean test(AttributeValue v) {
            AttributeValue first = values.get(0);
            if (v == null || v.type() != first.type()) return false;
            return switch (operator) {
                case EQ -> Values.compare(v, first) == 0;
                case LT -> Values.compare(v, first) < 0;
                case LE -> Values.compare(v, first) <= 0;
                case GT -> Values.compare(v, first) > 0;
                case GE -> Values.compare(v, first) >= 0;
                case BETWEEN -> Values.compare(v, first) >= 0 && Values.compare(v, values.get(1)) <= 0;
                case BEGINS_WITH -> Evaluation.beginsWith(v, first);
            };
        }
    }

    /**
     * What a Query reads: one item collection (one value per partition key attribute), the
     * values of the leading sort key attributes it fixes by equality, and the condition on the
     * sort key attribute after them (null for none).
     */
    public record KeyQuery(List<AttributeValue> partitionKeyValues, List<AttributeValue> sortKeyPrefix,
                           Term sortKeyCondition) {
        public KeyQuery {
            partitionKeyValues = List.copyOf(partitionKeyValues);
            sortKeyPrefix = List.copyOf(sortKeyPrefix);
        }

        /** The partition key value; for a multi-attribute partition key, the first. */
        public AttributeValue partitionKeyValue() {
            return partitionKeyValues.get(0);
        }
    }

    /** Matches the terms to a table's or index's key schema, failing as AWS fails. */
    public KeyQuery resolve(KeySchema schema) {
        if (schema.multiAttribute()) return resolveMultiAttribute(schema);
        if (terms.size() > 2) throw Messages.keyConditionNotSupported();
        KeyAttribute sortKey = schema.sortKey();
        return resolve(schema.partitionKey().name(), schema.partitionKey().type(),
                sortKey == null ? null : sortKey.name(), sortKey == null ? null : sortKey.type());
    }

    /**
     * Matches the terms to the key schema ({@code sortKey} null for a table or index without
     * one), failing as AWS fails for a missing or misused key or a value of the wrong type.
     */
    public KeyQuery resolve(String partitionKey, AttributeValue.Type partitionKeyType,
                            String sortKey, AttributeValue.Type sortKeyType) {
        Term partition = null;
        Term sort = null;
        boolean other = false;
        for (Term t : terms) {
            if (t.attribute().equals(partitionKey)) partition = t;
            else if (t.attribute().equals(sortKey)) sort = t;
            else other = true;
        }
        // Without the partition key, that is what AWS names, whatever else the condition holds.
        if (partition == null) throw Messages.missedKeyElement(partitionKey);
        if (other) throw sortKey != null ? Messages.missedKeyElement(sortKey) : Messages.keyConditionNotSupported();
        if (partition.operator() != Operator.EQ) throw Messages.keyConditionNotSupported();
        if (partition.values().get(0).type() != partitionKeyType) throw Messages.keyTypeMismatch();
        if (sort != null) {
            for (AttributeValue v : sort.values()) {
                if (v.type() != sortKeyType) throw Messages.keyTypeMismatch();
            }
        }
        return new KeyQuery(List.of(partition.values().get(0)), List.of(), sort);
    }

    /**
     * A global index's multi-attribute key: an equality on every partition key attribute, and
     * conditions on a leading run of the sort key attributes, in key schema order whatever
     * the order of the terms, all equalities but the last.
     */
    private KeyQuery resolveMultiAttribute(KeySchema schema) {
        Map<String, Term> byAttribute = new HashMap<>();
        for (Term t : terms) {
            if (!schema.isKeyAttribute(t.attribute())) throw Messages.keyConditionNotSupported();
            byAttribute.put(t.attribute(), t);
        }
        List<String> notEqual = new ArrayList<>();
        for (KeyAttribute k : schema.partitionKeys()) {
            Term t = byAttribute.get(k.name());
            if (t == null || t.operator() != Operator.EQ) notEqual.add(k.name());
        }
        if (!notEqual.isEmpty()) {
            if (schema.partitionKeys().size() == 1) {
                Term t = byAttribute.get(schema.partitionKey().name());
                throw t == null ? Messages.missedKeyElement(schema.partitionKey().name()) : Messages.keyConditionNotSupported();
            }
            throw Messages.partitionKeyNeedsEqualities(notEqual);
        }
        int last = -1;
        for (int i = 0; i < schema.sortKeys().size(); i++) if (byAttribute.containsKey(schema.sortKeys().get(i).name())) last = i;
        List<String> notFixed = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            Term t = byAttribute.get(schema.sortKeys().get(i).name());
            if (t == null || t.operator() != Operator.EQ) notFixed.add(schema.sortKeys().get(i).name());
        }
        if (!notFixed.isEmpty()) throw Messages.sortKeyNeedsEqualities(notFixed, schema.sortKeys().get(last).name());
        for (KeyAttribute k : schema.attributes()) {
            Term t = byAttribute.get(k.name());
            if (t == null) continue;
            for (AttributeValue v : t.values()) if (v.type() != k.type()) throw Messages.keyTypeMismatch();
        }
        List<AttributeValue> partition = new ArrayList<>(schema.partitionKeys().size());
        for (KeyAttribute k : schema.partitionKeys()) partition.add(byAttribute.get(k.name()).values().get(0));
        List<AttributeValue> prefix = new ArrayList<>(Math.max(last, 0));
        for (int i = 0; i < last; i++) prefix.add(byAttribute.get(schema.sortKeys().get(i).name()).values().get(0));
        Term sort = last < 0 ? null : byAttribute.get(schema.sortKeys().get(last).name());
        return new KeyQuery(partition, prefix, sort);
    }

    /** Reads the bound condition tree of a KeyConditionExpression into terms. */
    static KeyCondition of(Condition bound) {
        List<Condition> parts = new ArrayList<>();
        flatten(bound, parts);
        List<Term> terms = new ArrayList<>();
        for (Condition c : parts) {
            Term t = term(c);
            for (Term other : terms) {
                if (other.attribute().equals(t.attribute())) throw Messages.oneConditionPerKey();
            }
            terms.add(t);
        }
        // A global index's multi-attribute key takes up to eight; others are held to two once the key schema is known.
        if (terms.size() > 2 * KeySchema.MAX_ATTRIBUTES_PER_KEY) throw Messages.keyConditionNotSupported();
        return new KeyCondition(terms);
    }

    /** Refuses, before anything else is checked, the operators a key condition cannot use. */
    static void checkOperators(Condition c) {
        if (c instanceof Condition.And a) {
            checkOperators(a.left());
            checkOperators(a.right());
        } else if (c instanceof Condition.Or) {
            throw Messages.keyConditionOperator("OR");
        } else if (c instanceof Condition.Not) {
            throw Messages.keyConditionOperator("NOT");
        } else if (c instanceof Condition.In) {
            throw Messages.keyConditionOperator("IN");
        } else if (c instanceof Condition.Comparison x && x.comparator() == Condition.Comparator.NE) {
            throw Messages.keyConditionOperator("<>");
        } else if (c instanceof Condition.Function f && !f.name().equals("begins_with")) {
            throw Messages.keyConditionOperator(f.name());
        }
    }

    private static void flatten(Condition c, List<Condition> out) {
        if (c instanceof Condition.And a) {
            flatten(a.left(), out);
            flatten(a.right(), out);
        } else {
            out.add(c);
        }
    }

    /**
     * One comparison, BETWEEN or begins_with of a key condition, read operand by operand as
     * DynamoDB reads it: one top-level attribute and values only, the attribute first for
     * BETWEEN and begins_with.
     */
    private static Term term(Condition c) {
        Operator op;
        List<Operand> operands;
        if (c instanceof Condition.Comparison x) {
            op = Operator.valueOf(x.comparator().name());
            operands = List.of(x.left(), x.right());
        } else if (c instanceof Condition.Between x) {
            op = Operator.BETWEEN;
            operands = List.of(x.value(), x.lower(), x.upper());
        } else {
            op = Operator.BEGINS_WITH;
            operands = ((Condition.Function) c).args();
        }
        String attribute = null;
        List<AttributeValue> values = new ArrayList<>();
        for (Operand o : operands) {
            if (o instanceof Operand.PathOperand p) {
                if (attribute != null) throw Messages.keyConditionInvalid("Multiple attribute names used in one condition");
                if (p.path().depth() != 1) throw Messages.keyConditionOnNestedAttribute();
                attribute = p.path().attribute();
            } else if (o instanceof Operand.Value v) {
                if (attribute == null) {
                    if (op == Operator.BETWEEN || op == Operator.BEGINS_WITH) {
                        throw Messages.keyConditionInvalid((op == Operator.BETWEEN ? "BETWEEN" : "begins_with")
                                + " operator must have the key attribute as its first operand");
                    }
                    // ":v < sk" names the key on the right: the same condition as "sk > :v".
                    op = mirrored(op);
                }
                values.add(v.value());
            } else {
                throw Messages.keyConditionNestedOperation();
            }
        }
        if (attribute == null) throw Messages.keyConditionInvalid("No key attribute specified");
        return new Term(attribute, op, values);
    }

    private static Operator mirrored(Operator op) {
        return switch (op) {
            case LT -> Operator.GT;
            case LE -> Operator.GE;
            case GT -> Operator.LT;
            case GE -> Operator.LE;
            default -> op;
        };
    }
}
