package dev.eddy.core.partiql;

import dev.eddy.core.expression.Condition;
import dev.eddy.core.expression.KeyCondition;
import dev.eddy.core.expression.Path;
import dev.eddy.core.index.IndexEntries;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.Values;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.Keys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses how a SELECT reads. The WHERE's top-level AND terms decide: an equality on the
 * partition key is one Query (or, with one on the table's sort key too, one GetItem), an IN on
 * it a Query per value, an OR whose every branch fixes it a Query per branch; anything else
 * scans. The whole WHERE is then the filter, so the reads only narrow what is looked at.
 */
final class ReadPlanner {
    private final TableDefinition table;
    private final SecondaryIndex index;
    private final String tableName;
    private final Terms terms;
    private final KeySchema schema;

    ReadPlanner(TableDefinition table, SecondaryIndex index, String tableName, Terms terms) {
        this.table = table;
        this.index = index;
        this.tableName = tableName;
        this.terms = terms;
        this.schema = index == null ? table.keySchema() : index.keySchema();
    }

    /** One Query's item collection and the condition on its sort key (null for none). */
    private record Collection(AttributeValue partition, KeyCondition.Term sortKey) {
    }

    SelectPlan plan(Statement.Select select, boolean consistent, byte[] fingerprint) {
        List<SelectPlan.Selected> projection = projection(select.projection());
        Condition filter = select.where() == null ? new Condition.True() : terms.condition(select.where());
        List<Condition> conjuncts = KeyTerms.conjuncts(filter);
        String partitionKey = schema.partitionKey().name();
        checkFilterProjected(conjuncts, partitionKey);
        boolean fetch = checkSelectionProjected(projection);
        List<Collection> collections = schema.multiAttribute() ? null : collections(filter, conjuncts);
        boolean forward = true;
        if (!select.orderBy().isEmpty()) {
            if (select.where() == null) throw Messages.orderByWithoutWhere();
            if (!KeyTerms.nonOptionalPartitionKey(filter, partitionKey)) throw Messages.orderByWithoutHashKey();
            forward = order(select.orderBy(), collections);
        }
        List<SelectPlan.Read> reads = reads(collections, conjuncts);
        if (reads.size() == 1 && reads.get(0) instanceof SelectPlan.KeyRead && onlyKeyEqualities(conjuncts)) {
            filter = new Condition.True();
        }
        return new SelectPlan(table, index, tableName, projection, filter, reads, forward, fetch, consistent, fingerprint);
    }

    /** The selected paths, each under its last name; null for {@code *}. */
    private List<SelectPlan.Selected> projection(List<Node> nodes) {
        if (nodes == null) return null;
        List<SelectPlan.Selected> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Path path = terms.path(nodes.get(i));
            if (path == null) throw Messages.unsupportedOperation("projection of " + nodes.get(i).getClass().getSimpleName());
            Path.Element last = path.elements().get(path.depth() - 1);
            String name = last instanceof Path.Key k ? k.name() : "_" + (i + 1);
            for (SelectPlan.Selected s : out) if (s.name().equals(name)) throw Messages.duplicateSelectNames(name);
            out.add(new SelectPlan.Selected(name, path));
        }
        return out;
    }

    /**
     * A read keyed on an index's partition key may filter only on attributes the index projects;
     * unkeyed, the read scans the index and an attribute it lacks simply matches nothing.
     */
    private void checkFilterProjected(List<Condition> conjuncts, String partitionKey) {
        if (index == null) return;
        List<Condition> others = new ArrayList<>();
        boolean keyed = false;
        for (Condition c : conjuncts) {
            if (!keyed && KeyTerms.fixes(c, partitionKey)) keyed = true;
            else others.add(c);
        }
        if (!keyed) return;
        List<String> missing = new ArrayList<>();
        for (String a : Planner.attributes(others)) {
            if (!IndexEntries.projects(index, table.keySchema(), a)) missing.add(a);
        }
        if (!missing.isEmpty()) throw Messages.unprojectedFilter(index.name(), missing);
    }

    /** A global index refuses attributes it does not project; a local one fetches them from the table. */
    private boolean checkSelectionProjected(List<SelectPlan.Selected> projection) {
        if (index == null || projection == null) return false;
        List<String> missing = new ArrayList<>();
        for (SelectPlan.Selected s : projection) {
            String a = s.path().attribute();
            if (!IndexEntries.projects(index, table.keySchema(), a) && !missing.contains(a)) missing.add(a);
        }
        if (missing.isEmpty()) return false;
        if (index.global()) throw Messages.unprojectedSelect(index.name(), missing);
        return true;
    }

    /** The item collections the WHERE confines the read to, or null when it must scan. */
    private List<Collection> collections(Condition filter, List<Condition> conjuncts) {
        String partitionKey = schema.partitionKey().name();
        for (Condition c : conjuncts) {
            KeyTerms.Equality e = KeyTerms.equality(c);
            if (e != null && e.attribute().equals(partitionKey)) {
                return List.of(new Collection(partitionValue(e.value()), sortKeyTerm(conjuncts)));
            }
        }
        for (Condition c : conjuncts) {
            List<AttributeValue> values = KeyTerms.in(c, partitionKey);
            if (values == null) continue;
            KeyCondition.Term sortKey = sortKeyTerm(conjuncts);
            List<Collection> out = new ArrayList<>();
            for (AttributeValue v : values) out.add(new Collection(partitionValue(v), sortKey));
            return out;
        }
        List<Condition> branches = KeyTerms.disjuncts(filter);
        if (branches.size() < 2) return null;
        List<Collection> out = new ArrayList<>();
        for (Condition branch : branches) {
            List<Condition> terms = KeyTerms.conjuncts(branch);
            Collection found = null;
            for (Condition c : terms) {
                KeyTerms.Equality e = KeyTerms.equality(c);
                if (e != null && e.attribute().equals(partitionKey)) {
                    found = new Collection(partitionValue(e.value()), sortKeyTerm(terms));
                    break;
                }
            }
            if (found == null) return null;
            out.add(found);
        }
        checkNoOverlap(out);
        return out;
    }

    private AttributeValue partitionValue(AttributeValue v) {
        if (v.type() != schema.partitionKey().type()) throw Messages.keySchemaMismatch(schema.partitionKey().name());
        return v;
    }

    private KeyCondition.Term sortKeyTerm(List<Condition> conjuncts) {
        return schema.hasSortKey() ? KeyTerms.sortKeyTerm(conjuncts, schema.sortKey()) : null;
    }

    /** OR branches on one item collection must not read the same items twice: only distinct sort key values. */
    private static void checkNoOverlap(List<Collection> collections) {
        for (int i = 0; i < collections.size(); i++) {
            for (int j = i + 1; j < collections.size(); j++) {
                Collection a = collections.get(i);
                Collection b = collections.get(j);
                if (!a.partition().equals(b.partition())) continue;
                boolean distinct = a.sortKey() != null && b.sortKey() != null
                        && a.sortKey().operator() == KeyCondition.Operator.EQ && b.sortKey().operator() == KeyCondition.Operator.EQ
                        && !a.sortKey().values().equals(b.sortKey().values());
                if (!distinct) throw Messages.overlappingRangeConditions();
            }
        }
    }

    /** ORDER BY: key attributes only; the sort key's direction, and the partition key's across collections. */
    private boolean order(List<Statement.OrderKey> orderBy, List<Collection> collections) {
        boolean forward = true;
        Boolean partitionsDescending = null;
        for (Statement.OrderKey k : orderBy) {
            if (!(k.key() instanceof Node.Name name)) {
                throw Messages.orderByExpression(k.key().getClass().getSimpleName());
            }
            if (!schema.isKeyAttribute(name.name())) throw Messages.orderByNotKey(name.name());
            if (name.name().equals(schema.partitionKey().name())) partitionsDescending = k.descending();
            else forward = !k.descending();
        }
        if (collections != null && collections.size() > 1) {
            if (partitionsDescending == null) {
                throw Messages.validation("Must have hash key in ORDER BY clause when more than one hash key condition "
                        + "specified in WHERE clause.");
            }
            boolean descending = partitionsDescending;
            List<Collection> sorted = new ArrayList<>(collections);
            sorted.sort((a, b) -> descending ? Values.compare(b.partition(), a.partition())
                    : Values.compare(a.partition(), b.partition()));
            collections.clear();
            collections.addAll(sorted);
        }
        return forward;
    }

    private List<SelectPlan.Read> reads(List<Collection> collections, List<Condition> conjuncts) {
        if (collections == null) return List.of(new SelectPlan.ScanRead());
        List<SelectPlan.Read> reads = new ArrayList<>();
        for (Collection c : collections) {
            boolean wholeKey = index == null && (!schema.hasSortKey()
                    || (c.sortKey() != null && c.sortKey().operator() == KeyCondition.Operator.EQ));
            if (wholeKey) {
                Map<String, AttributeValue> key = new LinkedHashMap<>();
                key.put(schema.partitionKey().name(), c.partition());
                if (schema.hasSortKey()) key.put(schema.sortKey().name(), c.sortKey().values().get(0));
                reads.add(new SelectPlan.KeyRead(Keys.fromKey(table, key)));
            } else {
                reads.add(new SelectPlan.QueryRead(new KeyCondition.KeyQuery(List.of(c.partition()), List.of(), c.sortKey())));
            }
        }
        return reads;
    }

    /** Whether the WHERE is nothing but one equality on each key attribute. */
    private boolean onlyKeyEqualities(List<Condition> conjuncts) {
        List<String> seen = new ArrayList<>();
        for (Condition c : conjuncts) {
            KeyTerms.Equality e = KeyTerms.equality(c);
            if (e == null || !schema.isKeyAttribute(e.attribute()) || seen.contains(e.attribute())) return false;
            seen.add(e.attribute());
        }
        for (KeyAttribute k : schema.attributes()) if (!seen.contains(k.name())) return false;
        return true;
    }
}
