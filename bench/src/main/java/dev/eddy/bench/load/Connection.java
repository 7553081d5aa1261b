package dev.eddy.bench.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static final int MAX_HEAD_LINE_BYTES = 65536;

    private final String host;
    private final int port;
    private final Map<String, byte[]> heads = new HashMap<>();
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    /** When the call in progress began, or 0 between calls; read by {@link Watchdog}. */
    private volatile long callStartedNanos;
    private byte[] requestBuffer = new byte[4096];
    /** Bytes read from the socket: {@code [parsed, received)} are not yet taken. */
    private final byte[] buffer = new byte[MAX_HEAD_LINE_BYTES + 4096];
    private int received;
    private int parsed;
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
        byte[] head = heads.computeIfAbsent(target, this::headUpToContentLength);
        String length = Integer.toString(json.length);
        int total = head.length + length.length() + 4 + json.length;
        if (requestBuffer.length < total) requestBuffer = new byte[Math.max(total, requestBuffer.length * 2)];
        System.arraycopy(head, 0, requestBuffer, 0, head.length);
        int at = head.length;
        for (int i = 0; i < length.length(); i++) requestBuffer[at++] = (byte) length.charAt(i);
        requestBuffer[at++] = '\r';
        requestBuffer[at++] = '\n';
        requestBuffer[at++] = '\r';
        requestBuffer[at++] = '\n';
        System.arraycopy(json, 0, requestBuffer, at, json.length);
        callStartedNanos = System.nanoTime();
        try {
            out.write(requestBuffer, 0, total);
            readResponse();
        } catch (IOException e) {
            close();
            throw e;
        } finally {
            callStartedNanos = 0;
        }
        return status;
    }

    /** The request head of a target, which only the body's length completes. */
    private byte[] headUpToContentLength(String target) {
        return ("POST / HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: " + target + "\r\n"
                + "X-Amz-Date: 20250101T000000Z\r\n"
                + "Authorization: " + AUTHORIZATION + "\r\n"
                + "Content-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads block without a socket timeout: with one, the JDK makes the socket non-blocking
     * and every read that comes before the answer costs a failed read and a poll, three system
     * calls instead of one. {@link Watchdog} bounds a call instead.
     */
    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), 5_000);
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        received = 0;
        parsed = 0;
        Watchdog.watch(this);
    }

    private void readResponse() throws IOException {
        int lineEnd = lineEnd();
        if (lineEnd - parsed < 12 || !startsWith(parsed, "HTTP/1.")) {
            throw new IOException("not an HTTP response: " + text(parsed, lineEnd));
        }
        status = (buffer[parsed + 9] - '0') * 100 + (buffer[parsed + 10] - '0') * 10 + (buffer[parsed + 11] - '0');
        boolean closeAfter = buffer[parsed + 7] == '0';
        parsed = lineEnd + 2;
        long contentLength = -1;
        boolean chunked = false;
        for (lineEnd = lineEnd(); lineEnd > parsed; lineEnd = lineEnd()) {
            if (isHeader("content-length", lineEnd)) {
                contentLength = Long.parseLong(headerValue(lineEnd));
            } else if (isHeader("transfer-encoding", lineEnd)) {
                chunked = headerValue(lineEnd).toLowerCase(Locale.ROOT).contains("chunked");
            } else if (isHeader("connection", lineEnd)) {
                closeAfter = headerValue(lineEnd).equalsIgnoreCase("close");
            }
            parsed = lineEnd + 2;
        }
        parsed = lineEnd + 2;
        bodyLength = 0;
        if (chunked) {
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                readBody(size);
                parsed = lineEnd() + 2;
            }
            for (lineEnd = lineEnd(); lineEnd > parsed; lineEnd = lineEnd()) parsed = lineEnd + 2; // trailers
            parsed = lineEnd + 2;
        } else if (contentLength >= 0) {
            readBody((int) contentLength);
        } else {
            throw new IOException("response without Content-Length or chunked encoding");
        }
        if (closeAfter) close();
    }

    /** Where the line that starts at {@code parsed} ends (its CR), reading more as needed. */
    private int lineEnd() throws IOException {
        int from = parsed;
        while (true) {
            for (int i = from; i + 1 < received; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') return i;
            }
            from = Math.max(parsed, received - 1);
            if (received - parsed >= MAX_HEAD_LINE_BYTES) throw new IOException("response head line too long");
            int shift = parsed;
            fill();
            from -= shift;
        }
    }

    /** Reads at least one more byte, first moving what is left unparsed to the buffer's start. */
    private void fill() throws IOException {
        if (parsed > 0) {
            System.arraycopy(buffer, parsed, buffer, 0, received - parsed);
            received -= parsed;
            parsed = 0;
        }
        int n = in.read(buffer, received, buffer.length - received);
        if (n < 0) throw new EOFException("connection closed in a response");
        received += n;
    }

    private boolean isHeader(String lowerCaseName, int lineEnd) {
        int n = lowerCaseName.length();
        if (lineEnd - parsed <= n || buffer[parsed + n] != ':') return false;
        for (int i = 0; i < n; i++) {
            if (Character.toLowerCase((char) buffer[parsed + i]) != lowerCaseName.charAt(i)) return false;
        }
        return true;
    }

    private String headerValue(int lineEnd) {
        String line = text(parsed, lineEnd);
        return line.substring(line.indexOf(':') + 1).trim();
    }

    private boolean startsWith(int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) if (buffer[at + i] != ascii.charAt(i)) return false;
        return true;
    }

    private String text(int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private int chunkSize() throws IOException {
        int lineEnd = lineEnd();
        String line = text(parsed, lineEnd);
        parsed = lineEnd + 2;
        int semicolon = line.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
    }

    /** Appends {@code length} bytes to the body: first what the buffer holds, then straight from the socket. */
    private void readBody(int length) throws IOException {
        int needed = bodyLength + length;
        if (body.length < needed) body = Arrays.copyOf(body, Math.max(needed, body.length * 2));
        int buffered = Math.min(length, received - parsed);
        System.arraycopy(buffer, parsed, body, bodyLength, buffered);
        parsed += buffered;
        for (int read = buffered; read < length; ) {
            int n = in.read(body, bodyLength + read, length - read);
            if (n < 0) throw new EOFException("connection closed in a response body");
            read += n;
        }
        bodyLength = needed;
    }

    @Override
    public void close() {
        Watchdog.forget(this);
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

    /**
     * Closes the socket of a call that has waited over a minute for its answer, which ends the
     * blocked read with an exception: a server that hangs fails the workload instead of the
     * driver waiting forever.
     */
    private static final class Watchdog {
        private static final long CALL_TIMEOUT_NANOS = 60_000_000_000L;
        private static final Set<Connection> OPEN = ConcurrentHashMap.newKeySet();

        static {
            Thread t = new Thread(Watchdog::patrol, "connection-watchdog");
            t.setDaemon(true);
            t.start();
        }

        static void watch(Connection c) {
            OPEN.add(c);
        }

        static void forget(Connection c) {
            OPEN.remove(c);
        }

        private static void patrol() {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                for (Connection c : OPEN) {
                    long started = c.callStartedNanos;
                    Socket s = c.socket;
                    if (started != 0 && now - started > CALL_TIMEOUT_NANOS && s != null) {
                        try {
                            s.close();
                        } catch (IOException ignored) {
                            // the blocked read fails either way
                        }
                    }
                }
            }
        }
    }
}
