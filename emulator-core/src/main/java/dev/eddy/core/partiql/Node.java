package dev.eddy.core.partiql;

import java.math.BigDecimal;
import java.util.List;

/** An expression of a PartiQL statement as written, before it is checked against a table. */
sealed interface Node {

    record StringLiteral(String value) implements Node {
    }

    /** A number as written; DynamoDB's range and precision are checked where it becomes a value. */
    record NumberLiteral(BigDecimal value) implements Node {
    }

    record BooleanLiteral(boolean value) implements Node {
    }

    record NullLiteral() implements Node {
    }

    record MissingLiteral() implements Node {
    }

    /** The {@code index}-th {@code ?} of the statement, counting from 0. */
    record Parameter(int index) implements Node {
    }

    /** A name standing alone: an attribute, or a table in a FROM clause. */
    record Name(String name, boolean quoted) implements Node {
    }

    /** {@code root.step[step]...}: map keys by name, list elements by index. */
    record PathNode(Node root, List<Step> steps) implements Node {
        public PathNode {
            steps = List.copyOf(steps);
        }
    }

    sealed interface Step {
    }

    record Field(String name) implements Step {
    }

    /** {@code [expression]}: a number indexes a list, a string names a map key. */
    record Index(Node expression) implements Step {
    }

    /** {@code .*} or {@code [*]}, which DynamoDB does not serve. */
    record Wildcard(boolean unpivot) implements Step {
    }

    record ListLiteral(List<Node> elements) implements Node {
        public ListLiteral {
            elements = List.copyOf(elements);
        }
    }

    /** {@code <<...>>}: a string or number set. */
    record BagLiteral(List<Node> elements) implements Node {
        public BagLiteral {
            elements = List.copyOf(elements);
        }
    }

    /** {@code {'key': value, ...}}: a map, or an INSERT's item. */
    record StructLiteral(List<Entry> entries) implements Node {
        public StructLiteral {
            entries = List.copyOf(entries);
        }
    }

    record Entry(Node key, Node value) {
    }

    /** AND, OR, a comparison (= <> != < <= > >=) or arithmetic (+ - * / % ||). */
    record Binary(String operator, Node left, Node right) implements Node {
    }

    /** NOT, or a sign. */
    record Unary(String operator, Node operand) implements Node {
    }

    /** {@code value [NOT] IN candidates}; candidates a list or a parenthesised sequence. */
    record In(Node value, Node candidates, boolean negated) implements Node {
    }

    record Between(Node value, Node lower, Node upper, boolean negated) implements Node {
    }

    record Like(Node value, Node pattern, boolean negated) implements Node {
    }

    /** {@code value IS [NOT] TYPE}, the type name as written (MISSING, NULL, STRING...). */
    record Is(Node value, String type, boolean negated) implements Node {
    }

    /** A function call; {@code name} lower-cased. */
    record Call(String name, List<Node> arguments) implements Node {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** A SELECT inside an expression: EXISTS's argument. */
    record Subquery(Statement.Select select) implements Node {
    }
}
