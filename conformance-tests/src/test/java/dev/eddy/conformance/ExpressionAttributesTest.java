package dev.eddy.conformance;

import static dev.eddy.conformance.Attrs.item;
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
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** ExpressionAttributeNames and ExpressionAttributeValues: aliasing, and every way to get them wrong. */
class ExpressionAttributesTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static String table;
    private static final Map<String, AttributeValue> KEY = item("pk", s("names"));

    @BeforeAll
    static void createTable() {
        table = Tables.create("names", ScalarAttributeType.S, null);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("names"), "Status", s("open"), "a.b", s("dotted"),
                "a", m("b", s("nested")))));
    }

    @AfterAll
    static void deleteTable() {
        Tables.delete(table);
    }

    @Test
    void mixedStylesAreReportedBeforeInvalidValues() {
        // As dynalite's tests record from DynamoDB: the request's style is judged before its
        // attribute values, and field constraints before both.
        assertEquals(mixed("Expected", "ConditionExpression"), message("PutItem", "{'TableName':'" + table + "','Item':{'pk':{}},'Expected':{'pk':{}},'ConditionExpression':'attribute_exists(pk)'}"));
        assertEquals("ExpressionAttributeNames can only be specified when using expressions",
                message("GetItem", "{'TableName':'" + table + "','Key':{'pk':{}},'AttributesToGet':['pk'],'ExpressionAttributeNames':{'#n':'pk'}}"));
        assertEquals("ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null",
                message("UpdateItem", "{'TableName':'" + table + "','Key':{'pk':{}},'Expected':{'pk':{'Exists':false}},"
                        + "'ExpressionAttributeValues':{':v':{'S':'x'}}}"));
        assertEquals("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
                message("PutItem", "{'TableName':'" + table + "','Item':{'pk':{}}}"));
        assertEquals("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 3", message("PutItem", "{'TableName':'ab','Item':{'pk':{}}}"));
        // Reads: the starting key's values come after the styles, and before the conditions.
        assertEquals(mixed("AttributesToGet", "ProjectionExpression"), message("Query", "{'TableName':'" + table + "','ExclusiveStartKey':{'pk':{}},'AttributesToGet':['pk'],'ProjectionExpression':'pk'}"));
        assertEquals("The provided starting key is invalid: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
                message("Query", "{'TableName':'" + table + "','ExclusiveStartKey':{'pk':{}},'KeyConditions':{'pk':{'ComparisonOperator':'EQ'}}}"));
        assertEquals("ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null",
                message("Scan", "{'TableName':'" + table + "','ExpressionAttributeValues':{':v':{}}}"));
    }

    private static String mixed(String legacy, String expressions) {
        return "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {"
                + legacy + "} Expression parameters: {" + expressions + "}";
    }

    private static String message(String operation, String body) {
        RawHttp.Answer a = RawHttp.post("DynamoDB_20120810." + operation, body.replace('\'', '"'));
        assertEquals(400, a.status(), a.text());
        return a.json().path("message").asText();
    }

    @Test
    void aNameMayStandForAReservedWordOrANameWithADot() {
        Map<String, AttributeValue> got = dynamo.getItem(r -> r.tableName(table).key(KEY)
                .projectionExpression("#s, #ab").expressionAttributeNames(names("#s", "Status", "#ab", "a.b"))).item();
        assertEquals(item("Status", s("open"), "a.b", s("dotted")), got);
        got = dynamo.getItem(r -> r.tableName(table).key(KEY).projectionExpression("a.b")).item();
        assertEquals(item("a", m("b", s("nested"))), got, "unaliased, a dot separates a path");
    }

    @Test
    void reservedWordsMustBeAliased() {
        assertValidation("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Status",
                () -> dynamo.deleteItem(r -> r.tableName(table).key(item("pk", s("x")))
                        .conditionExpression("Status = :v").expressionAttributeValues(item(":v", s("open")))));
        assertValidation("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: count",
                () -> dynamo.updateItem(r -> r.tableName(table).key(item("pk", s("x")))
                        .updateExpression("ADD count :v").expressionAttributeValues(item(":v", n("1")))));
    }

    @Test
    void onePlaceholderMapServesEveryExpressionOfTheRequest() {
        var r = dynamo.updateItem(b -> b.tableName(table).key(KEY).returnValues(ReturnValue.UPDATED_NEW)
                .updateExpression("SET #s = :closed").conditionExpression("#s = :open")
                .expressionAttributeNames(names("#s", "Status"))
                .expressionAttributeValues(item(":open", s("open"), ":closed", s("closed"))));
        assertEquals(item("Status", s("closed")), r.attributes());
        dynamo.updateItem(b -> b.tableName(table).key(KEY).updateExpression("SET #s = :open")
                .expressionAttributeNames(names("#s", "Status")).expressionAttributeValues(item(":open", s("open"))));
    }

    @Test
    void unusedNamesAndValuesAreRefused() {
        assertValidation("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}",
                () -> dynamo.getItem(r -> r.tableName(table).key(KEY).projectionExpression("#s")
                        .expressionAttributeNames(names("#s", "Status", "#unused", "x"))));
        assertValidation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
                () -> dynamo.updateItem(r -> r.tableName(table).key(KEY).updateExpression("SET x = :v")
                        .expressionAttributeValues(item(":v", n("1"), ":unused", n("2")))));
    }

    @Test
    void undefinedNamesAndValuesAreRefused() {
        assertValidation("Invalid ConditionExpression: An expression attribute name used in the document path is not defined; "
                + "attribute name: #missing", () -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("y")))
                .conditionExpression("attribute_not_exists(#missing)")));
        assertValidation("Invalid UpdateExpression: An expression attribute value used in expression is not defined; "
                + "attribute value: :missing", () -> dynamo.updateItem(r -> r.tableName(table).key(KEY)
                .updateExpression("SET x = :missing")));
        assertValidation("Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; "
                + "attribute name: #missing", () -> dynamo.getItem(r -> r.tableName(table).key(KEY)
                .projectionExpression("#missing")));
    }

    @Test
    void placeholderMapsMustBeNonEmptyAndWellFormed() {
        assertValidation("ExpressionAttributeNames must not be empty", () -> dynamo.getItem(r -> r.tableName(table).key(KEY)
                .projectionExpression("a").expressionAttributeNames(Map.of())));
        assertValidation("ExpressionAttributeValues must not be empty", () -> dynamo.updateItem(r -> r.tableName(table)
                .key(KEY).updateExpression("REMOVE x").expressionAttributeValues(Map.of())));
        assertValidation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\"",
                () -> dynamo.getItem(r -> r.tableName(table).key(KEY).projectionExpression("a")
                        .expressionAttributeNames(names("#a-b", "a"))));
        assertValidation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"",
                () -> dynamo.updateItem(r -> r.tableName(table).key(KEY).updateExpression("REMOVE x")
                        .expressionAttributeValues(item("v", n("1")))));
    }

    @Test
    void anInvalidValueIsReportedWithItsPlaceholder() {
        assertValidation("ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: "
                + "An string set  may not be empty for key :v", () -> dynamo.updateItem(r -> r.tableName(table).key(KEY)
                .updateExpression("ADD tags :v").expressionAttributeValues(item(":v", AttributeValue.fromSs(java.util.List.of())))));
        assertValidation("ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric "
                + "value: NaN for key :n", () -> dynamo.updateItem(r -> r.tableName(table).key(KEY)
                .updateExpression("SET x = :n").expressionAttributeValues(item(":n", n("NaN")))));
    }

    @Test
    void placeholdersNeedAnExpression() {
        assertValidation("ExpressionAttributeNames can only be specified when using expressions",
                () -> dynamo.getItem(r -> r.tableName(table).key(KEY).expressionAttributeNames(names("#a", "a"))));
        assertValidation("ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null",
                () -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("z")))
                        .expressionAttributeValues(item(":v", n("1")))));
        assertValidation("ExpressionAttributeValues can only be specified when using expressions: "
                        + "UpdateExpression and ConditionExpression are null",
                () -> dynamo.updateItem(r -> r.tableName(table).key(KEY).expressionAttributeValues(item(":v", n("1")))));
        assertValidation("ExpressionAttributeValues can only be specified when using expressions: "
                        + "FilterExpression and KeyConditionExpression are null",
                () -> dynamo.query(r -> r.tableName(table).keyConditions(Map.of("pk", Condition.builder()
                        .comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("z")).build()))
                        .expressionAttributeValues(item(":v", n("1")))));
    }
}
