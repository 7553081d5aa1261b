package dev.eddy.api.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/** Requests signed by the AWS SDK v2's own SigV4 signer, as the server receives them. */
final class SdkSigning {
    static final String ACCESS_KEY = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private SdkSigning() {
    }

    /** A DynamoDB JSON 1.0 request to http://localhost:8000/, as the SDK's DynamoDB client builds it. */
    static SdkHttpRequest.Builder dynamoDbRequest(String operation) {
        return SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .protocol("http")
                .host("localhost")
                .port(8000)
                .encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "DynamoDB_20120810." + operation)
                .putHeader("User-Agent", "aws-sdk-java/2.29.52 md/io#sync ua/2.1 api/DynamoDb#2.29.52");
    }

    static SignedHttpRequest sign(SdkHttpRequest.Builder request, String body, String region, Instant at) {
        return sign(request, body, ACCESS_KEY, SECRET, region, at, props -> props);
    }

    static SignedHttpRequest sign(SdkHttpRequest.Builder request, String body, String accessKey, String secret,
            String region, Instant at,
            UnaryOperator<SignRequest.Builder<AwsCredentialsIdentity>> properties) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        request.putHeader("Content-Length", Integer.toString(bytes.length));
        SignRequest.Builder<AwsCredentialsIdentity> sign = SignRequest.builder(AwsCredentialsIdentity.create(accessKey, secret))
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC));
        SignedRequest signed = AwsV4HttpSigner.create().sign(properties.apply(sign).build());
        return received(signed.request(), bytes);
    }

    /** What the server sees of a request the SDK sent: the wire form of path, query and headers. */
    static SignedHttpRequest received(SdkHttpRequest request, byte[] body) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        request.forEachHeader((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        String query = SdkHttpUtils.encodeAndFlattenQueryParameters(request.rawQueryParameters()).orElse("");
        return new SignedHttpRequest(request.method().name(), request.encodedPath(), query, headers, body);
    }
}
