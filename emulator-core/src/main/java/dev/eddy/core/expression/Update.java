package dev.eddy.core.expression;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemSize;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bound UpdateExpression (or legacy AttributeUpdates): validated once, applied to any
 * number of items. {@link #apply} is pure: it returns a new item and never changes its input.
 *
 * @param attributeUpdates whether it came from AttributeUpdates, whose ADD and DELETE report a
 *                         value of the wrong type for the attribute with a message of their own
 */
public record Update(List<Action> actions, boolean attributeUpdates) {

    public Update {
        actions = List.copyOf(actions);
    }

    public sealed interface Action {
        Path path();
    }

    public record Set(Path path, Operand value) implements Action {
    }

    public record Remove(Path path) implements Action {
    }

    public record Add(Path path, Operand.Value value) implements Action {
    }

    public record Delete(Path path, Operand.Value value) implements Action {
    }

    /** The document paths the update writes and those its SET values read. */
    public List<Path> paths() {
        List<Path> out = new java.util.ArrayList<>();
        for (Action a : actions) {
            out.add(a.path());
            if (a instanceof Set s) Operand.collectPaths(s.value(), out);
        }
        return out;
    }

    /**
     * The type each whole attribute the update writes will have, where the update alone tells:
     * a literal value (SET or ADD), arithmetic (a number), {@code list_append} (a list). A value
     * read from the item, or {@code if_not_exists}, is told only by the item.
     */
    public Map<String, AttributeValue.Type> knownTypes() {
        Map<String, AttributeValue.Type> out = new LinkedHashMap<>();
        for (Action a : actions) {
            if (a.path().depth() != 1) continue;
            AttributeValue.Type type = null;
            if (a instanceof Add add) type = add.value().value().type();
            if (a instanceof Set set) type = knownType(set.value());
            if (type != null) out.put(a.path().attribute(), type);
        }
        return out;
    }

    private static AttributeValue.Type knownType(Operand value) {
        if (value instanceof Operand.Value v) return v.value().type();
        if (value instanceof Operand.Arithmetic) return AttributeValue.Type.N;
        if (value instanceof Operand.Function f && f.name().equals("list_append")) return AttributeValue.Type.L;
        return null;
    }

    /** Refuses an update that writes to one of the table's key attributes. */
    public void checkKeyAttributes(java.util.Set<String> keyAttributes) {
        for (Action a : actions) {
            if (keyAttributes.contains(a.path().attribute())) throw Messages.keyAttributeUpdated(a.path().attribute());
        }
    }

    /**
     * The item after the update, and the paths it wrote (in the order written), from which
     * UPDATED_OLD and UPDATED_NEW are {@link #updatedOld(Map) projected}.
     */
    public record Result(Map<String, AttributeValue> item, List<Path> updatedPaths) {

        /** The updated attributes of the old item, each holding only its updated parts; empty when none existed. */
        public Map<String, AttributeValue> updatedOld(Map<String, AttributeValue> oldItem) {
            return oldItem == null ? Map.of() : Projection.of(updatedPaths).apply(oldItem);
        }

        /** The updated attributes of the new item, each holding only its updated parts. */
        public Map<String, AttributeValue> updatedNew() {
            return Projection.of(updatedPaths).apply(item);
        }
    }

    /**
     * What standalone UpdateItem holds to the item size limit besides the finished item, as
     * AWS measures it: the attributes the update writes (name and value, as finished; the key
     * and attributes it leaves alone are not counted) plus a cost per action: 3 for the update,
     * 19 per SET or ADD (20 for a SET through a list index), 2 per REMOVE or DELETE.
     */
    public long writtenSize(Map<String, AttributeValue> finished) {
        long cost = 3;
        java.util.Set<String> written = new java.util.HashSet<>();
        for (Action a : actions) {
            if (a instanceof Set || a instanceof Add) {
                boolean throughIndex = a instanceof Set
                        && a.path().elements().stream().anyMatch(e -> e instanceof Path.Index);
                cost += throughIndex ? 20 : 19;
                written.add(a.path().attribute());
            } else {
                cost += 2;
            }
        }
        for (String name : written) {
            AttributeValue value = finished.get(name);
            if (value != null) cost += ItemSize.utf8Length(name) + ItemSize.of(value);
        }
        return cost;
    }

    /**
     * Applies every action to {@code oldItem} (null when there is none). All operands read
     * the old item, as in DynamoDB. List elements are removed from the highest index down,
     * so every index names an element of the list as it was.
     */
    public Result apply(Map<String, AttributeValue> oldItem) {
        try {
            return applyActions(oldItem);
        } catch (DynamoException e) {
            if (attributeUpdates && Messages.isIncorrectDataType(e)) throw Messages.attributeTypeMismatch();
            throw e;
        }
    }

    private Result applyActions(Map<String, AttributeValue> oldItem) {
        Map<String, AttributeValue> old = oldItem == null ? Map.of() : oldItem;
        List<AttributeValue> values = new ArrayList<>(actions.size());
        for (Action a : actions) {
            if (a instanceof Set s) {
                // SET b = a copies a; with no a, DynamoDB refuses rather than leaving b alone.
                AttributeValue v = s.value().evaluate(old);
                if (v == null) throw Messages.missingAttribute();
                values.add(v);
            } else if (a instanceof Add add) {
                values.add(add.value().value());
            } else if (a instanceof Delete d) {
                values.add(d.value().value());
            } else {
                values.add(null);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) order.add(i);
        order.sort(Comparator.comparing((Integer i) -> actions.get(i) instanceof Remove)
                .thenComparing((x, y) -> actions.get(x) instanceof Remove
                        ? comparePaths(actions.get(y).path(), actions.get(x).path())
                        : comparePaths(actions.get(x).path(), actions.get(y).path())));
        Map<String, AttributeValue> item = new LinkedHashMap<>(old);
        for (int i : order) {
            Action a = actions.get(i);
            AttributeValue v = values.get(i);
            if (a instanceof Set) Documents.change(item, a.path(), current -> v);
            else if (a instanceof Remove) Documents.change(item, a.path(), current -> null);
            else if (a instanceof Add) Documents.change(item, a.path(), current -> Evaluation.add(current, v));
            else Documents.change(item, a.path(), current -> Evaluation.delete(current, v));
        }
        List<Path> paths = new ArrayList<>(actions.size());
        for (Action a : actions) paths.add(a.path());
        return new Result(item, paths);
    }

    /** Orders paths element by element; list indexes numerically, so appends land in index order. */
    private static int comparePaths(Path a, Path b) {
        int n = Math.min(a.depth(), b.depth());
        for (int i = 0; i < n; i++) {
            Path.Element x = a.elements().get(i);
            Path.Element y = b.elements().get(i);
            int c;
            if (x instanceof Path.Index xi && y instanceof Path.Index yi) c = Integer.compare(xi.index(), yi.index());
            else if (x instanceof Path.Key xk && y instanceof Path.Key yk) c = xk.name().compareTo(yk.name());
            else c = x instanceof Path.Index ? -1 : 1;
            if (c != 0) return c;
        }
        return Integer.compare(a.depth(), b.depth());
    }
}
