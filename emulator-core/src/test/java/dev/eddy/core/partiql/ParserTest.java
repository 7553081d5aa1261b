package dev.eddy.core.partiql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {
    private static final String NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";

    private static String error(String statement) {
        DynamoException e = assertThrows(DynamoException.class, () -> Prepared.parse(statement));
        assertEquals(ErrorCode.VALIDATION, e.code());
        return e.getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "SELECT * FROM t WHERE pk = 1 foo | Unexpected token after expression",
            "SELECT * FROM t WHERE pk = 1 e5 | Unexpected token after expression",
            "INSERT INTO t VALUE {'pk': 1} foo | Unexpected token after expression",
            "UPDATE t SET a = 9 WHERE pk = 2 foo | Unexpected token after expression",
            "DELETE FROM t WHERE pk = 3 ORDER BY pk | Unexpected token after expression",
            "SELECT * FROM t ORDER BY pk WHERE pk = 1 | Unexpected token after expression",
            "FROM t SET c = 1 WHERE pk = 'a' | Unexpected token after expression",
            "SELECT * FROM t WHERE | Unexpected term",
            "SELECT * FROM t WHERE; | Unexpected term",
            "SELECT pk FROM t WHERE   | Unexpected term",
            "UPDATE t SET a = 1 WHERE | Unexpected term",
            "SELECT * FROM | Unexpected term",
            "SELECT * FROM t WHERE pk = 'p1' OR | Missing right-hand side expression of infix operator",
            "SELECT * FROM t WHERE ORDER BY pk | Unexpected keyword",
            "SELECT * FROM t WHERE pk = 'a' AND x IS FOO | Expected type name",
            "SELECT * FROM t WHERE IS NULL | Unexpected operator",
            "DELETE FROM;| Expected identifier for simple path",
            "SLECT * FROM t WHERE pk = 'a' | Expected data manipulation",
            "SELECT * FROM t WHERE pk = 1 /* note | ``",
            "SELECT * FROM t WHERE pk = 1.5e-2147483647 | ``",
            "SELECT * FROM t WHERE pk = `1`'' | ``",
    })
    void aStatementThatDoesNotParseSaysWhere(String statement, String detail) {
        assertEquals(NOT_WELL_FORMED + detail, error(statement));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT * FROM t AS x WHERE pk = 'a' | Aliasing is not supported",
            "DELETE FROM t x WHERE pk = 'a' | Aliasing is not supported",
            "x IS DOUBLE PRECISION | Unsupported operation: IsType",
            "x IS CHARACTER VARYING | Unsupported operation: IsType",
            "SELECT DISTINCT * FROM t | Unsupported token in expression: DISTINCT",
            "SELECT VALUE a FROM t | Select projection doesn't support value or pivot keywords",
            "SELECT *, a FROM t | Other attributes should not be present in the projection when '*' is used.",
            "SELECT * FROM t LIMIT 3 | Unsupported clause: LIMIT",
    })
    void whatParsesButIsNotServedGetsDynamoDbsOwnText(String statement, String message) {
        assertEquals(message, error(statement));
    }

    @Test
    void returningTakesOnlyAStar() {
        assertEquals("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause",
                error("DELETE FROM t WHERE pk = 'a' RETURNING ALL OLD pk"));
        assertEquals("Invalid syntax with multiple returning elements in RETURNING clause",
                error("DELETE FROM t WHERE pk = 'a' RETURNING ALL OLD *, ALL NEW *"));
    }

    @Test
    void parametersAreCountedInTheOrderTheyAppear() {
        Prepared p = Prepared.parse("UPDATE \"t\" SET a = ?, b = list_append(b, [?]) WHERE pk = ? AND c IN [?, 'x']");
        assertEquals(4, p.parameterCount());
        assertInstanceOf(Statement.Update.class, p.statement());
    }

    @Test
    void keywordsAreCaseInsensitiveAndNamesKeepTheirCase() {
        Statement.Select s = (Statement.Select) Prepared.parse("select Pk from \"T\" where Pk = 'a' order by Sk desc;").statement();
        assertEquals(new Node.Name("Pk", false), s.projection().get(0));
        assertEquals(new Node.Name("T", true), s.from());
        assertEquals(true, s.orderBy().get(0).descending());
    }

    @Test
    void existsOfASelectIsAConditionCheck() {
        assertInstanceOf(Statement.Exists.class, Prepared.parse("EXISTS(SELECT * FROM \"t\" WHERE pk = 'a' AND v > 1)").statement());
    }

    @Test
    void theQuoteDoubledStandsForItself() {
        Statement.Insert i = (Statement.Insert) Prepared.parse("INSERT INTO \"a\"\"b\" VALUE {'it''s': 'x'}").statement();
        assertEquals(new Node.Name("a\"b", true), i.target());
        assertEquals(new Node.StringLiteral("it's"), ((Node.StructLiteral) i.value()).entries().get(0).key());
    }
}
