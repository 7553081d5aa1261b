package dev.eddy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A short run through the common requests, so that a class-data archive recorded during it
 * holds the classes a real start needs (the ./eddy script records one once per build). The
 * requests go over a plain socket: an HTTP client library would fill the archive with its
 * own classes, which every later start would then load for nothing.
 */
final class WarmUp {
    private static final String[][] REQUESTS = {
        {"DynamoDB_20120810.CreateTable", "{\"TableName\":\"warm-up\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}"},
        {"DynamoDB_20120810.PutItem", "{\"TableName\":\"warm-up\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"}}}"},
        {"DynamoDB_20120810.UpdateItem", "{\"TableName\":\"warm-up\",\"Key\":{\"pk\":{\"S\":\"a\"}},"
                + "\"UpdateExpression\":\"SET n = n + :one\",\"ConditionExpression\":\"attribute_exists(pk)\","
                + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}"},
        {"DynamoDB_20120810.GetItem", "{\"TableName\":\"warm-up\",\"Key\":{\"pk\":{\"S\":\"a\"}}}"},
        {"DynamoDB_20120810.Query", "{\"TableName\":\"warm-up\",\"KeyConditionExpression\":\"pk = :a\","
                + "\"ExpressionAttributeValues\":{\":a\":{\"S\":\"a\"}}}"},
        {"DynamoDB_20120810.DescribeTable", "{\"TableName\":\"warm-up\"}"},
        {"DynamoDB_20120810.ListTables", "{}"},
        {"DynamoDB_20120810.DeleteTable", "{\"TableName\":\"warm-up\"}"},
    };

    private WarmUp() {
    }

    static void exercise(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (String[] r : REQUESTS) {
                byte[] body = r[1].getBytes(StandardCharsets.UTF_8);
                out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
                        + "X-Amz-Target: " + r[0] + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                skipResponse(in);
            }
        }
    }

    /** Reads one response: its head up to the blank line, then Content-Length bytes of body. */
    private static void skipResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) throw new IOException("connection closed in a response head");
            head.append((char) c);
        }
        long length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) length = Long.parseLong(line.substring(15).trim());
        }
        in.skipNBytes(length);
    }
}
