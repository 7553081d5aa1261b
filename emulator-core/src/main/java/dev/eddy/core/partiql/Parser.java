package dev.eddy.core.partiql;

import dev.eddy.core.error.DynamoException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser for the PartiQL DynamoDB serves. It fails as DynamoDB's parser
 * does, with "Statement wasn't well formed, can't be processed: " and the reason it gave up
 * ("Unexpected term", "Unexpected token after expression"...); what parses but DynamoDB does not
 * serve (an alias, GROUP BY) gets DynamoDB's own text. Meaning is checked later, against the table.
 */
final class Parser {
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
    /** Keywords that are infix operators: where a term should start, "Unexpected operator". */
    private static final Set<String> OPERATOR_KEYWORDS = Set.of("AND", "OR", "IS", "IN", "LIKE", "BETWEEN", "ESCAPE");
    /** PartiQL's type names, as IS takes them (DOUBLE PRECISION and CHARACTER VARYING are two words). */
    private static final Set<String> TYPE_NAMES = Set.of("MISSING", "NULL", "BOOL", "BOOLEAN", "SMALLINT", "INT2", "INT4",
            "INT8", "INT", "INTEGER", "BIGINT", "FLOAT", "REAL", "DOUBLE", "DECIMAL", "DEC", "NUMERIC", "TIMESTAMP", "CHAR",
            "CHARACTER", "VARCHAR", "STRING", "SYMBOL", "CLOB", "BLOB", "STRUCT", "TUPLE", "LIST", "SEXP", "BAG", "ANY",
            "DATE", "TIME");

    /** A statement and how many {@code ?} it holds. */
    record Parsed(Statement statement, int parameters) {
    }

