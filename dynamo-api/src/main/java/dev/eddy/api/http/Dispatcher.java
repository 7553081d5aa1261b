package dev.eddy.api.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.json.JsonObject;
import dev.eddy.api.json.JsonTrees;
import dev.eddy.api.operation.ApiRequest;
import dev.eddy.api.operation.Operation;
import dev.eddy.api.operation.Response;
import dev.eddy.api.operation.Service;
import dev.eddy.core.Emulator;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.storage.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON 1.0 protocol: routes a request by {@code X-Amz-Target} to its operation and turns
 * the outcome into an answer. Checks run in the order AWS's front end runs them: method and
 * content type, JSON syntax, target, authentication, then the operation's own validation.
 */
public final class Dispatcher {
    static final String JSON_1_0 = "application/x-amz-json-1.0";
    private static final byte[] UNKNOWN_OPERATION_XML = "<UnknownOperationException/>\n".getBytes(StandardCharsets.UTF_8);

    private final JsonFactory factory;
    private final Emulator emulator;
    private final Authenticator authenticator;
    private final String defaultRegion;
    private final Map<String, Service> services = new ConcurrentHashMap<>();

    public Dispatcher(Emulator emulator, Authenticator authenticator, String defaultRegion) {
        this.emulator = emulator;
        this.authenticator = authenticator;
        this.defaultRegion = defaultRegion;
        this.factory = JsonFactory.builder()
                // Attribute names reach 65,535 bytes; Jackson's default stops names at 50,000 chars,
                // and a longer one must get DynamoDB's ValidationException, not a parse failure.
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).maxNameLength(1 << 20).build())
                .build();
    }

    public void register(Service service) {
        services.put(service.targetPrefix(), service);
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    public HttpAnswer dispatch(HttpCall call) {
        HttpAnswer answer = answer(call);
        // DynamoDB answers a request sent as application/json in application/json.
        if (JSON_1_0.equals(answer.headers().get("Content-Type")) && "application/json".equalsIgnoreCase(mediaType(call))) {
            answer.headers().put("Content-Type", "application/json");
        }
        return answer;
    }

    private HttpAnswer answer(HttpCall call) {
        if ("GET".equals(call.method()) && (call.uri().equals("/") || call.uri().startsWith("/?"))) {
            String region = regionOf(call);
            return HttpAnswer.of(200, "text/plain",
                    ("healthy: dynamodb." + region + ".amazonaws.com ").getBytes(StandardCharsets.UTF_8));
        }
        String mediaType = mediaType(call);
        if (!"POST".equals(call.method()) || (call.body().length > 0
                && !JSON_1_0.equalsIgnoreCase(mediaType) && !"application/json".equalsIgnoreCase(mediaType))) {
            return HttpAnswer.of(404, "text/xml", UNKNOWN_OPERATION_XML);
        }
        try {
            ObjectNode body = parse(call.body());
            Operation operation = operation(call.header("x-amz-target"));
            String region = authenticator.authenticate(call);
            if (body == null) throw new DynamoException(ErrorCode.SERIALIZATION, null);
            Response response = operation.handle(new ApiRequest(new JsonObject(body),
                    region == null ? defaultRegion : region, emulator, emulator.clock().instant()));
            return json(200, response);
        } catch (DynamoException e) {
            return error(e);
        } catch (Store.WouldWaitForDisk e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // Every request gets an answer; a worker that died silently would leave the client hanging.
            log().log(Level.SEVERE, "internal error serving " + call.header("x-amz-target"), e);
            return internalServerError();
        }
    }

    /**
     * The answer when the request only reads items by key and they are in memory, computed on
     * the calling thread; null when it must go to {@link #dispatch} on a thread that may wait.
     */
    public HttpAnswer dispatchIfInMemory(HttpCall call) {
        if (!"POST".equals(call.method())) return null;
        Operation operation = knownOperation(call.header("x-amz-target"));
        if (operation == null || !operation.onlyReadsByKey()) return null;
        try {
            return emulator.store().withoutWaitingForDisk(() -> dispatch(call));
        } catch (Store.WouldWaitForDisk e) {
            return null;
        }
    }

    /** DynamoDB's 500 answer, when no other error says what went wrong. */
    public HttpAnswer internalServerError() {
        return error(new DynamoException(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error"));
    }

    /** An error answer for failures found before dispatch (the HTTP layer's own limits). */
    public HttpAnswer error(DynamoException e) {
        int status = e.code().isServerFault() ? 500 : 400;
        return json(status, g -> ErrorBody.write(g, e));
    }

    private ObjectNode parse(byte[] body) {
        if (body.length == 0) return null;
        JsonNode node;
        try {
            node = JsonTrees.read(factory, body);
        } catch (IOException | RuntimeException e) {
            throw new DynamoException(ErrorCode.SERIALIZATION, null);
        }
        if (node == null) return null;
        if (!node.isObject()) throw new DynamoException(ErrorCode.SERIALIZATION, null);
        return (ObjectNode) node;
    }

    private Operation operation(String target) {
        Operation op = knownOperation(target);
        if (op == null) throw new DynamoException(ErrorCode.UNKNOWN_OPERATION, null);
        return op;
    }

    private Operation knownOperation(String target) {
        if (target == null) return null;
        int dot = target.indexOf('.');
        if (dot <= 0) return null;
        Service service = services.get(target.substring(0, dot));
        return service == null ? null : service.operations().get(target.substring(dot + 1));
    }

    private String regionOf(HttpCall call) {
        try {
            String region = authenticator.authenticate(call);
            return region == null ? defaultRegion : region;
        } catch (DynamoException e) {
            return defaultRegion;
        }
    }

    /** The request's Content-Type without its parameters, or null. */
    private static String mediaType(HttpCall call) {
        String contentType = call.header("content-type");
        if (contentType == null) return null;
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }

    private HttpAnswer json(int status, Response response) {
        if (response instanceof Response.Written written) {
            return HttpAnswer.of(status, JSON_1_0, written.json(), written.offset(), written.length());
        }
        Body out = new Body();
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            response.write(g);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return HttpAnswer.of(status, JSON_1_0, out.buffer(), 0, out.size());
    }

    /** A response body written in memory, sent from its own buffer rather than a copy of it. */
    private static final class Body extends ByteArrayOutputStream {
        Body() {
            super(256);
        }

        byte[] buffer() {
            return buf;
        }
    }

    /** Looked up at the first failure, not at class load: starting java.util.logging slows a cold start. */
    private static Logger log() {
        return Logger.getLogger(Dispatcher.class.getName());
    }
}
