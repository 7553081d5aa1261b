package dev.eddy.core.changelog;

/** What a stream record says happened to its item. */
public enum EventName {
    INSERT, MODIFY, REMOVE;

    public static EventName of(Object oldItem, Object newItem) {
        if (oldItem == null) return INSERT;
        return newItem == null ? REMOVE : MODIFY;
    }
}
