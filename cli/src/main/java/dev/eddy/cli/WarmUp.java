package dev.eddy.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A training run through the common requests, streams included, so that the class-data
 * archive recorded during it holds what a real start and its first requests need; the
 * ./eddy script records one per build and JDK. The requests go over a plain socket: an HTTP client library would fill the
 * archive with its own classes, which every later start would then load for nothing.
 */
final class WarmUp {
    private static final int ROUNDS = 40;
    private static final String TABLE = "{\"TableName\":\"warm-up\"";
    private static final String PADDING = "x".repeat(1000);

    private final OutputStream out;
    private final InputStream in;

    private WarmUp(Socket socket) throws IOException {
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
    }

    static void exercise(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            new WarmUp(socket).run();
        }
    }

    private void run() throws IOException {
        dynamo("CreateTable", TABLE + ",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                + "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}");
        for (int round = 0; round < ROUNDS; round++) {
            String keyValue = "{\"S\":\"k" + round % 8 + "\"}";
            String key = "{\"pk\":" + keyValue + "}";
            dynamo("PutItem", TABLE + ",\"Item\":{\"pk\":" + keyValue + ",\"n\":{\"N\":\"" + round
                    + "\"},\"data\":{\"S\":\"" + PADDING + "\"}}}");
            dynamo("UpdateItem", TABLE + ",\"Key\":" + key + ",\"UpdateExpression\":\"SET n = n + :one\","
                    + "\"ConditionExpression\":\"attribute_exists(pk)\",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}");
            dynamo("GetItem", TABLE + ",\"Key\":" + key + "}");
            dynamo("Query", TABLE + ",\"KeyConditionExpression\":\"pk = :k\",\"ExpressionAttributeValues\":{\":k\":"
                    + keyValue + "}}");
            dynamo("Scan", TABLE + "}");
            dynamo("BatchWriteItem", "{\"RequestItems\":{\"warm-up\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b" + round
                    + "\"}}}}]}}");
        }
        dynamo("DescribeTable", TABLE + "}");
        dynamo("ListTables", "{}");
        readStream();
        dynamo("DeleteTable", TABLE + "}");
    }

    /** Reads the table's stream as a consumer does: every shard from its oldest record. */
    private void readStream() throws IOException {
        String arn = valueOf(streams("ListStreams", TABLE + "}"), "StreamArn");
        String description = streams("DescribeStream", "{\"StreamArn\":\"" + arn + "\"}");
        for (int at = description.indexOf("\"ShardId\":\""); at >= 0; at = description.indexOf("\"ShardId\":\"", at + 1)) {
            String shard = valueOf(description.substring(at), "ShardId");
            String iterator = valueOf(streams("GetShardIterator", "{\"StreamArn\":\"" + arn + "\",\"ShardId\":\"" + shard
                    + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}"), "ShardIterator");
            for (int page = 0; page < ROUNDS && iterator != null; page++) {
                String records = streams("GetRecords", "{\"ShardIterator\":\"" + iterator + "\",\"Limit\":10}");
                // A closed shard read to its end has no next iterator.
                iterator = records.contains("\"Records\":[]") || !records.contains("\"NextShardIterator\"") ? null
                        : valueOf(records, "NextShardIterator");
            }
        }
    }

    private String dynamo(String operation, String json) throws IOException {
        return call("DynamoDB_20120810." + operation, json);
    }

    private String streams(String operation, String json) throws IOException {
        return call("DynamoDBStreams_20120810." + operation, json);
    }

    private String call(String target, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        // Head and body in one write: a second small write would wait for the first one's ACK.
        ByteArrayOutputStream request = new ByteArrayOutputStream(256 + body.length);
        request.writeBytes(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: " + target + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        out.write(request.toByteArray());
        out.flush();
        return readResponse(target);
    }

    /** One response's body: the head is read up to its blank line, then Content-Length bytes. */
    private String readResponse(String target) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (int last = 0; last != 0x0D0A0D0A; ) {
            int c = in.read();
            if (c < 0) throw new IOException("connection closed in a response head");
            head.write(c);
            last = last << 8 | c;
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) length = Integer.parseInt(line.substring(15).trim());
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        if (!head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200")) throw new IOException(target + ": " + body);
        return body;
    }

    /** The first string value of a member in a JSON text; Eddy's ids and ARNs need no escaping. */
    private static String valueOf(String json, String member) throws IOException {
        String name = "\"" + member + "\":\"";
        int start = json.indexOf(name);
        if (start < 0) throw new IOException("no " + member + " in " + json);
        start += name.length();
        return json.substring(start, json.indexOf('"', start));
    }
}
