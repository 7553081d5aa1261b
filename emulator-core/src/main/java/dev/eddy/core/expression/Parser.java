package dev.eddy.core.expression;

import dev.eddy.core.error.DynamoException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recursive-descent parser for the expression languages. It checks syntax only: names,
 * values, functions and types are checked afterwards by {@link Binder}. A syntax error
 * names the token where reading stopped and the text from the token before it to the
 * token after it, as DynamoDB does.
 */
final class Parser {
    /** DynamoDB's limit on an expression's length, in UTF-8 bytes. */
    static final int MAX_EXPRESSION_BYTES = 4096;
    /** DynamoDB's limit on the operators of a condition: comparisons, AND, OR, NOT, BETWEEN, IN. */
    static final int MAX_OPERATORS = 300;

    private final ExpressionKind kind;
    private final String text;
    private final List<Token> tokens;
    private int pos;
    /** Nodes read inside parentheses, to refuse a second pair straight around the same node. */
    private final Set<Object> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());
    private String indexOutOfRange;

    /** A syntax error while reading; {@code at} lets alternatives keep the one that read furthest. */
    private static final class SyntaxError extends RuntimeException {
        final int at;

        SyntaxError(int at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    /** One SET, REMOVE, ADD or DELETE clause as written. */
    record Section(String keyword, List<Update.Action> actions) {
    }

    private Parser(ExpressionKind kind, String text) {
        this.kind = kind;
        this.text = text;
        this.tokens = Lexer.tokens(text);
    }

    static Condition condition(ExpressionKind kind, String text) {
        Parser p = start(kind, text);
        p.countOperators();
        return p.finish(p::orCondition);
    }

    /** Refuses a condition of more than {@value #MAX_OPERATORS} operators; function calls do not count. */
    private void countOperators() {
        int count = 0;
        boolean betweenAnd = false;
        for (Token t : tokens) {
            switch (t.type()) {
                case OR, NOT, IN, EQ, NE, LT, LE, GT, GE -> count++;
                case BETWEEN -> {
                    count++;
                    betweenAnd = true;
                }
                case AND -> {
                    // The AND of "a BETWEEN b AND c" belongs to the BETWEEN.
                    if (betweenAnd) betweenAnd = false;
                    else count++;
                }
                default -> { }
            }
            if (count > MAX_OPERATORS) throw Messages.tooManyOperators(kind, count);
        }
    }

    static List<Section> update(String text) {
        Parser p = start(ExpressionKind.UPDATE, text);
        return p.finish(p::sections);
    }

    static List<Path> projection(String text) {
        Parser p = start(ExpressionKind.PROJECTION, text);
        return p.finish(p::paths);
    }

    private static Parser start(ExpressionKind kind, String text) {
        if (text == null || text.isBlank()) throw Messages.empty(kind);
        int size = utf8Length(text);
        if (size > MAX_EXPRESSION_BYTES) throw Messages.tooLong(kind, size);
        return new Parser(kind, text);
    }

    private <T> T finish(Supplier<T> rule) {
        try {
            T result = rule.get();
            if (!peek().is(Token.Type.EOF)) throw new SyntaxError(pos);
            if (indexOutOfRange != null) throw Messages.indexOutOfRange(kind, indexOutOfRange);
            return result;
        } catch (StackOverflowError e) {
            // Only thousands of unclosed parentheses nest this deep within 4 KB (request threads
            // have 8 MB stacks): reported as the syntax error at the end that they are.
            throw syntaxError(new SyntaxError(tokens.size() - 1));
        } catch (SyntaxError e) {
            throw syntaxError(e);
        }
    }

    private DynamoException syntaxError(SyntaxError e) {
        Token t = tokens.get(e.at);
        int from = e.at > 0 ? tokens.get(e.at - 1).start() : t.start();
        int to = e.at + 1 < tokens.size() ? tokens.get(e.at + 1).end() : t.end();
        return Messages.syntax(kind, t.text(), text.substring(from, to));
    }

    // ---- conditions: OR binds loosest, then AND, then NOT; comparisons tighter still ----

    private Condition orCondition() {
        Condition left = andCondition();
        while (accept(Token.Type.OR)) {
            left = new Condition.Or(left, andCondition());
        }
        return left;
    }

    private Condition andCondition() {
        Condition left = notCondition();
        while (accept(Token.Type.AND)) {
            left = new Condition.And(left, notCondition());
        }
        return left;
    }

    private Condition notCondition() {
        if (accept(Token.Type.NOT)) return new Condition.Not(notCondition());
        return primaryCondition();
    }

    private Condition primaryCondition() {
        if (!peek().is(Token.Type.LPAREN)) return comparison();
        int at = pos;
        SyntaxError first;
        try {
            next();
            Condition inner = orCondition();
            expect(Token.Type.RPAREN);
            if (!continuesComparison(peek())) return parenthesized(inner);
            first = new SyntaxError(pos);
        } catch (SyntaxError e) {
            first = e;
        }
        // "(a) = b" and "(size(a)) > :n" open with an operand in parentheses.
        pos = at;
        try {
            return comparison();
        } catch (SyntaxError e) {
            pos = at;
            throw e.at >= first.at ? e : first;
        }
    }

    /** After "(f(x))" a comparator means the parentheses held an operand, not a condition. */
    private static boolean continuesComparison(Token t) {
        return switch (t.type()) {
            case EQ, NE, LT, LE, GT, GE, BETWEEN, IN -> true;
            default -> false;
        };
    }

    private Condition comparison() {
        Operand left = operand();
        Token t = peek();
        switch (t.type()) {
            case EQ, NE, LT, LE, GT, GE -> {
                next();
                return new Condition.Comparison(comparator(t.type()), left, operand());
            }
            case BETWEEN -> {
                next();
                Operand lower = operand();
                expect(Token.Type.AND);
                return new Condition.Between(left, lower, operand());
            }
            case IN -> {
                next();
                expect(Token.Type.LPAREN);
                List<Operand> list = new ArrayList<>();
                list.add(operand());
                while (accept(Token.Type.COMMA)) list.add(operand());
                expect(Token.Type.RPAREN);
                return new Condition.In(left, list);
            }
            default -> {
                if (left instanceof Operand.Function f && !parenthesized.contains(left)) {
                    return new Condition.Function(f.name(), f.args());
                }
                throw new SyntaxError(pos);
            }
        }
    }

    private static Condition.Comparator comparator(Token.Type type) {
        return switch (type) {
            case EQ -> Condition.Comparator.EQ;
            case NE -> Condition.Comparator.NE;
            case LT -> Condition.Comparator.LT;
            case LE -> Condition.Comparator.LE;
            case GT -> Condition.Comparator.GT;
            default -> Condition.Comparator.GE;
        };
    }

    // ---- operands ----

    private Operand operand() {
        Token t = peek();
        switch (t.type()) {
            case VALUE -> {
                next();
                return new Operand.Value(t.text(), null);
            }
            case LPAREN -> {
                next();
                Operand inner = operand();
                expect(Token.Type.RPAREN);
                return parenthesized(inner);
            }
            case IDENTIFIER -> {
                if (tokens.get(pos + 1).is(Token.Type.LPAREN)) return function();
                return new Operand.PathOperand(path());
            }
            case NAME -> {
                return new Operand.PathOperand(path());
            }
            default -> throw new SyntaxError(pos);
        }
    }

    private Operand function() {
        String name = next().text();
        expect(Token.Type.LPAREN);
        List<Operand> args = new ArrayList<>();
        args.add(operand());
        while (accept(Token.Type.COMMA)) args.add(operand());
        expect(Token.Type.RPAREN);
        return new Operand.Function(name, args);
    }

    /** Refuses "((x))": DynamoDB says so as soon as it reads the outer pair. */
    private <T> T parenthesized(T inner) {
        if (!parenthesized.add(inner)) throw Messages.redundantParentheses(kind);
        return inner;
    }

    private Path path() {
        Token first = peek();
        if (!first.is(Token.Type.IDENTIFIER) && !first.is(Token.Type.NAME)) throw new SyntaxError(pos);
        next();
        List<Path.Element> elements = new ArrayList<>();
        elements.add(key(first));
        while (true) {
            if (accept(Token.Type.DOT)) {
                Token t = peek();
                if (!t.is(Token.Type.IDENTIFIER) && !t.is(Token.Type.NAME)) throw new SyntaxError(pos);
                next();
                elements.add(key(t));
            } else if (accept(Token.Type.LBRACKET)) {
                Token t = expect(Token.Type.INTEGER);
                expect(Token.Type.RBRACKET);
                elements.add(index(t.text()));
            } else {
                return new Path(elements);
            }
        }
    }

    private static Path.Key key(Token t) {
        return new Path.Key(t.text(), t.is(Token.Type.NAME));
    }

    /** An index too large for an int is refused once the whole expression has read without a syntax error. */
    private Path.Element index(String digits) {
        if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            if (indexOutOfRange == null) indexOutOfRange = digits;
            return new Path.Index(Integer.MAX_VALUE);
        }
        return new Path.Index(Integer.parseInt(digits));
    }

    // ---- updates ----

    private List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        do {
            Token t = peek();
            switch (t.type()) {
                case SET -> {
                    next();
                    List<Update.Action> actions = new ArrayList<>();
                    do {
                        actions.add(setAction());
                    } while (accept(Token.Type.COMMA));
                    sections.add(new Section("SET", actions));
                }
                case REMOVE -> {
                    next();
                    List<Update.Action> actions = new ArrayList<>();
                    do {
                        actions.add(new Update.Remove(path()));
                    } while (accept(Token.Type.COMMA));
                    sections.add(new Section("REMOVE", actions));
                }
                case ADD, DELETE -> {
                    next();
                    List<Update.Action> actions = new ArrayList<>();
                    do {
                        Path path = path();
                        Operand.Value value = new Operand.Value(expect(Token.Type.VALUE).text(), null);
                        actions.add(t.is(Token.Type.ADD) ? new Update.Add(path, value) : new Update.Delete(path, value));
                    } while (accept(Token.Type.COMMA));
                    sections.add(new Section(t.is(Token.Type.ADD) ? "ADD" : "DELETE", actions));
                }
                default -> throw new SyntaxError(pos);
            }
        } while (!peek().is(Token.Type.EOF));
        return sections;
    }

    private Update.Action setAction() {
        Path path = path();
        expect(Token.Type.EQ);
        return new Update.Set(path, setValue());
    }

    /** A SET value: an operand, or two joined by + or -. */
    private Operand setValue() {
        Operand value = setOperand();
        if (peek().is(Token.Type.PLUS) || peek().is(Token.Type.MINUS)) {
            char op = next().text().charAt(0);
            value = new Operand.Arithmetic(op, value, setOperand());
        }
        return value;
    }

    /** Parentheses in a SET value may hold a sum or a difference: {@code SET a = ((b) + (c))}. */
    private Operand setOperand() {
        if (!peek().is(Token.Type.LPAREN)) return operand();
        next();
        Operand inner = setValue();
        expect(Token.Type.RPAREN);
        return parenthesized(inner);
    }

    // ---- projections ----

    private List<Path> paths() {
        List<Path> paths = new ArrayList<>();
        do {
            paths.add(path());
        } while (accept(Token.Type.COMMA));
        return paths;
    }

    // ---- tokens ----

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (!t.is(Token.Type.EOF)) pos++;
        return t;
    }

    private boolean accept(Token.Type type) {
        if (!peek().is(type)) return false;
        next();
        return true;
    }

    private Token expect(Token.Type type) {
        if (!peek().is(type)) throw new SyntaxError(pos);
        return next();
    }

    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) bytes++;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c)) { bytes += 4; i++; }
            else bytes += 3;
        }
        return bytes;
    }
}
