package dev.eddy.core.expression;

import dev.eddy.core.item.AttributeNames;
import dev.eddy.core.item.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's ExpressionAttributeNames and ExpressionAttributeValues, shared by all the
 * expressions of that request. It records which placeholders the expressions used, so that
 * once every expression is bound, {@link #checkAllUsed()} refuses the unused ones as AWS does.
 * Not thread-safe: one per request.
 */
public final class ExpressionContext {
    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();
    private final boolean namesGiven;
    private final boolean valuesGiven;

    /** Either map may be null when the request has none. */
    public ExpressionContext(Map<String, String> names, Map<String, AttributeValue> values) {
        if (names != null) for (String name : names.values()) if (name != null) AttributeNames.checkLength(name);
        this.names = names == null ? Map.of() : names;
        this.values = values == null ? Map.of() : values;
        this.namesGiven = names != null;
        this.valuesGiven = values != null;
    }

    /**
     * Refuses empty maps and placeholders that could never appear in an expression; the
     * operation calls this before parsing any expression.
     */
    public void checkPlaceholders() {
        checkKeys("ExpressionAttributeNames", names.keySet(), '#');
        checkKeys("ExpressionAttributeValues", values.keySet(), ':');
    }

    private void checkKeys(String parameter, Set<String> keys, char prefix) {
        if (keys.isEmpty() && (parameter.endsWith("Names") ? namesGiven : valuesGiven)) {
            throw Messages.validation(parameter + " must not be empty");
        }
        for (String key : keys) {
            if (!isPlaceholder(key, prefix)) {
                throw Messages.validation(parameter + " contains invalid key: Syntax error; key: \"" + key + "\"");
            }
        }
    }

    private static boolean isPlaceholder(String key, char prefix) {
        if (key.length() < 2 || key.charAt(0) != prefix) return false;
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok) return false;
        }
        return true;
    }

    public static ExpressionContext empty() {
        return new ExpressionContext(null, null);
    }

    String name(ExpressionKind kind, String placeholder) {
        String name = names.get(placeholder);
        if (name == null) throw Messages.undefinedName(kind, placeholder);
        usedNames.add(placeholder);
        return name;
    }

    boolean hasName(String placeholder) {
        return names.containsKey(placeholder);
    }

    AttributeValue value(ExpressionKind kind, String placeholder) {
        AttributeValue value = values.get(placeholder);
        if (value == null) throw Messages.undefinedValue(kind, placeholder);
        usedValues.add(placeholder);
        return value;
    }

    /**
     * Refuses names, then values, that no expression used. The keys are listed in the order
     * of a Java HashSet of all the keys, which is the order AWS lists them in.
     */
    public void checkAllUsed() {
        List<String> unusedNames = unused(names.keySet(), usedNames);
        if (!unusedNames.isEmpty()) throw Messages.unusedNames(unusedNames);
        List<String> unusedValues = unused(values.keySet(), usedValues);
        if (!unusedValues.isEmpty()) throw Messages.unusedValues(unusedValues);
    }

    private static List<String> unused(Set<String> all, Set<String> used) {
        Set<String> left = new HashSet<>(all);
        left.removeAll(used);
        List<String> out = new ArrayList<>(left.size());
        for (String k : left) out.add(k);
        return out;
    }
}
