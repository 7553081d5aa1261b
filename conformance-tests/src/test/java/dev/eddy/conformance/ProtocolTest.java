package dev.eddy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The JSON 1.0 wire protocol as clients see it: headers, checksums, compression, routing, malformed input. */
class ProtocolTest {

    @Test
    void everyAnswerCarriesRequestIdChecksumAndStandardHeaders() {
        RawHttp.Answer a = RawHttp.post("DynamoDB_20120810.ListTables", "{}");
        assertEquals(200, a.status());
        assertEquals("application/x-amz-json-1.0", a.header("Content-Type"));
        assertTrue(a.header("x-amzn-RequestId").matches("[A-Z0-9]{52}"), a.header("x-amzn-RequestId"));
        assertEquals(crc32(a.body()), a.header("x-amz-crc32"));
        assertEquals(String.valueOf(a.body().length), a.header("Content-Length"));
        // HTTP's IMF-fixdate: the day of the month always has two digits.
        assertTrue(a.header("Date").matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"),
                a.header("Date"));
        assertTrue(a.json().get("TableNames").isArray());
    }

    @Test
    void errorsCarryTheSameHeaders() {
        RawHttp.Answer a = RawHttp.post("DynamoDB_20120810.DescribeTable", "{\"TableName\":\"no-such-table-here\"}");
        assertEquals(400, a.status());
        assertEquals(crc32(a.body()), a.header("x-amz-crc32"));
        assertTrue(a.header("x-amzn-RequestId").matches("[A-Z0-9]{52}"));
        assertEquals("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", a.json().get("__type").asText());
        assertEquals("Requested resource not found: Table: no-such-table-here not found", a.json().get("message").asText());
    }

    @Test
    void unknownOperationsAreUnknownOperationException() {
        for (String target : new String[] {"DynamoDB_20120810.NoSuchThing", "DynamoDB_20120810", "Nope.ListTables", null}) {
            RawHttp.Answer a = RawHttp.post(target, "{}");
            assertEquals(400, a.status(), String.valueOf(target));
            assertEquals("com.amazon.coral.service#UnknownOperationException", a.json().get("__type").asText());
        }
    }

    @Test
    void malformedJsonIsSerializationException() {
        for (String body : new String[] {"{", "not json", "[]", "\"x\"", "12", "{\"TableName\":}"}) {
            RawHttp.Answer a = RawHttp.post("DynamoDB_20120810.ListTables", body);
            assertEquals(400, a.status(), body);
            assertEquals("com.amazon.coral.service#SerializationException", a.json().get("__type").asText(), body);
        }
    }

    @Test
    void membersOfTheWrongTypeAreSerializationException() {
        RawHttp.Answer a = RawHttp.post("DynamoDB_20120810.DescribeTable", "{\"TableName\":5}");
        assertEquals(400, a.status());
        assertEquals("com.amazon.coral.service#SerializationException", a.json().get("__type").asText());
        RawHttp.Answer b = RawHttp.post("DynamoDB_20120810.ListTables", "{\"Limit\":\"ten\"}");
        assertEquals("com.amazon.coral.service#SerializationException", b.json().get("__type").asText());
    }

