package dev.eddy.core.partiql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a PartiQL statement into tokens; the list ends with an EOF token. What it cannot read
 * (an unterminated quote or comment, a {@code #}, an Ion literal) DynamoDB answers with the
 * "wasn't well formed" text and nothing after its colon.
 */
final class Lexer {
    /** The reserved words the statements DynamoDB serves use; any other word is a name. */
    static final Set<String> KEYWORDS = Set.of(
            "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "IS", "BETWEEN", "LIKE", "ESCAPE",
            "MISSING", "NULL", "TRUE", "FALSE", "INSERT", "INTO", "VALUE", "VALUES", "UPDATE", "SET", "REMOVE",
            "DELETE", "RETURNING", "ORDER", "BY", "ASC", "DESC", "AS", "AT", "LIMIT", "OFFSET", "GROUP", "HAVING",
            "DISTINCT", "ALL", "ON", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "JOIN", "INNER", "LEFT",
            "RIGHT", "OUTER", "CROSS", "UNION", "INTERSECT", "EXCEPT", "PIVOT", "UNPIVOT");

    private final String s;
    private int i;

    private Lexer(String s) {
        this.s = s;
    }

    static List<Token> tokens(String statement) {
        return new Lexer(statement).all();
    }

    private List<Token> all() {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        while (true) {
            skipBlanksAndComments();
            if (i >= n) break;
            char c = s.charAt(i);
            if (isNameStart(c)) {
                int start = i;
                while (i < n && isNamePart(s.charAt(i))) i++;
                String word = s.substring(start, i);
                String upper = word.toUpperCase(Locale.ROOT);
                out.add(KEYWORDS.contains(upper) ? new Token(Token.Kind.KEYWORD, upper) : new Token(Token.Kind.IDENTIFIER, word));
            } else if (c >= '0' && c <= '9' || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)))) {
                out.add(new Token(Token.Kind.NUMBER, number()));
            } else if (c == '\'') {
                out.add(new Token(Token.Kind.STRING, quoted('\'')));
            } else if (c == '"') {
                out.add(new Token(Token.Kind.QUOTED, quoted('"')));
            } else if (c == '?') {
                i++;
                out.add(new Token(Token.Kind.PARAMETER, "?"));
            } else {
                out.add(symbol(c));
            }
        }
        out.add(new Token(Token.Kind.EOF, "<EOF>"));
        return out;
    }

    private void skipBlanksAndComments() {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                while (i < n && s.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) throw Messages.unreadable();
                i = end + 2;
            } else {
                return;
            }
        }
    }

    /** Digits, an optional fraction and an optional exponent. */
    private String number() {
        int n = s.length();
        int start = i;
        while (i < n && isDigit(s.charAt(i))) i++;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) i++;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int mark = i;
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int digits = i;
            while (i < n && isDigit(s.charAt(i))) i++;
            if (i == digits) i = mark;
        }
        return s.substring(start, i);
    }

    /** A quoted string or name; the quote doubled stands for itself. */
    private String quoted(char quote) {
        StringBuilder out = new StringBuilder();
        int n = s.length();
        i++;
        while (true) {
            if (i >= n) throw Messages.unreadable();
            char c = s.charAt(i++);
            if (c == quote) {
                if (i < n && s.charAt(i) == quote) {
                    out.append(quote);
                    i++;
                } else {
                    return out.toString();
                }
            } else {
                out.append(c);
            }
        }
    }

    private Token symbol(char c) {
        char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
        String two = "" + c + next;
        switch (two) {
            case "<>", "!=", "<=", ">=", "||" -> {
                i += 2;
                return new Token(Token.Kind.OPERATOR, two);
            }
            case "<<", ">>" -> {
                i += 2;
                return new Token(Token.Kind.PUNCTUATION, two);
            }
            default -> {
            }
        }
        i++;
        return switch (c) {
            case '=', '<', '>', '+', '-', '*', '/', '%' -> new Token(Token.Kind.OPERATOR, String.valueOf(c));
            case '(', ')', '[', ']', '{', '}', ',', '.', ':', ';' -> new Token(Token.Kind.PUNCTUATION, String.valueOf(c));
            default -> throw Messages.unreadable();
        };
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
