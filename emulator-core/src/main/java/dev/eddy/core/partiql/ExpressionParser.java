package dev.eddy.core.partiql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The expressions of PartiQL statements, loosest first: OR, AND, NOT, comparisons and
 * predicates (IN, BETWEEN, LIKE, IS), {@code || + -}, {@code * / %}, signs, then terms with their
 * path steps. A term that cannot start where one should is "Unexpected term", "Unexpected
 * keyword" or "Unexpected operator", as DynamoDB says.
 */
abstract class ExpressionParser extends TokenCursor {
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
    /** PartiQL's type names, as IS takes them (DOUBLE PRECISION and CHARACTER VARYING are two words). */
    private static final Set<String> TYPE_NAMES = Set.of("MISSING", "NULL", "BOOL", "BOOLEAN", "SMALLINT", "INT2", "INT4",
            "INT8", "INT", "INTEGER", "BIGINT", "FLOAT", "REAL", "DOUBLE", "DECIMAL", "DEC", "NUMERIC", "TIMESTAMP", "CHAR",
            "CHARACTER", "VARCHAR", "STRING", "SYMBOL", "CLOB", "BLOB", "STRUCT", "TUPLE", "LIST", "SEXP", "BAG", "ANY",
            "DATE", "TIME");

    ExpressionParser(List<Token> tokens) {
        super(tokens);
    }

    /** A SELECT where a term stands: EXISTS's argument. */
    abstract Statement.Select select();

    /** PartiQL's FROM-first DML where a term stands, which DynamoDB does not serve there. */
    abstract Statement fromFirst();

    Node expression() {
        Node left = and();
        while (accept("OR")) left = new Node.Binary("OR", left, rightOf(this::and));
        return left;
    }

    private Node and() {
        Node left = not();
        while (accept("AND")) left = new Node.Binary("AND", left, rightOf(this::not));
        return left;
    }

    private Node not() {
        if (accept("NOT")) return new Node.Unary("NOT", not());
        return predicate();
    }

    /** The right operand of an infix operator, which must not be missing. */
    private Node rightOf(java.util.function.Supplier<Node> operand) {
        if (atEnd()) throw Messages.missingRightHandSide();
        return operand.get();
    }

