package dev.eddy.core.expression;

/** The request parameters that hold an expression; AWS names the parameter in every message about it. */
public enum ExpressionKind {
    CONDITION("ConditionExpression"),
    FILTER("FilterExpression"),
    KEY_CONDITION("KeyConditionExpression"),
    PROJECTION("ProjectionExpression"),
    UPDATE("UpdateExpression");

    private final String parameter;

    ExpressionKind(String parameter) {
        this.parameter = parameter;
    }

    /** The request parameter's name, e.g. {@code ConditionExpression}. */
    public String parameter() {
        return parameter;
    }

    boolean isCondition() {
        return this == CONDITION || this == FILTER || this == KEY_CONDITION;
    }
}
