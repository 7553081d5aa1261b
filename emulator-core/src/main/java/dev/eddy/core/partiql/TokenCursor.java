package dev.eddy.core.partiql;

import dev.eddy.core.error.DynamoException;
import java.util.List;
import java.util.Set;

/** A parser's place in a statement's tokens, and how many {@code ?} it has passed. */
abstract class TokenCursor {
    /** Keywords that are infix operators: where a term should start, "Unexpected operator". */
    static final Set<String> OPERATOR_KEYWORDS = Set.of("AND", "OR", "IS", "IN", "LIKE", "BETWEEN", "ESCAPE");

    private final List<Token> tokens;
    private int pos;
    private int parameters;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    int parameters() {
        return parameters;
    }

    /** The index the next {@code ?} binds to. */
    int nextParameter() {
        return parameters++;
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.EOF) pos++;
        return t;
    }

    boolean accept(String keyword) {
        if (!peek().isKeyword(keyword)) return false;
        pos++;
        return true;
    }

    boolean acceptPunctuation(String p) {
        if (!peek().isPunctuation(p)) return false;
        pos++;
        return true;
    }

    void expectPunctuation(String p) {
        if (!acceptPunctuation(p)) throw failure(peek());
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.EOF;
    }

    /** What the parser says of a token it did not expect where it stands. */
    static DynamoException failure(Token t) {
        return switch (t.kind()) {
            case EOF -> Messages.unexpectedTerm();
            case KEYWORD -> OPERATOR_KEYWORDS.contains(t.text()) ? Messages.unexpectedOperator() : Messages.unexpectedKeyword();
            case OPERATOR -> Messages.unexpectedOperator();
            default -> Messages.leftover();
        };
    }
}
