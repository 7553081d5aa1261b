package dev.eddy.core.expression;

import java.util.Set;

/**
 * Entry points: parse, check and bind an expression once; the result evaluates any number
 * of items. Every failure is a {@link dev.eddy.core.error.DynamoException} carrying AWS's
 * ValidationException text. Placeholders are resolved from (and their use recorded in)
 * {@code ctx}; call {@link ExpressionContext#checkAllUsed()} after the request's last expression.
 */
public final class Expressions {
    private Expressions() {
    }

    /** A ConditionExpression or FilterExpression. */
    public static Condition condition(String text, ExpressionKind kind, ExpressionContext ctx) {
        if (kind != ExpressionKind.CONDITION && kind != ExpressionKind.FILTER) {
            throw new IllegalArgumentException("not a condition kind: " + kind);
        }
        return Binder.condition(kind, Parser.condition(kind, text), ctx);
    }

    /** An UpdateExpression; {@code keyAttributes} are the table's key attribute names, which it may not change. */
    public static Update update(String text, ExpressionContext ctx, Set<String> keyAttributes) {
        return Binder.update(Parser.update(text), ctx, keyAttributes);
    }

    public static Projection projection(String text, ExpressionContext ctx) {
        return Binder.projection(Parser.projection(text), ctx);
    }

    public static KeyCondition keyCondition(String text, ExpressionContext ctx) {
        Condition parsed = Parser.condition(ExpressionKind.KEY_CONDITION, text);
        KeyCondition.checkOperators(parsed);
        return KeyCondition.of(Binder.condition(ExpressionKind.KEY_CONDITION, parsed, ctx));
    }
}
