package dev.eddy.core.partiql;

import java.util.Locale;

/** One token of a PartiQL statement. {@code text}: a keyword upper-cased, a quoted name or string unescaped. */
record Token(Kind kind, String text) {

    enum Kind {
        /** An unquoted name; its case is kept, as DynamoDB's attribute names are case sensitive. */
        IDENTIFIER,
        /** A name in double quotes. */
        QUOTED,
        KEYWORD,
        /** A string literal in single quotes. */
        STRING,
        NUMBER,
        /** A {@code ?}, bound to the request's Parameters in order. */
        PARAMETER,
        /** An infix or prefix operator: = <> != < <= > >= + - * / % || */
        OPERATOR,
        /** ( ) [ ] { } << >> , . : ; */
        PUNCTUATION,
        EOF
    }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isKeyword(String keyword) {
        return is(Kind.KEYWORD, keyword);
    }

    boolean isPunctuation(String p) {
        return is(Kind.PUNCTUATION, p);
    }

    boolean isOperator(String o) {
        return is(Kind.OPERATOR, o);
    }

    /** An identifier, quoted or not: a name. */
    boolean isName() {
        return kind == Kind.IDENTIFIER || kind == Kind.QUOTED;
    }

    /** An unquoted word equal to {@code word} in any case: the words RETURNING and IS take that are not reserved. */
    boolean isWord(String word) {
        return (kind == Kind.IDENTIFIER || kind == Kind.KEYWORD) && text.toUpperCase(Locale.ROOT).equals(word);
    }
}
