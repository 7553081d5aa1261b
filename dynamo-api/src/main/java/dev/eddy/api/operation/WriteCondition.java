package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.expression.Condition;
import dev.eddy.core.expression.ExpressionContext;
import dev.eddy.core.expression.ExpressionKind;
import dev.eddy.core.expression.Expressions;
import dev.eddy.core.expression.Legacy;
import dev.eddy.core.item.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * The condition of a single-item write: ConditionExpression, or the legacy Expected with
 * ConditionalOperator. A failed condition is ConditionalCheckFailedException, carrying the
 * item when ReturnValuesOnConditionCheckFailure is ALL_OLD.
 */
final class WriteCondition {
    static final List<String> ON_FAILURE = List.of("ALL_OLD", "NONE");

    private final String expression;
    private final Map<String, Legacy.ExpectedAttribute> expected;
    private final String conditionalOperator;
    private final boolean returnItemOnFailure;
    private final ExpressionContext context;
    private Condition condition;

    private WriteCondition(String expression, Map<String, Legacy.ExpectedAttribute> expected, String conditionalOperator,
                           boolean returnItemOnFailure, ExpressionContext context) {
        this.expression = expression;
        this.expected = expected;
        this.conditionalOperator = conditionalOperator;
        this.returnItemOnFailure = returnItemOnFailure;
        this.context = context;
    }

    static WriteCondition read(JsonObject in, Constraints c, ExpressionContext context) {
        String onFailure = in.string("ReturnValuesOnConditionCheckFailure");
        c.oneOf("returnValuesOnConditionCheckFailure", onFailure, ON_FAILURE);
        return new WriteCondition(in.string("ConditionExpression"), ExpressionInputs.expected(in, c),
                ExpressionInputs.conditionalOperator(in, c), "ALL_OLD".equals(onFailure), context);
    }

    /** Parses the condition; call after the request's style and placeholders are checked. */
    void validate() {
        if (expression != null) {
            condition = Expressions.condition(expression, ExpressionKind.CONDITION, context);
        } else if (conditionalOperator != null && (expected == null || expected.isEmpty())) {
            throw new DynamoException(ErrorCode.VALIDATION,
                    "ConditionalOperator can only be used when Filter or Expected has two or more elements");
        } else if (expected != null) {
            condition = Legacy.expected(expected, conditionalOperator);
        }
    }

    /** Throws ConditionalCheckFailedException unless the condition holds for {@code current}. */
    void check(Map<String, AttributeValue> current) {
        if (condition == null || condition.test(current)) return;
        throw failed(current);
    }

    boolean test(Map<String, AttributeValue> current) {
        return condition == null || condition.test(current);
    }

    boolean returnsItemOnFailure() {
        return returnItemOnFailure;
    }

    DynamoException failed(Map<String, AttributeValue> current) {
        return DynamoException.conditionalCheckFailed(returnItemOnFailure ? current : null);
    }
}
