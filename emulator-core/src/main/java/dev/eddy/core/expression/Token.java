package dev.eddy.core.expression;

/** One token of an expression with its place in the text, which syntax errors quote. */
record Token(Type type, String text, int start, int end) {

    enum Type {
        IDENTIFIER, NAME, VALUE, INTEGER,
        AND, OR, NOT, BETWEEN, IN, SET, REMOVE, ADD, DELETE,
        EQ, NE, LT, LE, GT, GE, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT, PLUS, MINUS,
        /** A character no token starts with. */
        INVALID,
        EOF
    }

    boolean is(Type t) {
        return type == t;
    }
}
