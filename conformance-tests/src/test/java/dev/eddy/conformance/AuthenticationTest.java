package dev.eddy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.embedded.EmbeddedEddy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code eddy serve --auth KEY:SECRET}: every request must be signed by a known key, checked as AWS checks it. */
class AuthenticationTest {
    private static EmbeddedEddy eddy;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(System.getProperty("eddy.endpoint", "").isBlank(), "configures its own Eddy");
        eddy = EmbeddedEddy.builder().inMemory(true).region("eu-west-1").credential("AKIDKNOWN", "known-secret").start();
    }

    @AfterAll
    static void stop() {
        if (eddy != null) eddy.close();
    }

    private static DynamoDbClient client(String key, String secret, Region region) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(eddy.endpoint()))
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
                .build();
    }

    @Test
    void aCorrectlySignedRequestIsServedInItsRegion() {
        DynamoDbClient ok = client("AKIDKNOWN", "known-secret", Region.AP_SOUTHEAST_2);
        ok.createTable(r -> r.tableName("signed").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH")));
        String arn = ok.describeTable(r -> r.tableName("signed")).table().tableArn();
        assertEquals("arn:aws:dynamodb:ap-southeast-2:000000000000:table/signed", arn);
        assertTrue(client("AKIDKNOWN", "known-secret", Region.US_WEST_2).listTables().tableNames().isEmpty(),
                "tables live in their region");
    }

    @Test
    void anUnknownKeyIsUnrecognized() {
        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> client("AKIDOTHER", "known-secret", Region.US_EAST_1).listTables());
        assertEquals("UnrecognizedClientException", e.awsErrorDetails().errorCode());
        assertEquals("The security token included in the request is invalid.", e.awsErrorDetails().errorMessage());
        assertEquals(400, e.statusCode());
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() {
        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> client("AKIDKNOWN", "wrong-secret", Region.US_EAST_1).listTables());
        assertEquals("InvalidSignatureException", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().startsWith("The request signature we calculated does not match "
                + "the signature you provided."), e.awsErrorDetails().errorMessage());
    }

    @Test
    void anUnsignedRequestIsMissingItsToken() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(eddy.endpoint()))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("com.amazon.coral.service#MissingAuthenticationTokenException"), r.body());
        assertTrue(r.body().contains("Request is missing Authentication Token"), r.body());
    }
}
