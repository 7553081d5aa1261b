package dev.eddy.core.expression;

import dev.eddy.core.item.AttributeNames;
import dev.eddy.core.item.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bound ProjectionExpression (or AttributesToGet). Applying it keeps only the projected
 * parts: a map keeps only the projected keys, and indexes projected from a list give a list
 * of the selected elements in index order. Parts missing from the item are left out, and so
 * is a container none of whose projected parts exist.
 */
public final class Projection {
    private final List<Path> paths;
    private final Node root = new Node();

    private static final class Node {
        final Map<String, Node> keys = new LinkedHashMap<>();
        final TreeMap<Integer, Node> indexes = new TreeMap<>();
        boolean whole;
    }

    private Projection(List<Path> paths) {
        this.paths = List.copyOf(paths);
        for (Path p : paths) {
            Node node = root;
            for (Path.Element e : p.elements()) {
                node = e instanceof Path.Key k
                        ? node.keys.computeIfAbsent(k.name(), x -> new Node())
                        : node.indexes.computeIfAbsent(((Path.Index) e).index(), x -> new Node());
            }
            node.whole = true;
        }
    }

    /** A projection of bound paths; they must not overlap (the binder checks expressions). */
    public static Projection of(List<Path> paths) {
        return new Projection(paths);
    }

    /** The legacy AttributesToGet: top-level attribute names. */
    public static Projection ofAttributes(List<String> names) {
        List<Path> paths = new ArrayList<>(names.size());
        for (String n : names) {
            AttributeNames.checkLength(n);
            paths.add(Path.of(n));
        }
        return new Projection(paths);
    }

    public List<Path> paths() {
        return paths;
    }

    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : root.keys.entrySet()) {
            AttributeValue v = project(item.get(e.getKey()), e.getValue());
            if (v != null) out.put(e.getKey(), v);
        }
        return out;
    }

    private static AttributeValue project(AttributeValue value, Node node) {
        if (value == null || node.whole) return value;
        if (!node.keys.isEmpty()) {
            if (!(value instanceof AttributeValue.M m)) return null;
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : node.keys.entrySet()) {
                AttributeValue v = project(m.values().get(e.getKey()), e.getValue());
                if (v != null) out.put(e.getKey(), v);
            }
            return out.isEmpty() ? null : new AttributeValue.M(out);
        }
        if (!(value instanceof AttributeValue.L l)) return null;
        List<AttributeValue> out = new ArrayList<>();
        for (Map.Entry<Integer, Node> e : node.indexes.entrySet()) {
            if (e.getKey() >= l.values().size()) break;
            AttributeValue v = project(l.values().get(e.getKey()), e.getValue());
            if (v != null) out.add(v);
        }
        return out.isEmpty() ? null : new AttributeValue.L(out);
    }
}
