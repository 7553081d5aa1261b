package dev.eddy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid CreateTable requests, sent as raw JSON, and the exact error AWS answers each with.
 * None of them creates a table. In the bodies ' stands for ".
 */
class CreateTableValidationTest {
    private static final String VALIDATION = "ValidationException";
    private static final String SERIALIZATION = "SerializationException";
    private static final String LIMIT_EXCEEDED = "LimitExceededException";
    private static final String REGION = Clients.region().id();
    private static final String NAME = "'TableName':'eddy-invalid-create'";
    private static final String DEFS = "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}]";
    private static final String KEY = "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]";
    private static final String PPR = "'BillingMode':'PAY_PER_REQUEST'";
    private static final String TWO_DEFS = "'AttributeDefinitions':[{'AttributeName':'a','AttributeType':'S'},"
            + "{'AttributeName':'b','AttributeType':'S'}]";

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
            invalid("an empty list of local indexes, before the unused definition",
                "{" + NAME + "," + TWO_DEFS + ",'KeySchema':[{'AttributeName':'a','KeyType':'HASH'}],'LocalSecondaryIndexes':[]," + PPR + "}",
                "One or more parameter values were invalid: List of LocalSecondaryIndexes is empty"),
            invalid("an empty list of global indexes, before the unused definition",
                "{" + NAME + "," + TWO_DEFS + ",'KeySchema':[{'AttributeName':'a','KeyType':'HASH'}],'GlobalSecondaryIndexes':[]," + PPR + "}",
                "One or more parameter values were invalid: List of GlobalSecondaryIndexes is empty"),
            invalid("a local index on a table without a sort key, before the unused definition",
                "{" + NAME + "," + TWO_DEFS + ",'KeySchema':[{'AttributeName':'a','KeyType':'HASH'}],'LocalSecondaryIndexes':"
                    + "[{'IndexName':'abc','KeySchema':[{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'c','KeyType':'RANGE'}],"
                    + "'Projection':{'ProjectionType':'ALL'}}]," + PPR + "}",
                "One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when "
                    + "specifying a LocalSecondaryIndex"),
            invalid("a definition with neither name nor type",
                "{" + NAME + ",'AttributeDefinitions':[{}]," + KEY + "," + PPR + "}",
                "2 validation errors detected: Value null at 'attributeDefinitions.1.member.attributeType' failed to "
                    + "satisfy constraint: Member must not be null; Value null at 'attributeDefinitions.1.member."
                    + "attributeName' failed to satisfy constraint: Member must not be null"),
            invalid("a set type as key attribute type",
                "{" + NAME + ",'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'SS'}]," + KEY + "," + PPR + "}",
                "1 validation error detected: Value 'SS' at 'attributeDefinitions.1.member.attributeType' failed to "
                    + "satisfy constraint: Member must satisfy enum value set: [B, N, S]"),
            invalid("no attribute definitions",
                "{" + NAME + "," + KEY + "," + PPR + "}",
                "1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: "
                    + "Member must not be null"),
            invalid("no key schema",
                "{" + NAME + "," + DEFS + "," + PPR + "}",
                "1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: "
                    + "Member must not be null"),
            invalid("an empty key schema",
                "{" + NAME + "," + DEFS + ",'KeySchema':[]," + PPR + "}",
                "1 validation error detected: Value '[]' at 'keySchema' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1"),
            invalid("a key schema element with neither name nor type",
                "{" + NAME + "," + DEFS + ",'KeySchema':[{}]," + PPR + "}",
                "2 validation errors detected: Value null at 'keySchema.1.member.attributeName' failed to satisfy "
                    + "constraint: Member must not be null; Value null at 'keySchema.1.member.keyType' failed to "
                    + "satisfy constraint: Member must not be null"),
            invalid("an unknown key type",
                "{" + NAME + "," + DEFS + ",'KeySchema':[{'AttributeName':'pk','KeyType':'PARTITION'}]," + PPR + "}",
                "1 validation error detected: Value 'PARTITION' at 'keySchema.1.member.keyType' failed to satisfy "
                    + "constraint: Member must satisfy enum value set: [HASH, RANGE]"),
            invalid("an empty billing mode",
                "{" + NAME + "," + DEFS + "," + KEY + ",'BillingMode':''}",
                "1 validation error detected: Value '' at 'billingMode' failed to satisfy constraint: Member must "
                    + "satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]"),
            invalid("an empty stream view type",
                "{" + NAME + "," + DEFS + "," + KEY + "," + PPR
                    + ",'StreamSpecification':{'StreamEnabled':true,'StreamViewType':''}}",
                "1 validation error detected: Value '' at 'streamSpecification.streamViewType' failed to satisfy "
                    + "constraint: Member must satisfy enum value set: [OLD_IMAGE, KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE]"),
            invalid("zero capacity units",
                "{" + NAME + "," + DEFS + "," + KEY + ",'ProvisionedThroughput':{'ReadCapacityUnits':0,'WriteCapacityUnits':0}}",
                "2 validation errors detected: Value '0' at 'provisionedThroughput.writeCapacityUnits' failed to "
                    + "satisfy constraint: Member must have value greater than or equal to 1; Value '0' at "
                    + "'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value "
                    + "greater than or equal to 1"),
            invalid("read capacity without write capacity",
                "{" + NAME + "," + DEFS + "," + KEY + ",'ProvisionedThroughput':{'ReadCapacityUnits':1}}",
                "1 validation error detected: Value null at 'provisionedThroughput.writeCapacityUnits' failed to "
                    + "satisfy constraint: Member must not be null"),
            invalid("an empty provisioned throughput",
                "{" + NAME + "," + DEFS + "," + KEY + ",'ProvisionedThroughput':{}}",
                "2 validation errors detected: Value null at 'provisionedThroughput.writeCapacityUnits' failed to "
                    + "satisfy constraint: Member must not be null; Value null at 'provisionedThroughput."
                    + "readCapacityUnits' failed to satisfy constraint: Member must not be null"),
            invalid("no billing mode and no throughput",
                "{" + NAME + "," + DEFS + "," + KEY + "}",
                "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be "
                    + "specified when BillingMode is PROVISIONED"),
            invalid("throughput with on-demand billing",
                "{" + NAME + "," + DEFS + "," + KEY + "," + PPR
                    + ",'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}",
                "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                    + "specified when BillingMode is PAY_PER_REQUEST"),
            invalid("read capacity beyond any limit",
                "{" + NAME + "," + DEFS + "," + KEY
                    + ",'ProvisionedThroughput':{'ReadCapacityUnits':1000000000001,'WriteCapacityUnits':1000000000001}}",
                "Given value 1000000000001 for ReadCapacityUnits is out of bounds"),
            invalid("write capacity beyond any limit",
                "{" + NAME + "," + DEFS + "," + KEY
                    + ",'ProvisionedThroughput':{'ReadCapacityUnits':1000000000000,'WriteCapacityUnits':1000000000001}}",
                "Given value 1000000000001 for WriteCapacityUnits is out of bounds"),
            limited("read capacity above the account's per-table quota",
                "{" + NAME + "," + DEFS + "," + KEY + ",'ProvisionedThroughput':{'ReadCapacityUnits':40001,'WriteCapacityUnits':40001}}",
                "The requested ReadCapacityUnits, 40001, is above the per table maximum for the account in " + REGION
                    + ". Per table maximum: 40000. Refer to the Amazon DynamoDB Developer Guide for current limits and how "
                    + "to request higher limits."),
            limited("write capacity above the account's per-table quota",
                "{" + NAME + "," + DEFS + "," + KEY + ",'ProvisionedThroughput':{'ReadCapacityUnits':40000,'WriteCapacityUnits':40001}}",
                "The requested WriteCapacityUnits, 40001, is above the per table maximum for the account in " + REGION
                    + ". Per table maximum: 40000. Refer to the Amazon DynamoDB Developer Guide for current limits and how "
                    + "to request higher limits."),
            limited("an index's read capacity above the quota, which the table's does not add up with",
                "{" + NAME + "," + TWO_DEFS + ",'KeySchema':[{'AttributeName':'a','KeyType':'HASH'}],"
                    + "'ProvisionedThroughput':{'ReadCapacityUnits':39999,'WriteCapacityUnits':1},'GlobalSecondaryIndexes':"
                    + "[{'IndexName':'by-b','KeySchema':[{'AttributeName':'b','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'},"
                    + "'ProvisionedThroughput':{'ReadCapacityUnits':40001,'WriteCapacityUnits':1}}]}",
                "The requested ReadCapacityUnits for index by-b, 40001, is above the per index maximum for the account in "
                    + REGION + ". Per table maximum: 40000. Refer to the Amazon DynamoDB Developer Guide for current limits "
                    + "and how to request higher limits."),
            invalid("a global index without throughput on a provisioned table",
                "{" + NAME + "," + TWO_DEFS + ",'KeySchema':[{'AttributeName':'a','KeyType':'HASH'}],"
                    + "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1},'GlobalSecondaryIndexes':"
                    + "[{'IndexName':'by-b','KeySchema':[{'AttributeName':'b','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}}]}",
                "One or more parameter values were invalid: ProvisionedThroughput is not specified for index: by-b"),
            invalid("a global index projecting an attribute twice",
                "{" + NAME + "," + TWO_DEFS + ",'KeySchema':[{'AttributeName':'a','KeyType':'HASH'}]," + PPR + ",'GlobalSecondaryIndexes':"
                    + "[{'IndexName':'by-b','KeySchema':[{'AttributeName':'b','KeyType':'HASH'}],"
                    + "'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['x','y','x']}}]}",
                "One or more parameter values were invalid: Duplicate element in NonKeyAttributes: x"),
            invalid("a local index projecting an attribute twice",
                "{" + NAME + ",'AttributeDefinitions':[{'AttributeName':'a','AttributeType':'S'},{'AttributeName':'b','AttributeType':'S'},"
                    + "{'AttributeName':'c','AttributeType':'S'}],'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},"
                    + "{'AttributeName':'b','KeyType':'RANGE'}]," + PPR + ",'LocalSecondaryIndexes':[{'IndexName':'by-c',"
                    + "'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'c','KeyType':'RANGE'}],"
                    + "'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['a','a']}}]}",
                "One or more parameter values were invalid: Duplicate element in NonKeyAttributes: a"),
            invalid("encryption off, with a type",
                "{" + NAME + "," + DEFS + "," + KEY + "," + PPR + ",'SSESpecification':{'Enabled':false,'SSEType':'KMS'}}",
                "One or more parameter values were invalid: SSEType can not be specified if Enabled is false"),
            invalid("encryption off, with a type that is not supported either",
                "{" + NAME + "," + DEFS + "," + KEY + "," + PPR + ",'SSESpecification':{'Enabled':false,'SSEType':'AES256'}}",
                "One or more parameter values were invalid: SSEType can not be specified if Enabled is false"),
            invalid("encryption off, with a key",
                "{" + NAME + "," + DEFS + "," + KEY + "," + PPR
                    + ",'SSESpecification':{'Enabled':false,'KMSMasterKeyId':'alias/aws/dynamodb'}}",
                "One or more parameter values were invalid: KMSMasterKeyId can not be specified if Enabled is false"),
            invalid("encryption by AES256",
                "{" + NAME + "," + DEFS + "," + KEY + "," + PPR + ",'SSESpecification':{'Enabled':true,'SSEType':'AES256'}}",
                "One or more parameter values were invalid: SSEType AES256 is not supported"),
            invalid("a key without the KMS type",
                "{" + NAME + "," + DEFS + "," + KEY + "," + PPR
                    + ",'SSESpecification':{'Enabled':true,'KMSMasterKeyId':'alias/aws/dynamodb'}}",
                "One or more parameter values were invalid: SSEType KMS is required if KMSMasterKeyId is specified"),
            invalid("an encryption type in lower case",
                "{" + NAME + "," + DEFS + "," + KEY + "," + PPR + ",'SSESpecification':{'Enabled':true,'SSEType':'kms'}}",
                "1 validation error detected: Value 'kms' at 'sSESpecification.sSEType' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [AES256, KMS]"),
            invalid("an empty attribute definition list",
                "{" + NAME + ",'AttributeDefinitions':[]," + KEY + "," + PPR + "}",
                "Invalid KeySchema: Some index key attribute have no definition"),
            invalid("a key attribute defined under another name",
                "{" + NAME + ",'AttributeDefinitions':[{'AttributeName':'other','AttributeType':'S'}]," + KEY + "," + PPR + "}",
                "One or more parameter values were invalid: Some index key attributes are not defined in "
                    + "AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]"),
            invalid("a key attribute whose name differs in case",
                "{" + NAME + "," + DEFS + ",'KeySchema':[{'AttributeName':'PK','KeyType':'HASH'}]," + PPR + "}",
                "One or more parameter values were invalid: Some index key attributes are not defined in "
                    + "AttributeDefinitions. Keys: [PK], AttributeDefinitions: [pk]"),
            invalid("an undefined sort key",
                "{" + NAME + ",'AttributeDefinitions':[{'AttributeName':'b','AttributeType':'S'}],"
                    + "'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'b','KeyType':'RANGE'}]," + PPR + "}",
                "Invalid KeySchema: Some index key attribute have no definition"),
            invalid("a duplicate attribute definition",
                "{" + NAME + ",'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
                    + "{'AttributeName':'pk','AttributeType':'S'}]," + KEY + "," + PPR + "}",
                "Attribute Name is duplicated: pk"),
            invalid("an attribute definition no key uses",
                "{" + NAME + "," + TWO_DEFS + ",'KeySchema':[{'AttributeName':'a','KeyType':'HASH'}]," + PPR + "}",
                "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match "
                    + "number of attributes defined in AttributeDefinitions"),
            invalid("partition and sort key of one name",
                "{" + NAME + "," + TWO_DEFS
                    + ",'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'a','KeyType':'HASH'}]," + PPR + "}",
                "Both the Hash Key and the Range Key element in the KeySchema have the same name"),
            invalid("two partition keys",
                "{" + NAME + "," + TWO_DEFS
                    + ",'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'b','KeyType':'HASH'}]," + PPR + "}",
                "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"),
            invalid("the sort key first",
                "{" + NAME + "," + TWO_DEFS
                    + ",'KeySchema':[{'AttributeName':'a','KeyType':'RANGE'},{'AttributeName':'b','KeyType':'HASH'}]," + PPR + "}",
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"),
            invalid("only a sort key",
                "{" + NAME + "," + DEFS + ",'KeySchema':[{'AttributeName':'pk','KeyType':'RANGE'}]," + PPR + "}",
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"),
            invalid("a tag with neither key nor value",
                "{" + NAME + "," + DEFS + "," + KEY + "," + PPR + ",'Tags':[{}]}",
                "The Tag Key provided is invalid, Key: null"),
            invalid("a tag without a value",
                "{" + NAME + "," + DEFS + "," + KEY + "," + PPR + ",'Tags':[{'Key':'team'}]}",
                "The Tag Value provided is invalid, Value: null"),
            invalid("a tag key AWS reserves",
                "{" + NAME + "," + DEFS + "," + KEY + "," + PPR + ",'Tags':[{'Key':'aws:foo','Value':'x'}]}",
                "Tag Key cannot be prefixed with aws:, Key: aws:foo"),
            invalid("a tag key with a character tags may not hold",
                "{" + NAME + "," + DEFS + "," + KEY + "," + PPR + ",'Tags':[{'Key':'bad#char','Value':'x'}]}",
                "The Tag Key provided is invalid, Key: bad#char"),
            invalid("a tag value with a character tags may not hold",
                "{" + NAME + "," + DEFS + "," + KEY + "," + PPR + ",'Tags':[{'Key':'k','Value':'bad#char'}]}",
                "The Tag Value provided is invalid, Value: bad#char"),
            invalid("fifty-one tags",
                "{" + NAME + "," + DEFS + "," + KEY + "," + PPR + ",'Tags':" + tags(51) + "}",
                "Number of Tags exceed the current limit for the provided ResourceArn"),
            malformed("a number as table name", "{'TableName':23}", "NUMBER_VALUE cannot be converted to String"),
            malformed("true as table name", "{'TableName':true}", "TRUE_VALUE cannot be converted to String"),
            malformed("a list as table name", "{'TableName':[]}", "Unrecognized collection type class java.lang.String"),
            malformed("a structure as table name", "{'TableName':{}}", "Start of structure or map found where not expected"),
            malformed("a string as key schema", "{" + NAME + ",'KeySchema':'pk'}", "Unexpected field type"),
            malformed("a structure as key schema", "{" + NAME + ",'KeySchema':{}}",
                "Start of structure or map found where not expected"),
            malformed("a string as key schema element", "{" + NAME + ",'KeySchema':['pk']}",
                "Unexpected value type in payload"),
            malformed("a list as key schema element", "{" + NAME + ",'KeySchema':[[]]}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.KeySchemaElement"),
            malformed("a list as provisioned throughput", "{" + NAME + ",'ProvisionedThroughput':[]}",
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ProvisionedThroughput"),
            malformed("a string as capacity units", "{" + NAME + ",'ProvisionedThroughput':{'ReadCapacityUnits':'1'}}",
                "STRING_VALUE cannot be converted to Long"),
            malformed("a number as deletion protection", "{" + NAME + ",'DeletionProtectionEnabled':1}",
                "NUMBER_VALUE cannot be converted to Boolean"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidCreateTableIsAnsweredWithAwsError(String what, String body, String type, String message) {
        RawHttp.Answer a = RawHttp.post("DynamoDB_20120810.CreateTable", body.replace('\'', '"'));
        assertEquals(400, a.status(), a.text());
        JsonNode error = a.json();
        assertEquals(type, error.get("__type").asText().replaceAll(".*#", ""), a.text());
        JsonNode text = error.has("message") ? error.get("message") : error.get("Message");
        assertEquals(message, text == null ? null : text.asText(), a.text());
    }

    private static Arguments invalid(String what, String body, String message) {
        return Arguments.of(what, body, VALIDATION, message);
    }

    private static Arguments limited(String what, String body, String message) {
        return Arguments.of(what, body, LIMIT_EXCEEDED, message);
    }

    private static Arguments malformed(String what, String body, String message) {
        return Arguments.of(what, body, SERIALIZATION, message);
    }

    private static String tags(int n) {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) tags.add("{'Key':'k" + i + "','Value':'v'}");
        return "[" + String.join(",", tags) + "]";
    }
}