    private final List<Token> tokens;
    private int pos;
    private int parameters;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Parsed parse(String text) {
        Parser p = new Parser(Lexer.tokens(text));
        Statement statement = p.statement();
        return new Parsed(statement, p.parameters);
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.EOF) pos++;
        return t;
    }

    private boolean accept(String keyword) {
        if (!peek().isKeyword(keyword)) return false;
        pos++;
        return true;
    }

    private boolean acceptPunctuation(String p) {
        if (!peek().isPunctuation(p)) return false;
        pos++;
        return true;
    }

    private void expectPunctuation(String p) {
        if (!acceptPunctuation(p)) throw failure(peek());
    }

    private boolean atEnd() {
        return peek().kind() == Token.Kind.EOF;
    }

    private Statement statement() {
        Token first = peek();
        Statement s;
        if (first.isKeyword("SELECT")) s = select();
        else if (first.isKeyword("INSERT")) s = insert();
        else if (first.isKeyword("UPDATE")) s = update();
        else if (first.isKeyword("DELETE")) s = delete();
        else if (first.isKeyword("FROM")) s = fromFirst();
        else s = expressionStatement();
        end();
        return s;
    }

    /** A statement ends at the end of the text, after an optional semicolon. */
    private void end() {
        acceptPunctuation(";");
        if (!atEnd()) throw Messages.leftover();
    }

    private Statement expressionStatement() {
        Node e = expression();
        end();
        if (e instanceof Node.Call c && c.name().equals("exists") && c.arguments().size() == 1
                && c.arguments().get(0) instanceof Node.Subquery q) {
            return new Statement.Exists(q.select());
        }
        throw Messages.unsupportedOperation(operationName(e));
    }

    /** The name DynamoDB's refusal gives a bare expression, after PartiQL's node types. */
    private static String operationName(Node e) {
        if (e instanceof Node.Is) return "IsType";
        if (e instanceof Node.Name || e instanceof Node.PathNode) return "VariableReference";
        if (e instanceof Node.Subquery) return "Select";
        if (e instanceof Node.ListLiteral || e instanceof Node.BagLiteral || e instanceof Node.StructLiteral) return "Seq";
        if (e instanceof Node.Binary || e instanceof Node.Unary || e instanceof Node.Call || e instanceof Node.In
                || e instanceof Node.Between || e instanceof Node.Like) {
            return "NAry";
        }
        return "Literal";
    }

    private Statement.Select select() {
        next();
        if (peek().isKeyword("DISTINCT")) throw Messages.unsupportedToken("DISTINCT");
        accept("ALL");
        if (peek().isKeyword("VALUE") || peek().isWord("PIVOT")) throw Messages.selectValue();
        List<Node> projection = new ArrayList<>();
        boolean star = false;
        do {
            if (peek().isOperator("*")) {
                next();
                star = true;
                continue;
            }
            projection.add(expression());
            if (peek().isKeyword("AS") || peek().isName()) throw Messages.aliasing();
        } while (acceptPunctuation(","));
        if (!accept("FROM")) throw failure(peek());
        if (star && !projection.isEmpty()) throw Messages.starAndOthers();
        Node from = fromSource();
        Node where = accept("WHERE") ? expression() : null;
        if (accept("GROUP")) throw Messages.unsupportedClause("GROUP BY");
        if (accept("HAVING")) throw Messages.unsupportedClause("HAVING");
        List<Statement.OrderKey> orderBy = new ArrayList<>();
        if (accept("ORDER")) {
            if (!accept("BY")) throw failure(peek());
            do {
                Node key = expression();
                boolean descending = false;
                if (accept("DESC")) descending = true;
                else accept("ASC");
                orderBy.add(new Statement.OrderKey(key, descending));
            } while (acceptPunctuation(","));
        }
        if (accept("LIMIT")) throw Messages.unsupportedClause("LIMIT");
        if (accept("OFFSET")) throw Messages.unsupportedClause("OFFSET");
        return new Statement.Select(star ? null : List.copyOf(projection), from, where, List.copyOf(orderBy));
    }

    /** The table (or table and index) a SELECT reads: a name with path steps, never aliased. */
    private Node fromSource() {
        Node source = postfix(primary());
        refuseAlias();
        return source;
    }

    private void refuseAlias() {
        if (peek().isKeyword("AS") || peek().isKeyword("AT") || peek().isName()) throw Messages.aliasing();
    }

    private Statement insert() {
        next();
        if (!accept("INTO")) throw failure(peek());
        Node target = simplePath();
        if (!accept("VALUE")) {
            // INSERT INTO t <bag>: PartiQL's form for many items, which DynamoDB refuses once it parses.
            expression();
            end();
            throw Messages.insertMany();
        }
        Node value = expression();
        Statement.Returning returning = returning();
        return new Statement.Insert(target, value, returning);
    }

    private Statement update() {
        next();
        Node target = simplePath();
        refuseAlias();
        List<Statement.Action> actions = actions();
        if (actions.isEmpty()) throw Messages.expectedDataManipulation();
        Node where = accept("WHERE") ? expression() : null;
        return new Statement.Update(target, actions, where, returning());
    }

    private Statement delete() {
        next();
        if (!accept("FROM")) throw failure(peek());
        Node target = simplePath();
        refuseAlias();
        Node where = accept("WHERE") ? expression() : null;
        return new Statement.Delete(target, where, returning());
    }

    /** {@code FROM t [WHERE c] SET ...}: PartiQL's other spelling of an update (or a delete). */
    private Statement fromFirst() {
        next();
        Node target = fromSource();
        Node where = accept("WHERE") ? expression() : null;
        if (accept("DELETE")) return new Statement.Delete(target, where, returning());
        List<Statement.Action> actions = actions();
        if (actions.isEmpty()) throw Messages.expectedDataManipulation();
        return new Statement.Update(target, actions, where, returning());
    }

    /** SET and REMOVE clauses, any number, in any order. */
    private List<Statement.Action> actions() {
        List<Statement.Action> actions = new ArrayList<>();
        while (true) {
            if (accept("SET")) {
                do {
                    Node path = postfix(primary());
                    if (!peek().isOperator("=")) throw failure(peek());
                    next();
                    if (atEnd()) throw Messages.missingRightHandSide();
                    actions.add(new Statement.SetAction(path, expression()));
                } while (acceptPunctuation(","));
            } else if (accept("REMOVE")) {
                do {
                    actions.add(new Statement.RemoveAction(postfix(primary())));
                } while (acceptPunctuation(","));
            } else {
                return actions;
            }
        }
    }

    private Statement.Returning returning() {
        if (!accept("RETURNING")) return null;
        boolean all;
        if (peek().isKeyword("ALL")) all = true;
        else if (peek().isWord("MODIFIED")) all = false;
        else throw failure(peek());
        next();
        boolean old;
        if (peek().isWord("OLD")) old = true;
        else if (peek().isWord("NEW")) old = false;
        else throw failure(peek());
        next();
        if (peek().isOperator("*")) next();
        else {
            expression();
            throw Messages.returningStar();
        }
        if (peek().isPunctuation(",")) throw Messages.returningElements();
        return all ? (old ? Statement.Returning.ALL_OLD : Statement.Returning.ALL_NEW)
                : (old ? Statement.Returning.MODIFIED_OLD : Statement.Returning.MODIFIED_NEW);
    }

    /** The target of INSERT INTO, UPDATE and DELETE FROM: a name, then only name or index steps. */
    private Node simplePath() {
        Token t = peek();
        if (!t.isName()) throw Messages.expectedSimplePath();
        next();
        Node root = new Node.Name(t.text(), t.kind() == Token.Kind.QUOTED);
        return postfix(root);
    }

    // Expressions, loosest first: OR, AND, NOT, comparisons and predicates, || + -, * / %, signs, paths.

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
    private Node postfix(Node base) {
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

    private Node primary() {
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
                return new Node.Parameter(parameters++);
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

    /** What the parser says of a token it did not expect where it stands. */
    private static DynamoException failure(Token t) {
        return switch (t.kind()) {
            case EOF -> Messages.unexpectedTerm();
            case KEYWORD -> OPERATOR_KEYWORDS.contains(t.text()) ? Messages.unexpectedOperator() : Messages.unexpectedKeyword();
            case OPERATOR -> Messages.unexpectedOperator();
            default -> Messages.leftover();
        };
    }
}
