package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The ten data types, number rules, set rules, nesting and the 400 KB item limit. */
class DataTypesTest {
    private static final DynamoDbClient dynamo = Clients.dynamo();
    private static String table;

    @BeforeAll
    static void createTable() {
        table = Tables.create("types", ScalarAttributeType.S, null);
    }

    @AfterAll
    static void deleteTable() {
        Tables.delete(table);
    }

    private static Map<String, AttributeValue> roundTrip(String key, AttributeValue value) {
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(key), "v", value)));
        return dynamo.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS(key)))).item();
    }

    @Test
    void aSetWithARepeatedMemberIsRefusedInEachSetsOwnWords() {
        assertValidation("One or more parameter values were invalid: Input collection [a, b, a] contains duplicates.",
                () -> roundTrip("ss", AttributeValue.fromSs(List.of("a", "b", "a"))));
        assertValidation("Input collection contains duplicates", () -> roundTrip("ns", AttributeValue.fromNs(List.of("1", "1.0"))));
        SdkBytes b = SdkBytes.fromUtf8String("b");
        assertValidation("One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates.",
                () -> roundTrip("bs", AttributeValue.fromBs(List.of(b, b))));
    }

    @Test
    void binaryThatIsNotStrictBase64IsRefusedAndNothingIsStored() throws Exception {
        // without its padding, or with characters outside the alphabet
        for (String bad : new String[] {"YWJjZGVmZ2g", "YWJj??!!", "YW=Jj"}) {
            for (String attribute : new String[] {"v", "m\":{\"M\":{\"x"}) {
                String body = "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"bin\"},\""
                        + attribute + "\":{\"B\":\"" + bad + "\"}" + (attribute.equals("v") ? "" : "}}") + "}}";
                RawHttp.Answer a = RawHttp.post("DynamoDB_20120810.PutItem", body.getBytes(StandardCharsets.UTF_8), Map.of());
                assertEquals(400, a.status(), body + " -> " + a.text());
            }
        }
        assertEquals(Map.of(), dynamo.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("bin"))))
                .item());
        assertEquals(AttributeValue.fromB(SdkBytes.fromUtf8String("abcdefgh")),
                roundTrip("bin", AttributeValue.fromB(SdkBytes.fromUtf8String("abcdefgh"))).get("v"));
    }

    @Test
    void aNumberCostsItsIntegerAndFractionDigitsInPairsTowardTheItemLimit() {
        // pk "k" (2 + 1 bytes), n (1 + the number's bytes), s (1 + the filler): 409,600 bytes in all
        // when the number costs 3 bytes, as 1.5 does; 1.234 costs 4 (1 + 1 + 2), one too many.
        String filler = "x".repeat(409_600 - 3 - 1 - 3 - 1);
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("k"), "n", AttributeValue.fromN("1.5"),
                "s", AttributeValue.fromS(filler))));
        assertValidation("Item size has exceeded the maximum allowed size", () -> dynamo.putItem(r -> r.tableName(table)
                .item(Map.of("pk", AttributeValue.fromS("k"), "n", AttributeValue.fromN("1.234"), "s", AttributeValue.fromS(filler)))));
    }

    @Test
    void everyTypeRoundTrips() {
        AttributeValue doc = AttributeValue.fromM(Map.of(
                "s", AttributeValue.fromS(""),
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255})),
                "bool", AttributeValue.fromBool(false),
                "null", AttributeValue.fromNul(true),
                "ss", AttributeValue.fromSs(List.of("x", "y")),
                "bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("a"), SdkBytes.fromUtf8String("b"))),
                "l", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromS("two"),
                        AttributeValue.fromL(List.of()), AttributeValue.fromM(Map.of())))));
        assertEquals(doc, roundTrip("doc", doc).get("v"));
    }

    @Test
    void numbersComeBackCanonical() {
        assertEquals("1.5", roundTrip("n1", AttributeValue.fromN("01.500")).get("v").n());
        assertEquals("100", roundTrip("n2", AttributeValue.fromN("1E2")).get("v").n());
        assertEquals("0", roundTrip("n3", AttributeValue.fromN("-0")).get("v").n());
        assertEquals("-0.0001", roundTrip("n4", AttributeValue.fromN("-1e-4")).get("v").n());
        assertEquals(List.of("1", "2.5"), roundTrip("n5", AttributeValue.fromNs(List.of("1.0", "2.50"))).get("v").ns());
    }

    @Test
    void numbersBeyondDynamoDbsRangeAreRejected() {
        assertValidation("Number overflow. Attempting to store a number with magnitude larger than supported range",
                () -> roundTrip("big", AttributeValue.fromN("1E+126")));
        assertValidation("Number underflow. Attempting to store a number with magnitude smaller than supported range",
                () -> roundTrip("small", AttributeValue.fromN("1E-131")));
        assertValidation("Attempting to store more than 38 significant digits in a Number",
                () -> roundTrip("long", AttributeValue.fromN("1234567890123456789012345678901234567891")));
        assertValidation("The parameter cannot be converted to a numeric value: abc",
                () -> roundTrip("nan", AttributeValue.fromN("abc")));
    }

    @Test
    void emptySetsAreRejected() {
        assertValidation("One or more parameter values were invalid: An string set  may not be empty",
                () -> roundTrip("e1", AttributeValue.fromSs(List.of())));
        assertValidation("One or more parameter values were invalid: An number set  may not be empty",
                () -> roundTrip("e2", AttributeValue.fromNs(List.of())));
    }

    @Test
    void emptyAttributeValuesAreRejected() {
        assertValidation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
                () -> roundTrip("e3", AttributeValue.builder().build()));
    }

    @Test
    void itemsUpTo400KbAreAccepted() {
        int overhead = "pk".length() + "max".length() + "v".length();
        roundTrip("max", AttributeValue.fromS("x".repeat(400 * 1024 - overhead)));
        assertValidation("Item size has exceeded the maximum allowed size",
                () -> roundTrip("max", AttributeValue.fromS("x".repeat(400 * 1024 - overhead + 1))));
    }

    @Test
    void documentsNestUpTo32Levels() {
        AttributeValue deep = AttributeValue.fromS("leaf");
        for (int i = 0; i < 32; i++) deep = AttributeValue.fromL(List.of(deep));
        AttributeValue ok = deep;
        assertEquals(ok, roundTrip("deep", ok).get("v"));
        AttributeValue tooDeep = AttributeValue.fromL(List.of(deep));
        assertValidation("Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit",
                () -> roundTrip("deeper", tooDeep));
    }

    @Test
    void manyAttributesRoundTrip() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("many"));
        for (int i = 0; i < 500; i++) item.put("attr" + i, AttributeValue.fromN(Integer.toString(i)));
        dynamo.putItem(r -> r.tableName(table).item(item));
        assertEquals(item, dynamo.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("many")))).item());
    }
}
