package dev.eddy.core.expression;

import dev.eddy.core.item.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Reading and copy-on-write changing of values inside an item by document path. */
final class Documents {
    private Documents() {
    }

    /** The value at {@code path}, or null where the item, an element or a step's type is missing. */
    static AttributeValue get(Map<String, AttributeValue> item, Path path) {
        if (item == null) return null;
        List<Path.Element> els = path.elements();
        AttributeValue v = item.get(((Path.Key) els.get(0)).name());
        for (int i = 1; i < els.size() && v != null; i++) {
            Path.Element e = els.get(i);
            if (e instanceof Path.Key k) {
                v = v instanceof AttributeValue.M m ? m.values().get(k.name()) : null;
            } else {
                int index = ((Path.Index) e).index();
                v = v instanceof AttributeValue.L l && index < l.values().size() ? l.values().get(index) : null;
            }
        }
        return v;
    }

    /**
     * Replaces the value at {@code path} in the mutable top-level {@code item} by
     * {@code change(current)}; a null result removes it. Containers on the way are copied,
     * never changed. A missing or mistyped parent fails as DynamoDB fails; an index past
     * the end of a list appends.
     */
    static void change(Map<String, AttributeValue> item, Path path, UnaryOperator<AttributeValue> change) {
        List<Path.Element> els = path.elements();
        String name = ((Path.Key) els.get(0)).name();
        AttributeValue current = item.get(name);
        AttributeValue next;
        if (els.size() == 1) {
            next = change.apply(current);
        } else {
            if (current == null) throw Messages.invalidPathForUpdate();
            next = changeIn(current, els, 1, change);
        }
        if (next == null) item.remove(name);
        else item.put(name, next);
    }

    private static AttributeValue changeIn(AttributeValue container, List<Path.Element> els, int i,
                                           UnaryOperator<AttributeValue> change) {
        boolean last = i == els.size() - 1;
        Path.Element e = els.get(i);
        if (e instanceof Path.Key k) {
            if (!(container instanceof AttributeValue.M m)) throw Messages.invalidPathForUpdate();
            AttributeValue current = m.values().get(k.name());
            if (!last && current == null) throw Messages.invalidPathForUpdate();
            AttributeValue next = last ? change.apply(current) : changeIn(current, els, i + 1, change);
            if (next == current) return container;
            Map<String, AttributeValue> copy = new LinkedHashMap<>(m.values());
            if (next == null) copy.remove(k.name());
            else copy.put(k.name(), next);
            return new AttributeValue.M(copy);
        }
        if (!(container instanceof AttributeValue.L l)) throw Messages.invalidPathForUpdate();
        int index = ((Path.Index) e).index();
        List<AttributeValue> values = l.values();
        AttributeValue current = index < values.size() ? values.get(index) : null;
        if (!last && current == null) throw Messages.invalidPathForUpdate();
        AttributeValue next = last ? change.apply(current) : changeIn(current, els, i + 1, change);
        if (next == current) return container;
        List<AttributeValue> copy = new ArrayList<>(values);
        if (current == null) copy.add(next);
        else if (next == null) copy.remove(index);
        else copy.set(index, next);
        return new AttributeValue.L(copy);
    }
}
