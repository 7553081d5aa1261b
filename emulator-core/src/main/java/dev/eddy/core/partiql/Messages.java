package dev.eddy.core.partiql;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import java.util.List;

/**
 * The texts of PartiQL errors, all ValidationExceptions unless named otherwise: AWS's verbatim
 * where they are recorded against AWS, otherwise those of the PartiQL library DynamoDB Local
 * ships (the same wording, where both are known).
 */
public final class Messages {
    static final String NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";

    private Messages() {
    }

    static DynamoException validation(String message) {
        return new DynamoException(ErrorCode.VALIDATION, message);
    }

    /** A statement the parser cannot read; {@code detail} says where it gave up. */
    static DynamoException notWellFormed(String detail) {
        return validation(NOT_WELL_FORMED + detail);
    }

    /** What the lexer cannot read at all: the envelope with nothing after its colon. */
    static DynamoException unreadable() {
        return notWellFormed("");
    }

    static DynamoException unexpectedTerm() {
        return notWellFormed("Unexpected term");
    }

    static DynamoException unexpectedKeyword() {
        return notWellFormed("Unexpected keyword");
    }

    static DynamoException unexpectedOperator() {
        return notWellFormed("Unexpected operator");
    }

    static DynamoException leftover() {
        return notWellFormed("Unexpected token after expression");
    }

    static DynamoException missingRightHandSide() {
        return notWellFormed("Missing right-hand side expression of infix operator");
    }

    static DynamoException expectedSimplePath() {
        return notWellFormed("Expected identifier for simple path");
    }

    static DynamoException expectedDataManipulation() {
        return notWellFormed("Expected data manipulation");
    }

    static DynamoException expected(String what) {
        return notWellFormed("Expected " + what);
    }

    static DynamoException aliasing() {
        return validation("Aliasing is not supported");
    }

    static DynamoException unsupportedOperation(String what) {
        return validation("Unsupported operation: " + what);
    }

    static DynamoException unsupportedClause(String clause) {
        return validation("Unsupported clause: " + clause);
    }

    static DynamoException unsupportedToken(String token) {
        return validation("Unsupported token in expression: " + token);
    }

    static DynamoException unrecognizedFunction(String name) {
        return validation("Unrecognized function: " + name);
    }

    static DynamoException parameterCount() {
        return validation("Number of parameters in request and statement don't match.");
    }

    static DynamoException tooManyFromComponents() {
        return validation("A path may contain at most 2 components in the FROM clause");
    }

    static DynamoException emptyPathComponent() {
        return validation("Path component cannot be an empty string");
    }

    static DynamoException unexpectedFromSource() {
        return validation("Unexpected from source");
    }

    static DynamoException dmlInvalidFrom() {
        return validation("FROM clause may only contain a single table name in data manipulation statements");
    }

    static DynamoException notOnIndex() {
        return validation("This operation is not supported on an index");
    }

    static DynamoException noSuchIndex() {
        return validation("The table does not have the specified index");
    }

    static DynamoException consistentReadOnGlobalIndex() {
        return validation("Strongly consistent read is not supported on Global Secondary Indexes");
    }

    static DynamoException incompleteKey() {
        return validation("Where clause does not contain a mandatory equality on all key attributes");
    }

    static DynamoException multipleConditionsOnKey(String key) {
        return validation("Multiple conditions on same key " + key + ". Only single item Update/Insert/Delete are supported");
    }

    static DynamoException keyValueType(String key, String type) {
        return validation("Key value must be of type S, N, or B. Key name: " + key + ", Key type: " + type);
    }

    static DynamoException keySchemaMismatch(String key) {
        return validation("Key attribute's data type should match its data type in table's schema: Key " + key);
    }

    static DynamoException keyAbsent(String key) {
        return validation("Key attribute should be present in the item: Key " + key);
    }

    static DynamoException nestedKeyPath(String key) {
        return validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key " + key);
    }

    static DynamoException operandType(String operator, String type) {
        return validation("Incorrect operand type for operator or function; operator or function: " + operator
                + ", operand type: " + type);
    }

    static DynamoException missingNotWithIs() {
        return validation("MISSING must be compared using IS operator");
    }

    static DynamoException unsupportedIsType(String type) {
        return validation("Unsupported data type for IS operator: " + type
                + ". Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]");
    }

    static DynamoException invalidIn() {
        return validation("IN operator must have a left hand argument of type Variable Reference and right hand argument "
                + "of type Seq with at least one member");
    }

