package dev.eddy.conformance;

import static dev.eddy.conformance.Attrs.bool;
import static dev.eddy.conformance.Attrs.item;
import static dev.eddy.conformance.Attrs.l;
import static dev.eddy.conformance.Attrs.m;
import static dev.eddy.conformance.Attrs.n;
import static dev.eddy.conformance.Attrs.names;
import static dev.eddy.conformance.Attrs.ns;
import static dev.eddy.conformance.Attrs.s;
import static dev.eddy.conformance.Attrs.ss;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** UpdateExpression: SET, REMOVE, ADD and DELETE on top-level and nested paths, and their errors. */
class UpdateExpressionTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static String table;

    @BeforeAll
    static void createTable() {
        table = Tables.create("update", ScalarAttributeType.S, null);
    }

    @AfterAll
    static void deleteTable() {
        Tables.delete(table);
    }

    private static Map<String, AttributeValue> key(String pk) {
        return item("pk", s(pk));
    }

    private static void put(Map<String, AttributeValue> item) {
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> get(String pk) {
        return dynamo.getItem(r -> r.tableName(table).key(key(pk)).consistentRead(true)).item();
    }

    /** Applies the update and returns the whole new item. */
    private static Map<String, AttributeValue> update(String pk, String expression, Map<String, String> names,
                                                      Map<String, AttributeValue> values) {
        return dynamo.updateItem(r -> {
            r.tableName(table).key(key(pk)).updateExpression(expression).returnValues(ReturnValue.ALL_NEW);
            if (names != null) r.expressionAttributeNames(names);
            if (values != null) r.expressionAttributeValues(values);
        }).attributes();
    }

    private static Map<String, AttributeValue> update(String pk, String expression, Object... values) {
        return update(pk, expression, null, values.length == 0 ? null : item(values));
    }

    private static void invalid(String message, String pk, String expression, Object... values) {
        assertValidation(message, () -> update(pk, expression, values));
    }

    @Test
    void theDeveloperGuideWalkThroughProduct789() {
        put(item("pk", s("789"), "ProductCategory", s("Home Improvement"), "Price", n("52"), "InStock", bool(true),
                "Brand", s("Acme"), "QuantityOnHand", n("9")));
        update("789", "SET ProductCategory = :c, Price = :p", ":c", s("Hardware"), ":p", n("60"));
        update("789", "SET RelatedItems = :ri, ProductReviews = :pr", ":ri", l(s("Hammer")),
                ":pr", m("FiveStar", l(s("Best product ever!"))));
        update("789", "SET #pr.#5star[1] = :r5, #pr.#3star = :r3", names("#pr", "ProductReviews", "#5star", "FiveStar",
                "#3star", "ThreeStar"), item(":r5", s("Very happy with my purchase"), ":r3", l(s("Just OK - not that great"))));
        update("789", "SET Price = Price - :p", ":p", n("15"));
        update("789", "SET #ri = list_append(#ri, :vals)", names("#ri", "RelatedItems"), item(":vals", l(s("Screwdriver"))));
        update("789", "SET #ri = list_append(:vals, #ri)", names("#ri", "RelatedItems"), item(":vals", l(s("Chisel"))));
        update("789", "SET Price = if_not_exists(Price, :p)", ":p", n("100"));
        Map<String, AttributeValue> now = update("789", "REMOVE Brand, InStock, QuantityOnHand");
        assertEquals(item("pk", s("789"), "ProductCategory", s("Hardware"), "Price", n("45"),
                "RelatedItems", l(s("Chisel"), s("Hammer"), s("Screwdriver")),
                "ProductReviews", m("FiveStar", l(s("Best product ever!"), s("Very happy with my purchase")),
                        "ThreeStar", l(s("Just OK - not that great")))), now);
        now = update("789", "REMOVE RelatedItems[1], RelatedItems[2]");
        assertEquals(l(s("Chisel")), now.get("RelatedItems"));
        update("789", "ADD QuantityOnHand :q", ":q", n("5"));
        update("789", "ADD Color :c", ":c", ss("Orange", "Purple"));
        update("789", "ADD Color :c", ":c", ss("Yellow", "Green", "Blue"));
        now = update("789", "DELETE Color :p", ":p", ss("Yellow", "Purple"));
        assertEquals(n("5"), now.get("QuantityOnHand"));
        assertEquals(ss("Orange", "Green", "Blue").ss().stream().sorted().toList(), now.get("Color").ss().stream().sorted().toList());
        assertFalse(now.containsKey("Brand"));
    }

    @Test
    void parenthesesMayHoldASetValueOrItsSum() {
        put(item("pk", s("paren"), "n", n("5"), "m", m("a", n("1"))));
        Map<String, AttributeValue> now = update("paren", "SET r = ((n) + (m.a)), d = (n - :one), c = (:one)", ":one", n("1"));
        assertEquals(n("6"), now.get("r"));
        assertEquals(n("4"), now.get("d"));
        assertEquals(n("1"), now.get("c"));
        invalid("Invalid UpdateExpression: The expression has redundant parentheses;", "paren", "SET r = ((n))");
    }

    @Test
    void anUpdateCannotReachIntoAnIndexKey() {
        String indexed = Tables.createWithIndex("update-gsi", "g", ProjectionType.KEYS_ONLY);
        String refused = "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: g";
        assertValidation(refused, () -> dynamo.updateItem(r -> r.tableName(indexed).key(key("p"))
                .updateExpression("SET g.x = :v").expressionAttributeValues(item(":v", s("x")))));
        assertValidation(refused, () -> dynamo.updateItem(r -> r.tableName(indexed).key(key("p"))
                .updateExpression("SET a = g[1]")));
        Tables.delete(indexed);
    }

    @Test
    void anIndexKeyOfAnotherTypeIsRefusedByTheUpdateAloneWhenItCanTellElseByItsResult() {
        String indexed = Tables.createWithIndex("update-gsi-type", "g", ProjectionType.KEYS_ONLY);
        try {
            String mismatch = "One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N "
                    + "IndexName: by-g";
            // A literal, arithmetic or an ADD tell the type: refused before paths are looked at.
            assertValidation(mismatch, () -> dynamo.updateItem(r -> r.tableName(indexed).key(key("p"))
                    .updateExpression("SET x = g[1], g = :n").expressionAttributeValues(item(":n", n("1")))));
            assertValidation(mismatch, () -> dynamo.updateItem(r -> r.tableName(indexed).key(key("p"))
                    .updateExpression("SET g = :n + :n").expressionAttributeValues(item(":n", n("1")))));
            assertValidation(mismatch, () -> dynamo.updateItem(r -> r.tableName(indexed).key(key("p"))
                    .updateExpression("ADD g :n").expressionAttributeValues(item(":n", n("1")))));
            // A value read from the item is found wrong only once applied.
            dynamo.updateItem(r -> r.tableName(indexed).key(key("p")).updateExpression("SET e = :n")
                    .expressionAttributeValues(item(":n", n("1"))));
            assertValidation("The update expression attempted to update the secondary index key to unsupported type",
                    () -> dynamo.updateItem(r -> r.tableName(indexed).key(key("p")).updateExpression("SET g = e")));
        } finally {
            Tables.delete(indexed);
        }
    }

    @Test
    void setComputesFromTheOldItem() {
        put(item("pk", s("arith"), "a", n("10"), "b", n("3")));
        Map<String, AttributeValue> now = update("arith", "SET a = b, b = a, c = a + b, d = a - :n", ":n", n("20"));
        assertEquals(item("pk", s("arith"), "a", n("3"), "b", n("10"), "c", n("13"), "d", n("-10")), now);
    }

    @Test
    void ifNotExistsStartsACounter() {
        assertEquals(n("1"), update("counter", "SET hits = if_not_exists(hits, :zero) + :one", ":zero", n("0"), ":one", n("1")).get("hits"));
        assertEquals(n("2"), update("counter", "SET hits = if_not_exists(hits, :zero) + :one", ":zero", n("0"), ":one", n("1")).get("hits"));
    }

    @Test
    void nestedPathsReachIntoMapsAndLists() {
        put(item("pk", s("nested"), "a", m("b", l(n("0"), m("c", s("old"))))));
        Map<String, AttributeValue> now = update("nested", "SET a.b[1].c = :v, a.x = :w", ":v", s("new"), ":w", n("1"));
        assertEquals(m("b", l(n("0"), m("c", s("new"))), "x", n("1")), now.get("a"));
    }

    @Test
    void aListIndexPastTheEndAppends() {
        put(item("pk", s("append"), "l", l(s("a"), s("b"))));
        Map<String, AttributeValue> now = update("append", "SET l[10] = :x", ":x", s("x"));
        assertEquals(l(s("a"), s("b"), s("x")), now.get("l"));
    }

    @Test
    void removingListElementsShiftsTheRest() {
        put(item("pk", s("shift"), "l", l(s("a"), s("b"), s("c"), s("d"), s("e"))));
        Map<String, AttributeValue> now = update("shift", "REMOVE l[1], l[3], l[9]");
        assertEquals(l(s("a"), s("c"), s("e")), now.get("l"));
        now = update("shift", "REMOVE l[0]");
        assertEquals(l(s("c"), s("e")), now.get("l"));
    }

    @Test
    void removeTakesAwayAttributesAndMapKeys() {
        put(item("pk", s("remove"), "a", n("1"), "m", m("x", n("1"), "y", n("2"))));
        Map<String, AttributeValue> now = update("remove", "REMOVE a, m.x, nope, m.nope");
        assertEquals(item("pk", s("remove"), "m", m("y", n("2"))), now);
    }

    @Test
    void addAddsNumbersAndUnitesSets() {
        put(item("pk", s("add"), "n", n("1.5"), "tags", ss("a"), "nums", ns("1"), "m", m("cnt", n("1"))));
        Map<String, AttributeValue> now = update("add", "ADD n :n, tags :t, nums :ns, fresh :n, m.cnt :n",
                ":n", n("2"), ":t", ss("a", "b"), ":ns", ns("2"));
        assertEquals(n("3.5"), now.get("n"));
        assertEquals(n("2"), now.get("fresh"));
        assertEquals(m("cnt", n("3")), now.get("m"));
        assertEquals(java.util.Set.of("a", "b"), java.util.Set.copyOf(now.get("tags").ss()));
        assertEquals(java.util.Set.of("1", "2"), java.util.Set.copyOf(now.get("nums").ns()));
    }

    @Test
    void deleteTakesElementsFromSetsAndAnEmptiedSetDisappears() {
        put(item("pk", s("delete"), "tags", ss("a", "b", "c"), "nums", ns("1")));
        Map<String, AttributeValue> now = update("delete", "DELETE tags :t, nums :n, nope :n",
                ":t", ss("a", "z"), ":n", ns("1"));
        assertEquals(java.util.Set.of("b", "c"), java.util.Set.copyOf(now.get("tags").ss()));
        assertFalse(now.containsKey("nums"));
        assertFalse(now.containsKey("nope"));
    }

    @Test
    void clausesMayComeInAnyOrderButEachOnlyOnce() {
        put(item("pk", s("clauses"), "a", n("1"), "b", n("1"), "s", ss("x")));
        Map<String, AttributeValue> now = update("clauses", "REMOVE a ADD b :one SET c = :one DELETE s :s",
                ":one", n("1"), ":s", ss("x"));
        assertEquals(item("pk", s("clauses"), "b", n("2"), "c", n("1")), now);
        invalid("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;",
                "clauses", "SET a = :one SET b = :one", ":one", n("1"));
        invalid("Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;",
                "clauses", "REMOVE a REMOVE b");
    }

    @Test
    void settingBelowAMissingParentFails() {
        put(item("pk", s("parent"), "str", s("x"), "l", l(s("a"))));
        invalid("The document path provided in the update expression is invalid for update",
                "parent", "SET nope.child = :v", ":v", n("1"));
        invalid("The document path provided in the update expression is invalid for update",
                "parent", "SET str.child = :v", ":v", n("1"));
        invalid("The document path provided in the update expression is invalid for update",
                "parent", "SET l[5].child = :v", ":v", n("1"));
        invalid("The document path provided in the update expression is invalid for update",
                "parent", "SET str[0] = :v", ":v", n("1"));
        assertEquals(item("pk", s("parent"), "str", s("x"), "l", l(s("a"))), get("parent"));
    }

    @Test
    void operandsOfTheWrongTypeFailWhenApplied() {
        put(item("pk", s("types"), "str", s("x"), "num", n("1"), "tags", ss("a")));
        invalid("An operand in the update expression has an incorrect data type", "types", "SET a = str + :n", ":n", n("1"));
        invalid("An operand in the update expression has an incorrect data type", "types", "ADD str :n", ":n", n("1"));
        invalid("An operand in the update expression has an incorrect data type", "types", "ADD tags :n", ":n", ns("1"));
        invalid("An operand in the update expression has an incorrect data type", "types", "DELETE num :n", ":n", ns("1"));
        invalid("An operand in the update expression has an incorrect data type", "types",
                "SET l = list_append(str, :l)", ":l", l(n("1")));
        invalid("The provided expression refers to an attribute that does not exist in the item", "types",
                "SET a = nope + :n", ":n", n("1"));
        invalid("The provided expression refers to an attribute that does not exist in the item", "types",
                "SET l = list_append(nope, :l)", ":l", l(n("1")));
    }

    @Test
    void arithmeticBeyondANumbersLimitsFailsAsAnOverflow() {
        String overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
        invalid(overflow, "sums", "SET a = :x + :y", ":x", n("9e125"), ":y", n("9e125"));
        // 1E50 - 1 needs 50 digits: DynamoDB names it an overflow too, not a precision error
        invalid(overflow, "sums", "SET a = :x - :y", ":x", n("1e50"), ":y", n("1"));
        assertEquals(n("99" + "0".repeat(124)),
                update("sums", "SET a = :x + :y", ":x", n("9e125"), ":y", n("9e124")).get("a"));
        invalid(overflow, "sums", "ADD a :x", ":x", n("1e50"));
        assertEquals(n("99" + "0".repeat(124)), get("sums").get("a"));
    }

    @Test
    void copyingAMissingAttributeFails() {
        put(item("pk", s("copy"), "a", s("hello")));
        assertEquals(s("hello"), update("copy", "SET b = a").get("b"));
        invalid("The provided expression refers to an attribute that does not exist in the item", "copy", "SET c = z");
        invalid("The provided expression refers to an attribute that does not exist in the item", "copy-absent",
                "SET c = z");
        // Operands read the item as it was: y cannot copy the x this update sets.
        invalid("The provided expression refers to an attribute that does not exist in the item", "copy",
                "SET x = :v, y = x", ":v", n("4"));
        assertEquals(item("pk", s("copy"), "a", s("hello"), "b", s("hello")), get("copy"));
    }

    @Test
    void addAndDeleteTakeOnlyNumbersAndSets() {
        invalid("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, "
                + "operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND", "addtype", "ADD a :v", ":v", s("x"));
        invalid("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, "
                + "operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND", "addtype", "DELETE a :v", ":v", n("1"));
        invalid("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, "
                + "operand type: S", "addtype", "SET a = :v + :w", ":v", s("x"), ":w", n("1"));
        invalid("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: "
                + "list_append, operand type: N", "addtype", "SET a = list_append(:v, :w)", ":v", n("1"), ":w", l(n("1")));
    }

    @Test
    void onlyUpdateFunctionsAreAllowed() {
        invalid("Invalid UpdateExpression: The function is not allowed in an update expression; function: size",
                "fn", "SET a = size(b)");
        invalid("Invalid UpdateExpression: Invalid function name; function: foo", "fn", "SET a = foo(b)");
        invalid("Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: "
                + "if_not_exists, number of operands: 1", "fn", "SET a = if_not_exists(b)");
    }

    @Test
    void pathsMayNeitherOverlapNorConflict() {
        invalid("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these "
                + "paths; path one: [a], path two: [a]", "paths", "SET a = :v REMOVE a", ":v", n("1"));
        invalid("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these "
                + "paths; path one: [a], path two: [a, b]", "paths", "SET a = :v, a.b = :v", ":v", n("1"));
        invalid("Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these "
                + "paths; path one: [a, b], path two: [a, [1]]", "paths", "SET a.b = :v, a[1] = :v", ":v", n("1"));
    }

    @Test
    void keyAttributesCannotBeUpdated() {
        invalid("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key",
                "keys", "SET pk = :v", ":v", s("other"));
        invalid("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key",
                "keys", "REMOVE pk");
    }

    @Test
    void syntaxErrorsNameTheTokenAndTheTextNearIt() {
        invalid("Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"", "syntax", "ADD hits : incr");
        invalid("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \",\"", "syntax", "SET a = :v,", ":v", n("1"));
        invalid("Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"", "syntax",
                "INVALID SYNTAX HERE");
        invalid("Invalid UpdateExpression: The expression can not be empty;", "syntax", "");
        invalid("Invalid UpdateExpression: Syntax error; token: \"_\", near: \"SET _123\"", "syntax",
                "SET _123 = :v", ":v", n("1"));
        invalid("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: Size", "syntax",
                "SET Size = :v", ":v", n("1"));
    }

    @Test
    void expressionsAreCheckedBeforeTheTableIsLookedUp() {
        assertValidation("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"+\"",
                () -> dynamo.updateItem(r -> r.tableName("no-such-table-expr").key(key("x")).updateExpression("SET a = a +")));
        Errors.assertError("ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.updateItem(r -> r.tableName("no-such-table-expr").key(key("x")).updateExpression("SET pk = :v")
                        .expressionAttributeValues(item(":v", s("y")))));
    }

    @Test
    void anUpdateThatOnlyRemovesCreatesNoItem() {
        update("ghost", "REMOVE a");
        update("ghost", "DELETE s :s", ":s", ss("x"));
        assertFalse(dynamo.getItem(r -> r.tableName(table).key(key("ghost")).consistentRead(true)).hasItem());
        assertEquals(item("pk", s("born"), "a", n("1")), update("born", "SET a = :v REMOVE b", ":v", n("1")));
    }

    @Test
    void theItemMayNotGrowPastFourHundredKilobytes() {
        String big = "x".repeat(150_000);
        put(item("pk", s("big"), "a", s(big)));
        invalid("Item size to update has exceeded the maximum allowed size", "big", "SET b = :v, c = :v", ":v", s(big));
        assertEquals(item("pk", s("big"), "a", s(big)), get("big"));
    }

    @Test
    void anUpdateIsHeldToTheLimitByWhatItWritesPlusAFixedCostPerClause() {
        // UpdateItem measures the attribute it writes (b, name and value) plus 3 for the update
        // and 19 for the SET, not the key: at key "k1" the ceiling of b's value is 409,577 bytes,
        // though the finished item would then be only 409,583.
        update("k1", "SET b = :v", ":v", s("x".repeat(409_577)));
        invalid("Item size to update has exceeded the maximum allowed size", "k2", "SET b = :v", ":v", s("x".repeat(409_578)));
        assertEquals(Map.of(), get("k2"));
    }
}
