package dev.eddy.core.partiql;

import dev.eddy.core.expression.Condition;
import dev.eddy.core.expression.Path;
import dev.eddy.core.expression.Update;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.table.Catalog;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.Keys;
import dev.eddy.core.write.PrimaryKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed statement against its table and turns it into a plan, failing as DynamoDB
 * does: the statement's own shape first, then the table, then what the table's key makes of
 * the WHERE.
 */
public final class Planner {
    private final Catalog catalog;
    private final String region;

    public Planner(Catalog catalog, String region) {
        this.catalog = catalog;
        this.region = region;
    }

    /** The table and the index a FROM names. */
    record Source(String table, String index) {
    }

    public SelectPlan select(Prepared prepared, List<AttributeValue> parameters, boolean consistent, Surface surface) {
        Statement.Select select = (Statement.Select) prepared.statement();
        checkParameters(prepared, parameters);
        Source source = source(select.from());
        if (source.index() != null && surface == Surface.TRANSACTION) {
            throw Messages.validation("Reads on indices are not supported within transactions.");
        }
        if (source.index() != null && surface == Surface.BATCH) throw keyReadOnly(surface);
        Terms terms = new Terms(parameters);
        // The WHERE's operand types are checked before the table is looked up, as AWS does.
        if (select.where() != null) terms.condition(select.where());
        TableDefinition table = catalog.require(region, source.table());
        SecondaryIndex index = index(table, source.index(), consistent);
        SelectPlan plan = new ReadPlanner(table, index, source.table(), terms).plan(select, consistent,
                prepared.fingerprint(parameters));
        if (surface != Surface.STATEMENT && !plan.isKeyReadOnly()) throw keyReadOnly(surface);
        return plan;
    }

    private static RuntimeException keyReadOnly(Surface surface) {
        String api = surface == Surface.BATCH ? "BatchExecuteStatement" : "ExecuteTransaction";
        return Messages.validation("Select statements within " + api + " must specify the primary key in the where clause.");
    }

    public WritePlan write(Prepared prepared, List<AttributeValue> parameters, Surface surface) {
        Statement statement = prepared.statement();
        if (surface == Surface.TRANSACTION && prepared.hasReturning()) {
            throw Messages.validation("RETURNING clause is not supported in ExecuteTransaction.");
        }
        checkParameters(prepared, parameters);
        Terms terms = new Terms(parameters);
        if (statement instanceof Statement.Insert insert) return insert(insert, terms);
        if (statement instanceof Statement.Update update) return update(update, terms);
        if (statement instanceof Statement.Delete delete) return delete(delete, terms);
        if (surface != Surface.TRANSACTION) throw Messages.existsOutsideTransaction();
        return exists(((Statement.Exists) statement).select(), terms);
    }

    private static void checkParameters(Prepared prepared, List<AttributeValue> parameters) {
        if (prepared.parameterCount() != parameters.size()) throw Messages.parameterCount();
    }

