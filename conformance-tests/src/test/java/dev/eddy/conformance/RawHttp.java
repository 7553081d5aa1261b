package dev.eddy.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Hand-made protocol requests, for what SDKs never send (malformed bodies, odd headers).
 * Signed with the SDK's own SigV4 signer, so they are valid against AWS too.
 */
public final class RawHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Answer(int status, Map<String, java.util.List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }
    }

    private RawHttp() {
    }

    /** A JSON 1.0 POST with {@code X-Amz-Target: target} (null for none) and the given extra headers. */
    public static Answer post(String target, byte[] body, Map<String, String> extraHeaders) {
        URI endpoint = Endpoint.uri();
        SdkHttpRequest.Builder b = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.0");
        if (target != null) b.putHeader("X-Amz-Target", target);
        extraHeaders.forEach(b::putHeader);
        SdkHttpRequest signed = sign(b.build(), body);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.forEachHeader((name, values) -> {
            if (!isRestricted(name)) values.forEach(v -> request.header(name, v));
        });
        return send(request.build());
    }

    public static Answer post(String target, String body) {
        return post(target, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A request with no body and no signature, as a browser's CORS preflight is. */
    public static Answer send(String method, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Endpoint.uri().resolve("/")).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(request.build());
    }

    public static Answer get(String path) {
        return send(HttpRequest.newBuilder(Endpoint.uri().resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static SdkHttpRequest sign(SdkHttpRequest request, byte[] body) {
        AwsCredentials credentials = Endpoint.isEmbedded() ? AwsBasicCredentials.create("AKIDEDDY", "secret")
                : DefaultCredentialsProvider.create().resolveCredentials();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey()))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, Clients.region().id()));
        return signed.request();
    }

    /** java.net.http sets these itself and refuses them from callers. */
    private static boolean isRestricted(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.equals("host") || n.equals("content-length") || n.equals("connection");
    }
}
