package dev.eddy.core.partiql;

import java.util.List;

/** A parsed PartiQL statement. */
public sealed interface Statement {

    /** Whether it only reads (a SELECT), as batches and transactions tell their kinds apart. */
    default boolean isRead() {
        return this instanceof Select;
    }

    /**
     * @param projection the projected expressions, or null for {@code *}
     * @param from       the table, or {@code "table"."index"}, as a path
     * @param where      null for none
     */
    record Select(List<Node> projection, Node from, Node where, List<OrderKey> orderBy) implements Statement {
    }

    record OrderKey(Node key, boolean descending) {
    }

    record Insert(Node target, Node value, Returning returning) implements Statement {
    }

    record Update(Node target, List<Action> actions, Node where, Returning returning) implements Statement {
        public Update {
            actions = List.copyOf(actions);
        }
    }

    sealed interface Action {
        Node path();
    }

    record SetAction(Node path, Node value) implements Action {
    }

    record RemoveAction(Node path) implements Action {
    }

    record Delete(Node target, Node where, Returning returning) implements Statement {
    }

    /** {@code EXISTS(SELECT ...)}: a condition check, only in a transaction that writes. */
    record Exists(Select select) implements Statement {
    }

    /** What a RETURNING clause asks for: ALL or MODIFIED, OLD or NEW, always {@code *}. */
    enum Returning {
        ALL_OLD("ALL OLD *"), MODIFIED_OLD("MODIFIED OLD *"), ALL_NEW("ALL NEW *"), MODIFIED_NEW("MODIFIED NEW *");

        private final String text;

        Returning(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
