package dev.eddy.core.expression;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import java.util.Collection;
import java.util.List;

/** AWS's texts for expression errors, verbatim; every one is a ValidationException. */
final class Messages {
    /** Every type a document path may have, as AWS lists it when a path is given where a value is needed. */
    static final String ANY_TYPE = "{SS,M,DECIMAL,DOUBLESET,HDS,N,B,DICT,INTSET,BOOL,HD,BS,INT,DECIMALSET,NULL,FLOAT,FS,S,L,NS,DOUBLE}";
    static final String VALID_TYPE_NAMES = "{N,BS,L,B,NULL,M,S,SS,NS,BOOL}";

    private Messages() {
    }

    static DynamoException validation(String message) {
        return new DynamoException(ErrorCode.VALIDATION, message);
    }

    static DynamoException invalid(ExpressionKind kind, String message) {
        return validation("Invalid " + kind.parameter() + ": " + message);
    }

    static DynamoException empty(ExpressionKind kind) {
        return invalid(kind, "The expression can not be empty;");
    }

    static DynamoException tooLong(ExpressionKind kind, int size) {
        return invalid(kind, "Expression size has exceeded the maximum allowed size; expression size: " + size);
    }

    static DynamoException tooManyOperators(ExpressionKind kind, int count) {
        return invalid(kind, "The expression contains too many operators; operator count: " + count);
    }

