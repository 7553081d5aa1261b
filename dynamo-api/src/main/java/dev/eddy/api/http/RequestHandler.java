package dev.eddy.api.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Hands each whole request to the dispatcher on a worker thread (storage calls may wait for
 * the disk, so not on the event loop), unless it is a read by key that memory can answer,
 * and writes the answer with the headers every AWS answer carries.
 */
@ChannelHandler.Sharable
final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    /** Below this, compressing costs more than it saves. */
    private static final int GZIP_THRESHOLD = 1024;
    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final String[] DAY_NAMES = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTH_NAMES =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    /** The Date header changes once a second; formatting it per response is wasted work. */
    private static volatile DateOfSecond dateOfSecond = new DateOfSecond(-1, "");

    private final Dispatcher dispatcher;
    private final ExecutorService workers;

    RequestHandler(Dispatcher dispatcher, ExecutorService workers) {
        // The message type named, Netty does not find it by reflection on the generic superclass.
        super(FullHttpRequest.class);
        this.dispatcher = dispatcher;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            write(ctx, HttpAnswer.of(400, "text/plain", new byte[0]), false, false);
            return;
        }
        boolean acceptsGzip = accepts(request.headers().get(HttpHeaderNames.ACCEPT_ENCODING));
        boolean cors = request.headers().contains(HttpHeaderNames.ORIGIN);
        if (cors && request.method().equals(HttpMethod.OPTIONS)) {
            write(ctx, preflight(request.headers()), keepAlive, false);
            return;
        }
        HttpCall call = new HttpCall(request.method().name(), request.uri(), headers(request.headers()),
                ByteBufUtil.getBytes(request.content()));
        String encoding = request.headers().get(HttpHeaderNames.CONTENT_ENCODING);
        if (encoding != null && !encoding.isEmpty() && !HttpHeaderValues.IDENTITY.contentEqualsIgnoreCase(encoding)) {
            execute(ctx, () -> write(ctx, allowOrigin(cors, dispatchEncoded(call, encoding)), keepAlive, acceptsGzip));
            return;
        }
        // Waking a worker and then the event loop again costs more than such a read itself.
        HttpAnswer fromMemory = dispatcher.dispatchIfInMemory(call);
        if (fromMemory != null) {
            write(ctx, allowOrigin(cors, fromMemory), keepAlive, acceptsGzip);
            return;
        }
        execute(ctx, () -> write(ctx, allowOrigin(cors, dispatcher.dispatch(call)), keepAlive, acceptsGzip));
    }

    /**
     * A browser's CORS preflight: DynamoDB allows any origin, and the headers and method asked
     * for, for two days.
     */
    private static HttpAnswer preflight(HttpHeaders request) {
        HttpAnswer answer = new HttpAnswer(200, new LinkedHashMap<>(), new byte[0], 0, 0);
        answer.headers().put("Access-Control-Allow-Origin", "*");
        answer.headers().put("Access-Control-Max-Age", "172800");
        String headers = request.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        if (headers != null) answer.headers().put("Access-Control-Allow-Headers", headers);
        String method = request.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
        if (method != null) answer.headers().put("Access-Control-Allow-Methods", method);
        return answer;
    }

    /** A request from a browser page (it carries Origin) may be read by any origin. */
    private static HttpAnswer allowOrigin(boolean cors, HttpAnswer answer) {
        if (cors) answer.headers().put("Access-Control-Allow-Origin", "*");
        return answer;
    }

    private void execute(ChannelHandlerContext ctx, Runnable work) {
        try {
            workers.execute(work);
        } catch (RejectedExecutionException e) {
            ctx.close();
        }
    }

    /**
     * A request whose body is compressed. DynamoDB takes gzip (one or more members, as the
     * format allows) and deflate (one zlib stream, RFC 1950), and answers 500
     * InternalServerError to any other encoding and to a body that does not inflate, writing
     * nothing; inflated, the body has the usual limit.
     */
    private HttpAnswer dispatchEncoded(HttpCall encoded, String encoding) {
        InputStream in;
        Inflater inflater = null;
        if (HttpHeaderValues.GZIP.contentEqualsIgnoreCase(encoding) || HttpHeaderValues.X_GZIP.contentEqualsIgnoreCase(encoding)) {
            try {
                in = new GZIPInputStream(new ByteArrayInputStream(encoded.body()));
            } catch (IOException e) {
                return dispatcher.internalServerError();
            }
        } else if (HttpHeaderValues.DEFLATE.contentEqualsIgnoreCase(encoding)) {
            inflater = new Inflater();
            in = new InflaterInputStream(new ByteArrayInputStream(encoded.body()), inflater);
        } else {
            return dispatcher.internalServerError();
        }
        byte[] body;
        try (in) {
            body = in.readNBytes(EddyServer.MAX_BODY_BYTES + 1);
            if (body.length > EddyServer.MAX_BODY_BYTES) {
                return EddyServer.tooLarge(dispatcher, body.length + in.transferTo(OutputStream.nullOutputStream()));
            }
            // a deflate body is one stream: it must end where the body ends
            if (inflater != null && (!inflater.finished() || inflater.getRemaining() > 0 || in.read() >= 0)) {
                return dispatcher.internalServerError();
            }
        } catch (IOException e) {
            return dispatcher.internalServerError();
        } finally {
            if (inflater != null) inflater.end();
        }
        return dispatcher.dispatch(new HttpCall(encoded.method(), encoded.uri(), encoded.headers(), body));
    }

    /**
     * Sends the answer. Its body is copied here, on the thread that wrote it, into direct
     * memory: the transport would copy it there anyway, and the caller may reuse its array for
     * its next answer (see {@code JsonBytes.reusing}).
     */
    static void write(ChannelHandlerContext ctx, HttpAnswer answer, boolean keepAlive, boolean acceptsGzip) {
        byte[] body = answer.body();
        int offset = answer.bodyOffset();
        int length = answer.bodyLength();
        boolean gzip = acceptsGzip && length >= GZIP_THRESHOLD;
        if (gzip) {
            body = gzip(body, offset, length);
            offset = 0;
            length = body.length;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), directCopy(ctx.alloc(), body, offset, length));
        HttpHeaders h = response.headers();
        h.set("x-amzn-RequestId", requestId());
        CRC32 crc = new CRC32();
        crc.update(body, offset, length);
        h.set("x-amz-crc32", Long.toString(crc.getValue()));
        answer.headers().forEach(h::set);
        h.set(HttpHeaderNames.CONTENT_LENGTH, length);
        h.set(HttpHeaderNames.DATE, httpDate());
        h.set(HttpHeaderNames.SERVER, "Server");
        if (gzip) h.set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
        if (keepAlive) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private static Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> map = new HashMap<>();
        for (Map.Entry<String, String> e : headers) {
            map.computeIfAbsent(e.getKey().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>(1)).add(e.getValue());
        }
        return map;
    }

    private static boolean accepts(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.trim().split(";");
            if (coding[0].trim().equalsIgnoreCase("gzip")) {
                return coding.length < 2 || !coding[1].replace(" ", "").equals("q=0");
            }
        }
        return false;
    }

    /**
     * The body in direct memory: a small one from the connection's pool, a large one in
     * recycled pieces (see {@link BodyPiece}).
     */
    private static ByteBuf directCopy(ByteBufAllocator alloc, byte[] body, int offset, int length) {
        if (length == 0) return Unpooled.EMPTY_BUFFER;
        if (length <= BodyPiece.BYTES) return alloc.directBuffer(length).writeBytes(body, offset, length);
        CompositeByteBuf pieces = alloc.compositeDirectBuffer((length + BodyPiece.BYTES - 1) / BodyPiece.BYTES);
        for (int at = 0; at < length; at += BodyPiece.BYTES) {
            int n = Math.min(BodyPiece.BYTES, length - at);
            pieces.addComponent(true, new BodyPiece(alloc).writeBytes(body, offset + at, n));
        }
        return pieces;
    }

    private static byte[] gzip(byte[] body, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body, offset, length);
        } catch (IOException e) {
            throw new IllegalStateException("compressing in memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** 52 characters of [A-Z0-9], the shape of DynamoDB's request ids; unique, not secret. */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[52];
        for (int i = 0; i < id.length; i++) id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        return new String(id);
    }

    private static String httpDate() {
        // The clock's millisecond read is cheap; building a ZonedDateTime per response was not.
        long second = System.currentTimeMillis() / 1000;
        DateOfSecond cached = dateOfSecond;
        if (cached.second == second) return cached.formatted;
        String formatted = imfFixdate(second);
        dateOfSecond = new DateOfSecond(second, formatted);
        return formatted;
    }

    /**
     * HTTP's IMF-fixdate, as AWS sends it, with a two-digit day ("Tue, 01 Dec 2026 17:40:05 GMT").
     * Written out by hand: a DateTimeFormatter with day and month names loads the JDK's locale
     * data on first use, 18 ms of the first answer after a cold start.
     */
    static String imfFixdate(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder s = new StringBuilder(29).append(DAY_NAMES[t.getDayOfWeek().ordinal()]).append(", ");
        twoDigits(s, t.getDayOfMonth()).append(' ').append(MONTH_NAMES[t.getMonthValue() - 1]).append(' ')
                .append(t.getYear()).append(' ');
        twoDigits(s, t.getHour()).append(':');
        twoDigits(s, t.getMinute()).append(':');
        return twoDigits(s, t.getSecond()).append(" GMT").toString();
    }

    private static StringBuilder twoDigits(StringBuilder s, int n) {
        return s.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    private record DateOfSecond(long second, String formatted) {
    }
}
