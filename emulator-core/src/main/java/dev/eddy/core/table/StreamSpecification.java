package dev.eddy.core.table;

/** Whether a table has a stream, and what its records carry. */
public record StreamSpecification(boolean enabled, ViewType viewType) {
    public enum ViewType { KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES }

    public static final StreamSpecification DISABLED = new StreamSpecification(false, null);
}