    private Node predicate() {
        Node left = additive();
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.OPERATOR && COMPARISONS.contains(t.text())) {
                next();
                left = new Node.Binary(t.text(), left, rightOf(this::additive));
            } else if (t.isKeyword("IS")) {
                next();
                boolean negated = accept("NOT");
                left = new Node.Is(left, typeName(), negated);
            } else if (t.isKeyword("NOT") && (peek(1).isKeyword("IN") || peek(1).isKeyword("BETWEEN")
                    || peek(1).isKeyword("LIKE"))) {
                next();
                left = negatable(left, true);
            } else if (t.isKeyword("IN") || t.isKeyword("BETWEEN") || t.isKeyword("LIKE")) {
                left = negatable(left, false);
            } else {
                return left;
            }
        }
    }

    private Node negatable(Node left, boolean negated) {
        Token op = next();
        Node right = rightOf(this::additive);
        if (op.isKeyword("IN")) return new Node.In(left, right, negated);
        if (op.isKeyword("LIKE")) {
            if (accept("ESCAPE")) rightOf(this::additive);
            return new Node.Like(left, right, negated);
        }
        if (!accept("AND")) throw Messages.expected("AND");
        return new Node.Between(left, right, rightOf(this::additive), negated);
    }

    private String typeName() {
        Token t = peek();
        if (t.kind() != Token.Kind.KEYWORD && t.kind() != Token.Kind.IDENTIFIER) throw Messages.expected("type name");
        String name = t.text().toUpperCase(Locale.ROOT);
        if (!TYPE_NAMES.contains(name)) throw Messages.expected("type name");
        next();
        if (name.equals("DOUBLE")) {
            if (!peek().isWord("PRECISION")) throw Messages.expected("type name");
            next();
            return "DOUBLE PRECISION";
        }
        if (name.equals("CHARACTER") && peek().isWord("VARYING")) {
            next();
            return "CHARACTER VARYING";
        }
        return name;
    }

    private Node additive() {
        Node left = multiplicative();
        while (peek().isOperator("+") || peek().isOperator("-") || peek().isOperator("||")) {
            String op = next().text();
            left = new Node.Binary(op, left, rightOf(this::multiplicative));
        }
        return left;
    }

    private Node multiplicative() {
        Node left = unary();
        while (peek().isOperator("*") || peek().isOperator("/") || peek().isOperator("%")) {
            String op = next().text();
            left = new Node.Binary(op, left, rightOf(this::unary));
        }
        return left;
    }

    private Node unary() {
        if (peek().isOperator("-") || peek().isOperator("+")) {
            String sign = next().text();
            Node operand = unary();
            if (operand instanceof Node.NumberLiteral n) {
                return sign.equals("-") ? new Node.NumberLiteral(n.value().negate()) : n;
            }
            return new Node.Unary(sign, operand);
        }
        return postfix(primary());
    }

    /** Path steps after a term: {@code .name}, {@code ."name"}, {@code [expression]}, and the wildcards. */
    Node postfix(Node base) {
        List<Node.Step> steps = new ArrayList<>();
        while (true) {
            if (acceptPunctuation(".")) {
                Token t = next();
                if (t.isName()) steps.add(new Node.Field(t.text()));
                else if (t.isOperator("*")) steps.add(new Node.Wildcard(true));
                else if (t.kind() == Token.Kind.KEYWORD) steps.add(new Node.Field(t.text()));
                else throw failure(t);
            } else if (acceptPunctuation("[")) {
                if (peek().isOperator("*")) {
                    next();
                    steps.add(new Node.Wildcard(false));
                } else {
                    steps.add(new Node.Index(expression()));
                }
                expectPunctuation("]");
            } else {
                break;
            }
        }
        return steps.isEmpty() ? base : new Node.PathNode(base, steps);
    }

    Node primary() {
        Token t = peek();
        switch (t.kind()) {
            case EOF:
                throw Messages.unexpectedTerm();
            case STRING:
                next();
                return new Node.StringLiteral(t.text());
            case NUMBER:
                next();
                return number(t.text());
            case PARAMETER:
                next();
                return new Node.Parameter(nextParameter());
            case QUOTED:
                next();
                return new Node.Name(t.text(), true);
            case IDENTIFIER:
                next();
                if (peek().isPunctuation("(")) return call(t.text().toLowerCase(Locale.ROOT));
                return new Node.Name(t.text(), false);
            case OPERATOR:
                throw Messages.unexpectedOperator();
            case KEYWORD:
                return keywordTerm(t);
            default:
                return punctuationTerm(t);
        }
    }

    private Node keywordTerm(Token t) {
        switch (t.text()) {
            case "NULL":
                next();
                return new Node.NullLiteral();
            case "MISSING":
                next();
                return new Node.MissingLiteral();
            case "TRUE":
            case "FALSE":
                next();
                return new Node.BooleanLiteral(t.text().equals("TRUE"));
            case "SELECT":
                return new Node.Subquery(select());
            case "FROM":
                fromFirst();
                throw Messages.unsupportedOperation("DataManipulation");
            default:
                if (OPERATOR_KEYWORDS.contains(t.text())) throw Messages.unexpectedOperator();
                throw Messages.unexpectedKeyword();
        }
    }

    private Node punctuationTerm(Token t) {
        switch (t.text()) {
            case "(": {
                next();
                Node first = expression();
                if (!peek().isPunctuation(",")) {
                    expectPunctuation(")");
                    return first;
                }
                List<Node> elements = new ArrayList<>(List.of(first));
                while (acceptPunctuation(",")) elements.add(expression());
                expectPunctuation(")");
                return new Node.ListLiteral(elements);
            }
            case "[":
                next();
                return new Node.ListLiteral(sequence("]"));
            case "<<":
                next();
                return new Node.BagLiteral(sequence(">>"));
            case "{": {
                next();
                List<Node.Entry> entries = new ArrayList<>();
                if (!acceptPunctuation("}")) {
                    do {
                        Node key = expression();
                        expectPunctuation(":");
                        entries.add(new Node.Entry(key, expression()));
                    } while (acceptPunctuation(","));
                    expectPunctuation("}");
                }
                return new Node.StructLiteral(entries);
            }
            default:
                throw Messages.unexpectedTerm();
        }
    }

    private List<Node> sequence(String close) {
        List<Node> elements = new ArrayList<>();
        if (acceptPunctuation(close)) return elements;
        do {
            elements.add(expression());
        } while (acceptPunctuation(","));
        expectPunctuation(close);
        return elements;
    }

    private Node call(String name) {
        next();
        List<Node> arguments = new ArrayList<>();
        if (!acceptPunctuation(")")) {
            do {
                arguments.add(expression());
            } while (acceptPunctuation(","));
            expectPunctuation(")");
        }
        return new Node.Call(name, arguments);
    }

    /** A number literal; one whose exponent or scale does not fit PartiQL's decimal cannot be read at all. */
    private static Node number(String text) {
        try {
            return new Node.NumberLiteral(new BigDecimal(text));
        } catch (NumberFormatException | ArithmeticException e) {
            throw Messages.unreadable();
        }
    }
}
