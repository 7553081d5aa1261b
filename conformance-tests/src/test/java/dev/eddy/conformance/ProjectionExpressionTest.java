package dev.eddy.conformance;

import static dev.eddy.conformance.Attrs.item;
import static dev.eddy.conformance.Attrs.l;
import static dev.eddy.conformance.Attrs.m;
import static dev.eddy.conformance.Attrs.n;
import static dev.eddy.conformance.Attrs.names;
import static dev.eddy.conformance.Attrs.s;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * ProjectionExpression on GetItem: top-level names, nested paths, list indexes and the shape
 * of the answer; and, on every read, no projection or filter path into a key attribute.
 */
class ProjectionExpressionTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static String table;
    private static final Map<String, AttributeValue> KEY = item("pk", s("p"), "sk", n("1"));

    @BeforeAll
    static void createTable() {
        table = Tables.create("proj", ScalarAttributeType.S, ScalarAttributeType.N);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", n("1"), "a", s("A"), "b", n("2"),
                "m", m("x", n("1"), "y", m("z", s("Z"), "w", s("W")), "lst", l(m("k", s("K"), "j", s("J")), s("second"))),
                "l", l(n("0"), n("1"), n("2"), n("3")),
                "Comment", s("reserved"))));
    }

    @AfterAll
    static void deleteTable() {
        Tables.delete(table);
    }

    private static Map<String, AttributeValue> get(String projection, Map<String, String> names) {
        return dynamo.getItem(r -> {
            r.tableName(table).key(KEY).projectionExpression(projection);
            if (names != null) r.expressionAttributeNames(names);
        }).item();
    }

    private static Map<String, AttributeValue> get(String projection) {
        return get(projection, null);
    }

    private static final String KEYS_ARE_SCALARS =
            "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: ";

    @Test
    void aPathCannotReachIntoAKeyAttributeOfTheTableOrOfAnIndex() {
        assertValidation(KEYS_ARE_SCALARS + "Key: pk", () -> get("a, pk.x"));
        assertValidation(KEYS_ARE_SCALARS + "Key: sk", () -> get("#s[0]", Map.of("#s", "sk")));
        String indexed = Tables.createWithIndex("proj-gsi", "g", ProjectionType.ALL);
        assertValidation(KEYS_ARE_SCALARS + "IndexKey: g", () -> dynamo.query(q -> q.tableName(indexed)
                .keyConditionExpression("pk = :p").projectionExpression("a, g.x").expressionAttributeValues(Map.of(":p", s("p")))));
        assertValidation(KEYS_ARE_SCALARS + "IndexKey: g", () -> dynamo.scan(r -> r.tableName(indexed).projectionExpression("g[1]")));
        assertValidation(KEYS_ARE_SCALARS + "IndexKey: g", () -> dynamo.scan(r -> r.tableName(indexed)
                .filterExpression("attribute_exists(g.c)")));
        assertValidation(KEYS_ARE_SCALARS + "IndexKey: g", () -> dynamo.query(q -> q.tableName(indexed)
                .keyConditionExpression("pk = :p").filterExpression("g[1] = :p").expressionAttributeValues(Map.of(":p", s("p")))));
        assertValidation(KEYS_ARE_SCALARS + "IndexKey: g", () -> dynamo.batchGetItem(r -> r.requestItems(Map.of(indexed,
                KeysAndAttributes.builder()
                        .keys(Map.of("pk", s("p"))).projectionExpression("g.y").build()))));
        Tables.delete(indexed);
    }

    @Test
    void topLevelAttributesAreReturnedWithoutTheKeyUnlessAsked() {
        assertEquals(item("a", s("A"), "b", n("2")), get("a, b"));
        assertEquals(item("pk", s("p"), "a", s("A")), get("pk, a"));
    }

    @Test
    void nestedPathsKeepOnlyTheProjectedPartsInTheirHierarchy() {
        assertEquals(item("m", m("y", m("z", s("Z")))), get("m.y.z"));
        assertEquals(item("m", m("x", n("1"), "y", m("w", s("W")))), get("m.x, m.y.w"));
        assertEquals(item("m", m("lst", l(m("k", s("K"))))), get("m.lst[0].k"));
    }

    @Test
    void listIndexesGiveAListOfTheSelectedElements() {
        assertEquals(item("l", l(n("1"), n("3"))), get("l[1], l[3]"));
        assertEquals(item("l", l(n("2"))), get("l[2], l[7]"));
    }

    @Test
    void partsMissingFromTheItemAreLeftOut() {
        assertEquals(item("a", s("A")), get("a, nope, m.nope, l[10], b.inside, l[0].inside"));
        assertEquals(Map.of(), get("nope"));
    }

    @Test
    void namesStandInForReservedWordsAndSpecialCharacters() {
        assertEquals(item("Comment", s("reserved"), "m", m("y", m("z", s("Z")))),
                get("#c, #m.#y.z", names("#c", "Comment", "#m", "m", "#y", "y")));
        assertValidation("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: Comment",
                () -> get("a, Comment"));
    }

    @Test
    void pathsMayNeitherOverlapNorConflict() {
        assertValidation("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite "
                + "one of these paths; path one: [a], path two: [a]", () -> get("a, a"));
        assertValidation("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite "
                + "one of these paths; path one: [m], path two: [m, x]", () -> get("m, m.x"));
        assertValidation("Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite "
                + "one of these paths; path one: [m, x], path two: [m, [0]]", () -> get("m.x, m[0]"));
    }

    @Test
    void syntaxErrorsNameTheTokenAndTheTextNearIt() {
        assertValidation("Invalid ProjectionExpression: Syntax error; token: \"b\", near: \"a b\"", () -> get("a b"));
        assertValidation("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"", () -> get("a,"));
        assertValidation("Invalid ProjectionExpression: Syntax error; token: \"]\", near: \"[]\"", () -> get("l[]"));
        assertValidation("Invalid ProjectionExpression: The expression can not be empty;", () -> get(""));
    }

    @Test
    void aPathMayHaveAtMostThirtyTwoLevels() {
        String deep = "m" + ".x".repeat(31);
        assertEquals(Map.of(), get(deep));
        assertValidation("Invalid ProjectionExpression: The document path has too many nesting levels; nesting levels: 33",
                () -> get(deep + ".x"));
    }
}