    static DynamoException overlappingRangeConditions() {
        return validation("Overlapping conditions with range keys are not supported in where clause");
    }

    static DynamoException starAndOthers() {
        return validation("Other attributes should not be present in the projection when '*' is used.");
    }

    static DynamoException duplicateSelectNames(String name) {
        return validation("Duplicate identifiers in select clause: " + name);
    }

    static DynamoException selectValue() {
        return validation("Select projection doesn't support value or pivot keywords");
    }

    static DynamoException pathStartsWithIndex() {
        return validation("A path cannot start with a list index");
    }

    static DynamoException wildcardPath(boolean unpivot) {
        return validation(unpivot ? "Unpivot path component like a.*.b are not supported"
                : "Wildcard path component like a[*].b are not supported");
    }

    static DynamoException unexpectedPathComponent() {
        return validation("Unexpected path component");
    }

    static DynamoException unsupportedItemFormat() {
        return validation("Unsupported format in item expression. Please use struct format {...} to express item values "
                + "for insert statement.");
    }

    static DynamoException insertMany() {
        return validation("Unsupported operation: Inserting multiple items in a single statement is not supported, use "
                + "\"INSERT INTO tableName VALUE item\" instead");
    }

    static DynamoException emptyBag() {
        return validation("Empty bags are not supported");
    }

    static DynamoException bagType() {
        return validation("Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags");
    }

    static DynamoException duplicateTupleKey(String key, String under) {
        return validation("Duplicate keys in tuple. Key: " + key + " under " + under);
    }

    static DynamoException tupleKeyType(String type, String under) {
        return validation("Tuple keys must be of type String. Actual type: " + type + " under " + under);
    }

    static DynamoException setFunctionArguments(String which) {
        return validation("SET_" + which + " must have exactly two arguments");
    }

    static DynamoException setFunctionFirstArgument(String which) {
        return validation("The first argument to SET_" + which + " must equal the assignment value");
    }

    static DynamoException setFunctionSecondArgument(String which) {
        return validation("The second argument to SET_" + which + " must be a value with type SET");
    }

    static DynamoException returningInInsert() {
        return validation("RETURNING is not supported in INSERT");
    }

    static DynamoException returningInDelete(Statement.Returning returning) {
        return validation("Invalid returning clause: RETURNING " + returning.text()
                + ". Only RETURNING ALL OLD * is allowed in DELETE statements.");
    }

    static DynamoException returningElements() {
        return validation("Invalid syntax with multiple returning elements in RETURNING clause");
    }

    static DynamoException returningStar() {
        return validation("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause");
    }

    static DynamoException orderByWithoutWhere() {
        return validation("Must have WHERE clause in the statement when using ORDER BY clause.");
    }

    static DynamoException orderByWithoutHashKey() {
        return validation("Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.");
    }

    static DynamoException orderByNotKey(String name) {
        return validation("Variable reference " + name + " in ORDER BY clause must be part of the primary key");
    }

    static DynamoException orderByExpression(String type) {
        return validation("Argument to ORDER BY must be of type VariableReference. Type: " + type);
    }

    static DynamoException existsOutsideTransaction() {
        return validation("EXISTS can only be used in ExecuteTransaction write requests.");
    }

    static DynamoException existsNeedsKey() {
        return validation("EXISTS() must contain a single item read with additional condition");
    }

    /** AWS's answer to an INSERT of a key that exists: DuplicateItemException. */
    public static DynamoException duplicateItem() {
        return new DynamoException(ErrorCode.DUPLICATE_ITEM, "Duplicate primary key exists in table");
    }

    public static DynamoException invalidNextToken() {
        return validation("Invalid NextToken");
    }

    public static DynamoException nextTokenMismatch() {
        return validation("NextToken does not match request");
    }

    /** A keyed index read filtering on attributes the index does not project. */
    static DynamoException unprojectedFilter(String index, List<String> attributes) {
        return validation("One or more parameter values were invalid: Secondary index " + index
                + " does not project one or more filter attributes: [" + String.join(", ", attributes) + "]");
    }

    /** A global index read selecting attributes it does not project. */
    static DynamoException unprojectedSelect(String index, List<String> attributes) {
        return validation("One or more parameter values were invalid: Global secondary index " + index
                + " does not project [" + String.join(", ", attributes) + "]");
    }
}
