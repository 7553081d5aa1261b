package dev.eddy.bench.load;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One HTTP/1.1 keep-alive connection that sends DynamoDB JSON 1.0 requests and reads
 * whole responses, written over a plain socket so the driver spends little per request.
 * Not thread-safe: each driver thread owns one.
 *
 * <p>Requests carry what the AWS SDKs send and DynamoDB Local insists on: the JSON 1.0
 * content type, the target, {@code X-Amz-Date} and a SigV4 {@code Authorization} header
 * that is well formed but signed by no one.
 */
public final class Connection implements AutoCloseable {
    private static final int READ_TIMEOUT_MILLIS = 60_000;
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private byte[] requestBuffer = new byte[4096];
    private byte[] body = new byte[16384];
    private int bodyLength;
    private int status;

    public Connection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends {@code DynamoDB_20120810.<operation>} and reads the response; returns its status. */
    public int dynamo(String operation, String json) throws IOException {
        return call("DynamoDB_20120810." + operation, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code DynamoDBStreams_20120810.<operation>}; returns the response's status. */
    public int streams(String operation, String json) throws IOException {
        return call("DynamoDBStreams_20120810." + operation, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The last response's body, valid until the next call. */
    public byte[] body() {
        return body;
    }

    public int bodyLength() {
        return bodyLength;
    }

    public String bodyText() {
        return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    public int status() {
        return status;
    }

    private int call(String target, byte[] json) throws IOException {
        if (socket == null) open();
        String head = "POST / HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: " + target + "\r\n"
                + "X-Amz-Date: 20250101T000000Z\r\n"
                + "Authorization: " + AUTHORIZATION + "\r\n"
                + "Content-Length: " + json.length + "\r\n"
                + "\r\n";
        int headLength = head.length();
        int total = headLength + json.length;
        if (requestBuffer.length < total) requestBuffer = new byte[Math.max(total, requestBuffer.length * 2)];
        for (int i = 0; i < headLength; i++) requestBuffer[i] = (byte) head.charAt(i); // the head is ASCII
        System.arraycopy(json, 0, requestBuffer, headLength, json.length);
        try {
            out.write(requestBuffer, 0, total);
            out.flush();
            readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
        return status;
    }

    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        s.connect(new InetSocketAddress(host, port), 5_000);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 65536);
        out = s.getOutputStream();
    }

    private void readResponse() throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.")) throw new IOException("not an HTTP response: " + statusLine);
        status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = statusLine.startsWith("HTTP/1.0");
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closeAfter = value.equalsIgnoreCase("close");
            }
        }
        bodyLength = 0;
        if (chunked) {
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                readBody(size);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (contentLength >= 0) {
            readBody((int) contentLength);
        } else {
            throw new IOException("response without Content-Length or chunked encoding");
        }
        if (closeAfter) close();
    }

    private int chunkSize() throws IOException {
        String line = readLine();
        int semicolon = line.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
    }

    private void readBody(int length) throws IOException {
        int needed = bodyLength + length;
        if (body.length < needed) body = Arrays.copyOf(body, Math.max(needed, body.length * 2));
        int read = 0;
        while (read < length) {
            int n = in.read(body, bodyLength + read, length - read);
            if (n < 0) throw new EOFException("connection closed in a response body");
            read += n;
        }
        bodyLength = needed;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) throw new EOFException("connection closed in a response head");
            if (c == '\n') break;
            if (c != '\r') line.append((char) c);
            if (line.length() > 65536) throw new IOException("response head line too long");
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that failed anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