    @Test
    void largeAnswersAreGzippedWhenTheClientAcceptsIt() throws IOException {
        String table = Tables.create("protocol", ScalarAttributeType.S, null);
        String big = "x".repeat(20_000);
        RawHttp.post("DynamoDB_20120810.PutItem", "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"k\"},\"v\":{\"S\":\"" + big + "\"}}}");
        byte[] request = ("{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"k\"}}}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer a = RawHttp.post("DynamoDB_20120810.GetItem", request, Map.of("Accept-Encoding", "gzip"));
        assertEquals(200, a.status());
        assertEquals("gzip", a.header("Content-Encoding"));
        assertEquals(crc32(a.body()), a.header("x-amz-crc32"), "the checksum covers the body as sent");
        String json = new String(new GZIPInputStream(new ByteArrayInputStream(a.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(json.contains(big));
        Tables.delete(table);
    }

    @Test
    void gzippedRequestBodiesAreAccepted() throws IOException {
        RawHttp.Answer a = RawHttp.post("DynamoDB_20120810.ListTables", gzip("{\"Limit\":1}"), Map.of("Content-Encoding", "gzip"));
        assertEquals(200, a.status(), a.text());
    }

    @Test
    void aBodyThatCannotBeDecompressedIsAServerErrorAndWritesNothing() throws IOException {
        String table = Tables.create("protocol", ScalarAttributeType.S, null);
        String json = "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"k\"}}}";
        byte[] put = json.getBytes(StandardCharsets.UTF_8);
        // Not gzip at all, though said to be; and an encoding DynamoDB does not take.
        assertEquals(500, RawHttp.post("DynamoDB_20120810.PutItem", put, Map.of("Content-Encoding", "gzip")).status());
        assertEquals(500, RawHttp.post("DynamoDB_20120810.PutItem", put, Map.of("Content-Encoding", "garbage")).status());
        assertEquals(500, RawHttp.post("DynamoDB_20120810.PutItem", new byte[0], Map.of("Content-Encoding", "gzip")).status());
        assertEquals(0, count(table));
        assertEquals(200, RawHttp.post("DynamoDB_20120810.PutItem", gzip(json), Map.of("Content-Encoding", "gzip")).status());
        assertEquals(1, count(table));
        Tables.delete(table);
    }

    @Test
    void deflatedRequestBodiesAreOneZlibStream() throws IOException {
        String table = Tables.create("protocol-deflate", ScalarAttributeType.S, null);
        String json = "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"k\"}}}";
        Map<String, String> deflate = Map.of("Content-Encoding", "deflate");
        // not deflated, though said to be; empty; two streams one after the other
        assertEquals(500, RawHttp.post("DynamoDB_20120810.PutItem", json.getBytes(StandardCharsets.UTF_8), deflate).status());
        assertEquals(500, RawHttp.post("DynamoDB_20120810.PutItem", new byte[0], deflate).status());
        byte[] first = deflate(json.substring(0, 10));
        byte[] rest = deflate(json.substring(10));
        byte[] twoStreams = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, twoStreams, first.length, rest.length);
        assertEquals(500, RawHttp.post("DynamoDB_20120810.PutItem", twoStreams, deflate).status());
        assertEquals(0, count(table));
        RawHttp.Answer a = RawHttp.post("DynamoDB_20120810.PutItem", deflate(json), deflate);
        assertEquals(200, a.status(), a.text());
        assertEquals(1, count(table));
        Tables.delete(table);
    }

    @Test
    void aGzippedBodyIsHeldToTheSizeLimitOnceInflated() throws IOException {
        byte[] inflatesPast16Megabytes = gzip("{\"Limit\":1" + " ".repeat(17 << 20) + "}");
        RawHttp.Answer a = RawHttp.post("DynamoDB_20120810.ListTables", inflatesPast16Megabytes, Map.of("Content-Encoding", "gzip"));
        assertEquals(413, a.status());
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] deflate(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(out)) {
            zlib.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static int count(String table) {
        return RawHttp.post("DynamoDB_20120810.Scan", "{\"TableName\":\"" + table + "\",\"Select\":\"COUNT\",\"ConsistentRead\":true}")
                .json().get("Count").asInt();
    }

    @Test
    void aRequestSentAsApplicationJsonIsAnsweredInIt() {
        RawHttp.Answer listed = RawHttp.post("DynamoDB_20120810.ListTables", "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
        assertEquals(200, listed.status());
        assertEquals("application/json", listed.header("Content-Type"));
        RawHttp.Answer refused = RawHttp.post("DynamoDB_20120810.ListTables", "hi".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json; charset=utf-8"));
        assertEquals(400, refused.status());
        assertEquals("application/json", refused.header("Content-Type"));
        assertEquals("com.amazon.coral.service#SerializationException", refused.json().get("__type").asText());
    }

    @Test
    void browsersArePermittedByCors() {
        RawHttp.Answer preflight = RawHttp.send("OPTIONS", Map.of("Origin", "http://localhost:3000",
                "Access-Control-Request-Headers", "content-type, x-amz-target", "Access-Control-Request-Method", "POST"));
        assertEquals(200, preflight.status());
        assertEquals("*", preflight.header("Access-Control-Allow-Origin"));
        assertEquals("content-type, x-amz-target", preflight.header("Access-Control-Allow-Headers"));
        assertEquals("POST", preflight.header("Access-Control-Allow-Methods"));
        assertEquals("172800", preflight.header("Access-Control-Max-Age"));
        assertEquals(0, preflight.body().length);
        RawHttp.Answer listed = RawHttp.post("DynamoDB_20120810.ListTables", "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("Origin", "http://localhost:3000"));
        assertEquals(200, listed.status());
        assertEquals("*", listed.header("Access-Control-Allow-Origin"));
    }

    @Test
    void healthCheckAnswersGet() {
        RawHttp.Answer a = RawHttp.get("/");
        assertEquals(200, a.status());
        assertTrue(a.text().startsWith("healthy: dynamodb."), a.text());
    }

    private static String crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return Long.toString(crc.getValue());
    }
}
