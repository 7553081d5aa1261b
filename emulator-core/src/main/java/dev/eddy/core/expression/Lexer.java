package dev.eddy.core.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Splits an expression into tokens; the list always ends with an EOF token. */
final class Lexer {
    private static final Map<String, Token.Type> KEYWORDS = Map.of(
            "AND", Token.Type.AND, "OR", Token.Type.OR, "NOT", Token.Type.NOT,
            "BETWEEN", Token.Type.BETWEEN, "IN", Token.Type.IN, "SET", Token.Type.SET,
            "REMOVE", Token.Type.REMOVE, "ADD", Token.Type.ADD, "DELETE", Token.Type.DELETE);

    private Lexer() {
    }

    static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            int start = i;
            Token.Type type;
            // A name starts with a letter: DynamoDB reads a leading '_' as a token of its own.
            if (isLetter(c)) {
                while (i < n && isWordPart(s.charAt(i))) i++;
                type = KEYWORDS.getOrDefault(s.substring(start, i).toUpperCase(Locale.ROOT), Token.Type.IDENTIFIER);
            } else if (c == '#' || c == ':') {
                i++;
                while (i < n && isWordPart(s.charAt(i))) i++;
                type = i == start + 1 ? Token.Type.INVALID : c == '#' ? Token.Type.NAME : Token.Type.VALUE;
            } else if (c >= '0' && c <= '9') {
                i++;
                // A list index has no leading zeros: "01" reads as two integers.
                if (c != '0') {
                    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
                }
                type = Token.Type.INTEGER;
            } else {
                char next = i + 1 < n ? s.charAt(i + 1) : 0;
                i++;
                switch (c) {
                    case '=' -> type = Token.Type.EQ;
                    case '<' -> {
                        if (next == '>') { i++; type = Token.Type.NE; }
                        else if (next == '=') { i++; type = Token.Type.LE; }
                        else type = Token.Type.LT;
                    }
                    case '>' -> {
                        if (next == '=') { i++; type = Token.Type.GE; }
                        else type = Token.Type.GT;
                    }
                    case '(' -> type = Token.Type.LPAREN;
                    case ')' -> type = Token.Type.RPAREN;
                    case '[' -> type = Token.Type.LBRACKET;
                    case ']' -> type = Token.Type.RBRACKET;
                    case ',' -> type = Token.Type.COMMA;
                    case '.' -> type = Token.Type.DOT;
                    case '+' -> type = Token.Type.PLUS;
                    case '-' -> type = Token.Type.MINUS;
                    default -> {
                        if (Character.isHighSurrogate(c) && i < n) i++;
                        type = Token.Type.INVALID;
                    }
                }
            }
            out.add(new Token(type, s.substring(start, i), start, i));
        }
        out.add(new Token(Token.Type.EOF, "<EOF>", n, n));
        return out;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isWordPart(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }
}
