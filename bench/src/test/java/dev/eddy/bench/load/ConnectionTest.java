package dev.eddy.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConnectionTest {

    /** Answers each request on one connection with the next canned response; returns the requests' heads. */
    private static CompletableFuture<List<String>> serve(ServerSocket server, String... responses) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                List<String> heads = new ArrayList<>();
                for (String response : responses) {
                    String head = readHead(in);
                    heads.add(head);
                    int length = Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
                    in.readNBytes(length);
                    out.write(response.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                return heads;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("closed");
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsSizedAndChunkedResponsesOverOneKeptAliveConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Connection c = new Connection("127.0.0.1", server.getLocalPort())) {
            CompletableFuture<List<String>> heads = serve(server,
                    "HTTP/1.1 200 OK\r\nContent-Length: 17\r\n\r\n{\"TableNames\":[]}",
                    "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"__t\r\n9;x=y\r\nype\":\"x\"}\r\n0\r\n\r\n");

            assertEquals(200, c.dynamo("ListTables", "{}"));
            assertEquals("{\"TableNames\":[]}", c.bodyText());
            assertEquals(400, c.streams("ListStreams", "{}"));
            assertEquals("{\"__type\":\"x\"}", c.bodyText());

            List<String> sent = heads.get();
            assertTrue(sent.get(0).contains("X-Amz-Target: DynamoDB_20120810.ListTables\r\n"));
            assertTrue(sent.get(1).contains("X-Amz-Target: DynamoDBStreams_20120810.ListStreams\r\n"));
            assertTrue(sent.get(0).contains("Content-Type: application/x-amz-json-1.0\r\n"));
            assertTrue(sent.get(0).contains("Authorization: AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, "));
            assertTrue(sent.get(0).contains("X-Amz-Date: 20250101T000000Z\r\n"));
        }
    }

    @Test
    void readsAResponseThatArrivesInPiecesAndABodyLargerThanItsBuffer() throws Exception {
        String big = "x".repeat(300_000);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Connection c = new Connection("127.0.0.1", server.getLocalPort())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    readHead(in);
                    in.readNBytes(2);
                    for (byte b : "HTTP/1.1 200 OK\r\ncontent-LENGTH: 5\r\n\r\n{\"a\"}".getBytes(StandardCharsets.UTF_8)) {
                        out.write(b);
                        out.flush();
                    }
                    readHead(in);
                    in.readNBytes(2);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + big.length() + "\r\n\r\n" + big).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertEquals(200, c.dynamo("GetItem", "{}"));
            assertEquals("{\"a\"}", c.bodyText());
            assertEquals(200, c.dynamo("GetItem", "{}"));
            assertEquals(big, c.bodyText());
            served.get();
        }
    }

    @Test
    void reconnectsAfterTheServerAsksToClose() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 2, InetAddress.getLoopbackAddress());
             Connection c = new Connection("127.0.0.1", server.getLocalPort())) {
            CompletableFuture<List<String>> first = serve(server, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}");
            assertEquals(200, c.dynamo("ListTables", "{}"));
            first.get();
            CompletableFuture<List<String>> second = serve(server, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n{ }");
            assertEquals(200, c.dynamo("ListTables", "{}"));
            assertEquals("{ }", c.bodyText());
            second.get();
        }
    }
}
