package dev.eddy.core.expression;

import static dev.eddy.core.expression.Trees.bool;
import static dev.eddy.core.expression.Trees.map;
import static dev.eddy.core.expression.Trees.n;
import static dev.eddy.core.expression.Trees.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.item.AttributeValue;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ParserTest {
    private static final Map<String, String> NAMES = Map.of("#n", "name", "#a", "a", "#s", "status");
    private static final Map<String, AttributeValue> VALUES = map(
            ":v", s("x"), ":w", s("y"), ":n", n("1"), ":two", n("2"), ":t", s("SS"), ":bad", s("X"),
            ":bool", bool(true), ":l", Trees.l(n("1")), ":ss", Trees.ss("a"));

    private static ExpressionContext ctx() {
        return new ExpressionContext(NAMES, VALUES);
    }

    private static String condition(String text) {
        return Trees.print(Expressions.condition(text, ExpressionKind.CONDITION, ctx()));
    }

    private static String conditionError(String text) {
        return message(() -> Expressions.condition(text, ExpressionKind.CONDITION, ctx()));
    }

    private static String updateError(String text) {
        return message(() -> Expressions.update(text, ctx(), Set.of("pk")));
    }

    private static String message(Runnable r) {
        DynamoException e = assertThrows(DynamoException.class, r::run);
        assertEquals(ErrorCode.VALIDATION, e.code());
        return e.getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a = :v | (a = :v)",
            "a <> :v | (a <> :v)",
            "a<:n | (a < :n)",
            "a <= :n AND b >= :n | ((a <= :n) AND (b >= :n))",
            "a = :v OR b = :v AND c = :v | ((a = :v) OR ((b = :v) AND (c = :v)))",
            "a = :v AND b = :v OR c = :v | (((a = :v) AND (b = :v)) OR (c = :v))",
            "NOT a = :v AND b = :v | ((NOT (a = :v)) AND (b = :v))",
            "NOT NOT a = :v | (NOT (NOT (a = :v)))",
            "(a = :v OR b = :v) AND c = :v | (((a = :v) OR (b = :v)) AND (c = :v))",
            "a BETWEEN :n AND :two AND c = :v | ((a BETWEEN :n AND :two) AND (c = :v))",
            "a IN (:v, :w) | (a IN (:v, :w))",
            "a.b[1].c = :v | (a.b[1].c = :v)",
            "#a.#n = :v | (a.name = :v)",
            "attribute_exists(a.b) | attribute_exists(a.b)",
            "attribute_not_exists(#n) | attribute_not_exists(name)",
            "attribute_type(a, :t) | attribute_type(a, :t)",
            "begins_with(a, :v) and contains(b, :v) | (begins_with(a, :v) AND contains(b, :v))",
            "size(a) > :n | (size(a) > :n)",
            "(size(a)) > :n | (size(a) > :n)",
            "(a) = :v | (a = :v)",
            "size(a) = size(b) | (size(a) = size(b))",
            ":v = a | (:v = a)",
            "a = b | (a = b)",
            "  a   =   :v   | (a = :v)",
            "a_1 = :v | (a_1 = :v)",
    })
    void conditionsParseWithDynamoDbsPrecedence(String text, String printed) {
        assertEquals(printed, condition(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a = | Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"",
            "_x = :v | Invalid ConditionExpression: Syntax error; token: \"_\", near: \"_x\"",
            "a = :v AND | Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"",
            "a = :v b | Invalid ConditionExpression: Syntax error; token: \"b\", near: \":v b\"",
            "a == :v | Invalid ConditionExpression: Syntax error; token: \"=\", near: \"== :v\"",
            "a = = :v | Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :v\"",
            "a-b = :v | Invalid ConditionExpression: Syntax error; token: \"-\", near: \"a-b\"",
            "a = :v) | Invalid ConditionExpression: Syntax error; token: \")\", near: \":v)\"",
            "a IN () | Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\"",
            "a | Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"a\"",
            "a[-1] = :v | Invalid ConditionExpression: Syntax error; token: \"-\", near: \"[-1\"",
            "a = : v | Invalid ConditionExpression: Syntax error; token: \":\", near: \"= : v\"",
            "((a = :v)) | Invalid ConditionExpression: The expression has redundant parentheses;",
            "((a)) = :v | Invalid ConditionExpression: The expression has redundant parentheses;",
            "name = :v | Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name",
            "a.Status = :v | Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Status",
            "foo(a) | Invalid ConditionExpression: Invalid function name; function: foo",
            "size(a) | Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size",
            "attribute_exists(a) = :v | Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists",
            "if_not_exists(a, :v) = :v | Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists",
            "list_append(a, :l) | Invalid ConditionExpression: The function is not allowed in a condition expression; function: list_append",
            "attribute_exists(a, b) | Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2",
            "attribute_exists(:v) | Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists",
            "begins_with(a, :n) | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
            "attribute_type(a, :n) | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N",
            "attribute_type(a, :bad) | Invalid ConditionExpression: Invalid attribute type name found; type: X, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}",
            "size(:n) > :n | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N",
            "a < :bool | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL",
            "a BETWEEN :ss AND :ss | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: SS",
            "a = a | Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]",
            "a BETWEEN :two AND :n | Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}",
            "a BETWEEN :n AND :v | Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:x}",
            "#x = :v | Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x",
            "a = :x | Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :x",
            "a[99999999999] = :v | Invalid ConditionExpression: List index is not within the allowable range; index: [99999999999]",
    })
    void conditionErrorsAreAwsMessages(String text, String message) {
        assertEquals(message, conditionError(text));
    }

    @Test
    void blankExpressionsAreEmpty() {
        assertEquals("Invalid ConditionExpression: The expression can not be empty;", conditionError("  "));
        assertEquals("Invalid UpdateExpression: The expression can not be empty;", updateError(""));
        assertEquals("Invalid ProjectionExpression: The expression can not be empty;",
                message(() -> Expressions.projection(" ", ctx())));
        assertEquals("Invalid FilterExpression: The expression can not be empty;",
                message(() -> Expressions.condition("", ExpressionKind.FILTER, ctx())));
    }

    @Test
    void anExpressionOver4KbIsRefusedWithItsSize() {
        String text = "a = :v" + " ".repeat(4091);
        assertEquals("Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4097",
                conditionError(text));
    }

    @Test
    void anInWithMoreThan100OperandsIsRefused() {
        String list = String.join(", ", java.util.Collections.nCopies(101, ":v"));
        assertEquals("Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101",
                conditionError("a IN (" + list + ")"));
    }

    @Test
    void aPathDeeperThan32LevelsIsRefused() {
        String path = "a" + ".b".repeat(32);
        assertEquals("Invalid ConditionExpression: The document path has too many nesting levels; nesting levels: 33",
                conditionError(path + " = :v"));
    }

    @Test
    void theReservedWordListIsDynamoDbsFullList() {
        assertEquals(573, ReservedWords.count());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SET a = :v | SET a = :v",
            "set a = :v, b = c + :n REMOVE d, e[2] | SET a = :v; SET b = c + :n; REMOVE d; REMOVE e[2]",
            "SET a = if_not_exists(a, :n) - :n | SET a = if_not_exists(a, :n) - :n",
            "SET a = list_append(a, :l) ADD b :n DELETE c :ss | SET a = list_append(a, :l); ADD b :n; DELETE c :ss",
            "SET #a.b[0] = :v | SET a.b[0] = :v",
            "SET a = ((b) + (:n)) | SET a = b + :n",
    })
    void updatesParseIntoActions(String text, String printed) {
        assertEquals(printed, Trees.print(Expressions.update(text, ctx(), Set.of("pk"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "INVALID SYNTAX HERE | Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"",
            "ADD hits : incr | Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"",
            "SET a = :v, | Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \",\"",
            "SET a = b + :n + :n | Invalid UpdateExpression: Syntax error; token: \"+\", near: \":n + :n\"",
            "SET a = :v SET b = :v | Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;",
            "REMOVE a SET b = :v REMOVE c | Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;",
            "SET a = :v, a.b = :v | Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]",
            "SET a.b = :v REMOVE a | Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]",
            "SET a = :v REMOVE #a | Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]",
            "SET a[1] = :v, a.b = :v | Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [1]], path two: [a, b]",
            "ADD a :v | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND",
            "ADD a :l | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: LIST, typeSet: ALLOWED_FOR_ADD_OPERAND",
            "DELETE a :n | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND",
            "SET a = attribute_exists(b) | Invalid UpdateExpression: The function is not allowed in an update expression; function: attribute_exists",
            "SET a = size(b) | Invalid UpdateExpression: The function is not allowed in an update expression; function: size",
            "SET a = if_not_exists(:v, :v) | Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists",
            "SET a = if_not_exists(a) | Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1",
            "SET a = list_append(:v, :l) | Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S",
            "SET a = :v + :n | Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S",
            "SET a = b - :v | Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: -, operand type: S",
            "SET a = :v2 | Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :v2",
            "SET a = #x | Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #x",
            "SET pk = :v | One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key",
            "SET name = :v | Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name",
    })
    void updateErrorsAreAwsMessages(String text, String message) {
        assertEquals(message, updateError(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a, a.b | Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]",
            "a[0], a.b | Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [0]], path two: [a, b]",
            "a, | Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"",
            "a, size | Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: size",
            "#x | Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #x",
    })
    void projectionErrorsAreAwsMessages(String text, String message) {
        assertEquals(message, message(() -> Expressions.projection(text, ctx())));
    }
}
