package dev.eddy.core.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * A document path: a top-level attribute, then map keys and list indexes, e.g.
 * {@code a.b[3].c}. In a parsed expression a key may still be a {@code #name}
 * placeholder; once bound every key is the attribute name itself.
 */
public record Path(List<Element> elements) {

    public Path {
        elements = List.copyOf(elements);
    }

    public sealed interface Element {
    }

    /** A map key or attribute name; {@code placeholder} when it is an unresolved {@code #name}. */
    public record Key(String name, boolean placeholder) implements Element {
    }

    public record Index(int index) implements Element {
    }

    public static Path of(String attribute) {
        return new Path(List.of(new Key(attribute, false)));
    }

    /** The top-level attribute this path starts at. */
    public String attribute() {
        return ((Key) elements.get(0)).name();
    }

    public int depth() {
        return elements.size();
    }

    Path child(Element e) {
        List<Element> list = new ArrayList<>(elements);
        list.add(e);
        return new Path(list);
    }

    /** AWS's form in messages: {@code [a, b, [3], c]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) sb.append(", ");
            Element e = elements.get(i);
            if (e instanceof Key k) sb.append(k.name());
            else sb.append('[').append(((Index) e).index()).append(']');
        }
        return sb.append(']').toString();
    }

    /** The path as written in an expression: {@code a.b[3].c}. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Element e : elements) {
            if (e instanceof Key k) {
                if (sb.length() > 0) sb.append('.');
                sb.append(k.name());
            } else {
                sb.append('[').append(((Index) e).index()).append(']');
            }
        }
        return sb.toString();
    }
}
