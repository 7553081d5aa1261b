package dev.eddy.conformance;

import static dev.eddy.conformance.Attrs.item;
import static dev.eddy.conformance.Attrs.l;
import static dev.eddy.conformance.Attrs.m;
import static dev.eddy.conformance.Attrs.n;
import static dev.eddy.conformance.Attrs.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** UpdateItem's ReturnValues, and the item returned with a failed condition. */
class ReturnValuesTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static String table;

    @BeforeAll
    static void createTable() {
        table = Tables.create("retval", ScalarAttributeType.S, null);
    }

    @AfterAll
    static void deleteTable() {
        Tables.delete(table);
    }

    private static Map<String, AttributeValue> key(String pk) {
        return item("pk", s(pk));
    }

    private static UpdateItemResponse update(String pk, ReturnValue rv, String expression, Object... values) {
        return dynamo.updateItem(r -> {
            r.tableName(table).key(key(pk)).updateExpression(expression).returnValues(rv);
            if (values.length > 0) r.expressionAttributeValues(item(values));
        });
    }

    private static void put(Map<String, AttributeValue> item) {
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    @Test
    void noneAndTheDefaultReturnNothing() {
        put(item("pk", s("none"), "a", s("hi")));
        assertFalse(update("none", ReturnValue.NONE, "SET a = :v", ":v", s("x")).hasAttributes());
        assertFalse(dynamo.updateItem(r -> r.tableName(table).key(key("none")).updateExpression("SET a = :v")
                .expressionAttributeValues(item(":v", s("y")))).hasAttributes());
    }

    @Test
    void allOldIsTheWholeItemBeforeAndNothingForANewItem() {
        put(item("pk", s("allold"), "a", s("hi"), "b", s("dog")));
        assertEquals(item("pk", s("allold"), "a", s("hi"), "b", s("dog")),
                update("allold", ReturnValue.ALL_OLD, "SET b = :v", ":v", s("cat")).attributes());
        assertFalse(update("allold-new", ReturnValue.ALL_OLD, "SET b = :v", ":v", s("cat")).hasAttributes());
    }

    @Test
    void allNewIsTheWholeItemAfter() {
        put(item("pk", s("allnew"), "a", s("hi"), "b", s("dog")));
        assertEquals(item("pk", s("allnew"), "a", s("hi")), update("allnew", ReturnValue.ALL_NEW, "REMOVE b").attributes());
        assertEquals(item("pk", s("allnew-new"), "b", s("cat")),
                update("allnew-new", ReturnValue.ALL_NEW, "SET b = :v", ":v", s("cat")).attributes());
        assertFalse(update("allnew-ghost", ReturnValue.ALL_NEW, "REMOVE b").hasAttributes());
    }

    @Test
    void updatedOldIsTheOldValueOfWhatWasWritten() {
        put(item("pk", s("updold"), "a", s("hi"), "b", s("dog")));
        assertEquals(item("b", s("dog")),
                update("updold", ReturnValue.UPDATED_OLD, "SET b = :v, c = :w", ":v", s("cat"), ":w", s("new")).attributes());
        assertEquals(item("b", s("cat")), update("updold", ReturnValue.UPDATED_OLD, "REMOVE b").attributes());
        assertFalse(update("updold", ReturnValue.UPDATED_OLD, "SET d = :v", ":v", s("x")).hasAttributes());
    }

    @Test
    void updatedNewIsTheNewValueOfWhatWasWritten() {
        put(item("pk", s("updnew"), "a", n("1"), "b", s("dog")));
        assertEquals(item("a", n("2"), "c", s("x")),
                update("updnew", ReturnValue.UPDATED_NEW, "SET a = a + :one, c = :x REMOVE b", ":one", n("1"), ":x", s("x"))
                        .attributes());
        assertEquals(item("a", n("1")), update("updnew-new", ReturnValue.UPDATED_NEW, "SET a = :v", ":v", n("1")).attributes(),
                "the key of a new item is not among the updated attributes");
    }

    @Test
    void updatedValuesOfNestedPathsKeepOnlyTheWrittenParts() {
        put(item("pk", s("nested"), "a", m("b", s("dog"), "c", l(n("1"), n("2"), n("3"))), "d", s("cat")));
        assertEquals(item("a", m("b", s("dog"))),
                update("nested", ReturnValue.UPDATED_OLD, "SET a.b = :v", ":v", s("hi")).attributes());
        assertEquals(item("a", m("c", l(n("4")))),
                update("nested", ReturnValue.UPDATED_NEW, "SET a.c[1] = :v", ":v", n("4")).attributes());
        assertEquals(item("a", m("b", s("yo"), "c", l(n("4")))),
                update("nested", ReturnValue.UPDATED_NEW, "SET a.c[1] = :v, a.b = :w", ":v", n("4"), ":w", s("yo")).attributes());
        assertEquals(item("a", m("c", l(n("4")))),
                update("nested", ReturnValue.UPDATED_OLD, "REMOVE a.c[1], a.c[3]").attributes());
    }

    @Test
    void aFailedConditionThatReturnsTheItemNamesItsTextMessage() {
        put(item("pk", s("wire"), "price", n("650")));
        RawHttp.Answer a = RawHttp.post("DynamoDB_20120810.DeleteItem", "{\"TableName\":\"" + table + "\","
                + "\"Key\":{\"pk\":{\"S\":\"wire\"}},\"ConditionExpression\":\"price between :lo and :hi\","
                + "\"ExpressionAttributeValues\":{\":lo\":{\"N\":\"500\"},\":hi\":{\"N\":\"600\"}},"
                + "\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}");
        assertEquals(400, a.status());
        assertEquals("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", a.json().get("__type").asText());
        // As recorded from DynamoDB: with the item the text is "Message", and there is no "message".
        assertEquals("The conditional request failed", a.json().path("Message").asText());
        assertFalse(a.json().has("message"), a.text());
        assertEquals("650", a.json().path("Item").path("price").path("N").asText());
    }

    @Test
    void aFailedConditionReturnsTheItemWhenAsked() {
        put(item("pk", s("fail"), "s", s("dog")));
        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
                () -> dynamo.updateItem(r -> r.tableName(table).key(key("fail")).updateExpression("SET s = :v")
                        .conditionExpression("s = :old").expressionAttributeValues(item(":v", s("cow"), ":old", s("rat")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals(item("pk", s("fail"), "s", s("dog")), e.item());
        assertEquals("The conditional request failed", e.awsErrorDetails().errorMessage());
        e = assertThrows(ConditionalCheckFailedException.class,
                () -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("fail"))).conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals(item("pk", s("fail"), "s", s("dog")), e.item());
        e = assertThrows(ConditionalCheckFailedException.class,
                () -> dynamo.deleteItem(r -> r.tableName(table).key(key("fail")).conditionExpression("attribute_not_exists(s)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE)));
        assertFalse(e.hasItem());
        e = assertThrows(ConditionalCheckFailedException.class,
                () -> dynamo.deleteItem(r -> r.tableName(table).key(key("fail-missing")).conditionExpression("attribute_exists(s)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertFalse(e.hasItem(), "no item, nothing to return");
    }
}