    static DynamoException syntax(ExpressionKind kind, String token, String near) {
        return invalid(kind, "Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
    }

    static DynamoException redundantParentheses(ExpressionKind kind) {
        return invalid(kind, "The expression has redundant parentheses;");
    }

    static DynamoException reserved(ExpressionKind kind, String word) {
        return invalid(kind, "Attribute name is a reserved keyword; reserved keyword: " + word);
    }

    static DynamoException indexOutOfRange(ExpressionKind kind, String index) {
        return invalid(kind, "List index is not within the allowable range; index: [" + index + "]");
    }

    static DynamoException unknownFunction(ExpressionKind kind, String name) {
        return invalid(kind, "Invalid function name; function: " + name);
    }

    static DynamoException functionNotInCondition(ExpressionKind kind, String name) {
        return invalid(kind, "The function is not allowed in a condition expression; function: " + name);
    }

    static DynamoException functionNotInUpdate(ExpressionKind kind, String name) {
        return invalid(kind, "The function is not allowed in an update expression; function: " + name);
    }

    static DynamoException functionUsedWrongly(ExpressionKind kind, String name) {
        return invalid(kind, "The function is not allowed to be used this way in an expression; function: " + name);
    }

    static DynamoException operandCount(ExpressionKind kind, String name, int count) {
        return invalid(kind, "Incorrect number of operands for operator or function; operator or function: "
                + name + ", number of operands: " + count);
    }

    static DynamoException operandType(ExpressionKind kind, String name, String type) {
        return invalid(kind, "Incorrect operand type for operator or function; operator or function: "
                + name + ", operand type: " + type);
    }

    static DynamoException updateOperandType(String action, String type) {
        return invalid(ExpressionKind.UPDATE, "Incorrect operand type for operator or function; operator: "
                + action + ", operand type: " + type + ", typeSet: ALLOWED_FOR_" + action + "_OPERAND");
    }

    static DynamoException pathRequired(ExpressionKind kind, String name) {
        return invalid(kind, "Operator or function requires a document path; operator or function: " + name);
    }

    static DynamoException invalidTypeName(ExpressionKind kind, String name) {
        return invalid(kind, "Invalid attribute type name found; type: " + name + ", valid types: " + VALID_TYPE_NAMES);
    }

    static DynamoException sameOperand(ExpressionKind kind, String operator, Path first) {
        return invalid(kind, "The first operand must be distinct from the remaining operands for this operator or function; operator: "
                + operator + ", first operand: " + first);
    }

    static DynamoException betweenTypes(ExpressionKind kind, String lower, String upper) {
        return invalid(kind, "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: "
                + lower + ", upper bound operand: " + upper);
    }

    static DynamoException betweenOrder(ExpressionKind kind, String lower, String upper) {
        return invalid(kind, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: "
                + lower + ", upper bound operand: " + upper);
    }

    static DynamoException tooManyInOperands(ExpressionKind kind, int count) {
        return invalid(kind, "The IN operator is provided with too many operands; number of operands: " + count);
    }

    static DynamoException tooDeep(ExpressionKind kind, int depth) {
        return invalid(kind, "The document path has too many nesting levels; nesting levels: " + depth);
    }

    static DynamoException undefinedName(ExpressionKind kind, String name) {
        return invalid(kind, "An expression attribute name used in the document path is not defined; attribute name: " + name);
    }

    static DynamoException undefinedValue(ExpressionKind kind, String name) {
        return invalid(kind, "An expression attribute value used in expression is not defined; attribute value: " + name);
    }

    static DynamoException duplicateSection(String section) {
        return invalid(ExpressionKind.UPDATE, "The \"" + section + "\" section can only be used once in an update expression;");
    }

    static DynamoException pathsOverlap(ExpressionKind kind, Path one, Path two) {
        return invalid(kind, "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                + one + ", path two: " + two);
    }

    static DynamoException pathsConflict(ExpressionKind kind, Path one, Path two) {
        return invalid(kind, "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: "
                + one + ", path two: " + two);
    }

    static DynamoException keyAttributeUpdated(String name) {
        return validation("One or more parameter values were invalid: Cannot update attribute " + name
                + ". This attribute is part of the key");
    }

    static DynamoException unusedNames(Collection<String> keys) {
        return validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {" + String.join(", ", keys) + "}");
    }

    static DynamoException unusedValues(Collection<String> keys) {
        return validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {" + String.join(", ", keys) + "}");
    }

    static DynamoException invalidPathForUpdate() {
        return validation("The document path provided in the update expression is invalid for update");
    }

    private static final String INCORRECT_DATA_TYPE = "An operand in the update expression has an incorrect data type";

    static DynamoException incorrectDataType() {
        return validation(INCORRECT_DATA_TYPE);
    }

    static boolean isIncorrectDataType(DynamoException e) {
        return INCORRECT_DATA_TYPE.equals(e.getMessage());
    }

    /** AttributeUpdates' ADD or DELETE with a value whose type does not fit the attribute's. */
    static DynamoException attributeTypeMismatch() {
        return validation("Type mismatch for attribute to update");
    }

    static DynamoException missingAttribute() {
        return validation("The provided expression refers to an attribute that does not exist in the item");
    }

    static DynamoException keyConditionOperator(String operator) {
        return validation("Invalid operator used in KeyConditionExpression: " + operator);
    }

    static DynamoException keyConditionNotSupported() {
        return validation("Query key condition not supported");
    }

    static DynamoException keyConditionInvalid(String detail) {
        return validation("Invalid condition in KeyConditionExpression: " + detail);
    }

    static DynamoException keyConditionOnNestedAttribute() {
        return invalid(ExpressionKind.KEY_CONDITION, "KeyConditionExpressions cannot have conditions on nested attributes");
    }

    /** A function such as size() as an operand of a key condition. */
    static DynamoException keyConditionNestedOperation() {
        return invalid(ExpressionKind.KEY_CONDITION, "KeyConditionExpressions cannot contain nested operations");
    }

    static DynamoException oneConditionPerKey() {
        return invalid(ExpressionKind.KEY_CONDITION, "KeyConditionExpressions must only contain one condition per key");
    }

    static DynamoException missedKeyElement(String name) {
        return validation("Query condition missed key schema element: " + name);
    }

    /**
     * A Query on a multi-attribute partition key without an equality on each attribute. The
     * wording follows AWS's for sort key attributes; AWS's own text for this case is not known.
     */
    static DynamoException partitionKeyNeedsEqualities(List<String> attributes) {
        return validation("HASH key attributes " + String.join(", ", attributes)
                + " must have equality conditions specified in the query");
    }

    /** A condition on a sort key attribute of a multi-attribute key, without equalities on those before it. */
    static DynamoException sortKeyNeedsEqualities(List<String> attributes, String conditioned) {
        return validation("RANGE key attributes " + String.join(", ", attributes) + " must have equality conditions "
                + "specified in the query because a condition is present on key attribute " + conditioned);
    }

    static DynamoException keyTypeMismatch() {
        return validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
    }
}