    private WritePlan insert(Statement.Insert insert, Terms terms) {
        if (insert.target() instanceof Node.PathNode) throw Messages.dmlInvalidFrom();
        String tableName = source(insert.target()).table();
        Map<String, AttributeValue> item;
        if (insert.value() instanceof Node.StructLiteral struct) {
            item = terms.literals().item(struct);
        } else if (insert.value() instanceof Node.Parameter p && terms.literals().value(p) instanceof AttributeValue.M m) {
            item = m.values();
        } else {
            throw Messages.unsupportedItemFormat();
        }
        if (insert.returning() != null) throw Messages.returningInInsert();
        TableDefinition table = catalog.require(region, tableName);
        for (KeyAttribute k : table.keySchema().attributes()) {
            AttributeValue v = item.get(k.name());
            if (v == null) throw Messages.keyAbsent(k.name());
            if (v.type() != k.type()) throw Messages.keySchemaMismatch(k.name());
        }
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw Messages.validation("Item size has exceeded the maximum allowed size");
        }
        PrimaryKey key = Keys.fromItem(table, item);
        return new WritePlan(WritePlan.Kind.INSERT, table, tableName, key, item, null, new Condition.True(), null);
    }

    private WritePlan update(Statement.Update statement, Terms terms) {
        if (statement.target() instanceof Node.PathNode) throw Messages.notOnIndex();
        String tableName = source(statement.target()).table();
        if (statement.where() == null) throw Messages.incompleteKey();
        Condition where = terms.condition(statement.where());
        Update update = Updates.of(statement.actions(), terms);
        TableDefinition table = catalog.require(region, tableName);
        KeyAndCondition k = keyAndCondition(table, where, false);
        Set<String> keyNames = new HashSet<>();
        for (KeyAttribute a : table.keySchema().attributes()) keyNames.add(a.name());
        update.checkKeyAttributes(keyNames);
        Keys.checkIndexKeyTypes(table, update.knownTypes());
        Keys.refuseNestedIndexKeyPaths(table, update.paths());
        return new WritePlan(WritePlan.Kind.UPDATE, table, tableName, k.key(), null, update, k.condition(),
                statement.returning());
    }

    private WritePlan delete(Statement.Delete statement, Terms terms) {
        if (statement.target() instanceof Node.PathNode) throw Messages.notOnIndex();
        String tableName = source(statement.target()).table();
        if (statement.where() == null) throw Messages.incompleteKey();
        Condition where = terms.condition(statement.where());
        TableDefinition table = catalog.require(region, tableName);
        KeyAndCondition k = keyAndCondition(table, where, false);
        Statement.Returning returning = statement.returning();
        if (returning != null && returning != Statement.Returning.ALL_OLD) throw Messages.returningInDelete(returning);
        return new WritePlan(WritePlan.Kind.DELETE, table, tableName, k.key(), null, null, k.condition(), returning);
    }

    private WritePlan exists(Statement.Select select, Terms terms) {
        if (select.from() instanceof Node.PathNode) {
            throw Messages.validation("Operations on indices are not supported in transactions");
        }
        String tableName = source(select.from()).table();
        if (select.where() == null) throw Messages.existsNeedsKey();
        Condition where = terms.condition(select.where());
        TableDefinition table = catalog.require(region, tableName);
        KeyAndCondition k = keyAndCondition(table, where, true);
        return new WritePlan(WritePlan.Kind.CHECK, table, tableName, k.key(), null, null, k.condition(), null);
    }

    record KeyAndCondition(PrimaryKey key, Condition condition) {
    }

    /**
     * A write's key: an equality on each key attribute among the WHERE's top-level AND terms; the
     * other terms are the write's condition.
     */
    private static KeyAndCondition keyAndCondition(TableDefinition table, Condition where, boolean exists) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        List<Condition> rest = new ArrayList<>();
        for (Condition c : KeyTerms.conjuncts(where)) {
            KeyTerms.Equality e = KeyTerms.equality(c);
            if (e != null && table.keySchema().isKeyAttribute(e.attribute())) {
                AttributeValue prior = key.get(e.attribute());
                if (prior == null) {
                    key.put(e.attribute(), e.value());
                    continue;
                }
                if (!exists && !prior.equals(e.value())) throw Messages.multipleConditionsOnKey(e.attribute());
            }
            rest.add(c);
        }
        Map<String, AttributeValue> ordered = new LinkedHashMap<>();
        for (KeyAttribute k : table.keySchema().attributes()) {
            AttributeValue v = key.get(k.name());
            if (v == null) throw exists ? Messages.existsNeedsKey() : Messages.incompleteKey();
            if (!v.type().isKeyType()) throw Messages.keyValueType(k.name(), v.type().name());
            if (v.type() != k.type()) throw Messages.keySchemaMismatch(k.name());
            ordered.put(k.name(), v);
        }
        Condition condition = new Condition.True();
        for (Condition c : rest) condition = condition instanceof Condition.True ? c : new Condition.And(condition, c);
        return new KeyAndCondition(Keys.fromKey(table, ordered), condition);
    }

    /** The table and index a FROM (or a write's target) names, checked before the table is looked up. */
    static Source source(Node from) {
        String table;
        String index = null;
        if (from instanceof Node.Name n) {
            table = n.name();
        } else if (from instanceof Node.PathNode p && p.root() instanceof Node.Name root) {
            if (p.steps().size() > 1) throw Messages.tooManyFromComponents();
            if (!(p.steps().get(0) instanceof Node.Field f)) throw Messages.unexpectedPathComponent();
            table = root.name();
            index = f.name();
        } else {
            throw Messages.unexpectedFromSource();
        }
        if (table.isEmpty() || (index != null && index.isEmpty())) throw Messages.emptyPathComponent();
        checkName(table);
        if (index != null) checkName(index);
        return new Source(table, index);
    }

    private static void checkName(String name) {
        boolean valid = name.length() >= 3 && name.length() <= 255;
        for (int i = 0; valid && i < name.length(); i++) {
            char c = name.charAt(i);
            valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        }
        if (!valid) {
            throw Messages.validation("Table name should be within the length [3, 255] and only contain 'a-z', 'A-Z', "
                    + "'0-9', '-', '_', '.'.");
        }
    }

    private static SecondaryIndex index(TableDefinition table, String name, boolean consistent) {
        if (name == null) return null;
        SecondaryIndex index = table.index(name);
        if (index == null || index.status() == SecondaryIndex.IndexStatus.DELETING) throw Messages.noSuchIndex();
        if (index.global() && consistent) throw Messages.consistentReadOnGlobalIndex();
        if (index.status() == SecondaryIndex.IndexStatus.CREATING) {
            throw Messages.validation("Cannot read from backfilling global secondary index: " + name);
        }
        return index;
    }

    /** The top-level attribute names a condition reads, in order, each once. */
    static List<String> attributes(List<Condition> conditions) {
        List<Path> paths = new ArrayList<>();
        for (Condition c : conditions) Condition.collectPaths(c, paths);
        List<String> names = new ArrayList<>();
        for (Path p : paths) if (!names.contains(p.attribute())) names.add(p.attribute());
        return names;
    }
}
