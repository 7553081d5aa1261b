package dev.eddy.core.table;

import java.util.List;

/** Which attributes a secondary index copies from the table. */
public record Projection(Type type, List<String> nonKeyAttributes) {
    public enum Type { ALL, KEYS_ONLY, INCLUDE }
}
