package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.expression.ExpressionContext;
import dev.eddy.core.expression.Expressions;
import dev.eddy.core.expression.Projection;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.Keys;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Which attributes a read returns: ProjectionExpression or the legacy AttributesToGet. */
final class ReadProjection {
    private final String expression;
    private final List<String> attributesToGet;
    private final ExpressionContext context;
    private Projection projection;

    private ReadProjection(String expression, List<String> attributesToGet, ExpressionContext context) {
        this.expression = expression;
        this.attributesToGet = attributesToGet;
        this.context = context;
    }

    static ReadProjection read(JsonObject in, Constraints c, ExpressionContext context) {
        List<String> names = in.strings("AttributesToGet");
        c.size("attributesToGet", names, 1, Integer.MAX_VALUE);
        return new ReadProjection(in.string("ProjectionExpression"), names, context);
    }

    /** Parses the projection; call after the request's style and placeholders are checked. */
    void validate() {
        if (expression != null) {
            projection = Expressions.projection(expression, context);
        } else if (attributesToGet != null) {
            if (new HashSet<>(attributesToGet).size() != attributesToGet.size()) {
                throw new DynamoException(ErrorCode.VALIDATION,
                        "One or more parameter values were invalid: Duplicate value in attribute name: "
                                + duplicate(attributesToGet));
            }
            projection = Projection.ofAttributes(attributesToGet);
        }
    }

    /** Checks a projection that is the only expression of its placeholders (a BatchGetItem table, a transaction's Get). */
    void validateAlone() {
        context.checkPlaceholders();
        validate();
        context.checkAllUsed();
    }

    /** Refuses paths into the table's or its indexes' key attributes, once the table is known. */
    void checkAgainst(TableDefinition table) {
        if (projection != null) Keys.refuseNestedKeyPaths(table, projection.paths());
    }

    boolean isPresent() {
        return expression != null || attributesToGet != null;
    }

    Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        return projection == null ? item : projection.apply(item);
    }

    private static String duplicate(List<String> names) {
        HashSet<String> seen = new HashSet<>();
        for (String n : names) if (!seen.add(n)) return n;
        return null;
    }
}
