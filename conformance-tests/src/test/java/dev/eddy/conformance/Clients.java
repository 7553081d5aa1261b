package dev.eddy.conformance;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Real AWS SDK v2 clients for the endpoint under test, without retries so errors show as sent. */
public final class Clients {
    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;

    private Clients() {
    }

    public static synchronized DynamoDbClient dynamo() {
        if (dynamo == null) dynamo = configure(DynamoDbClient.builder()).build();
        return dynamo;
    }

    public static synchronized DynamoDbStreamsClient streams() {
        if (streams == null) streams = configure(DynamoDbStreamsClient.builder()).build();
        return streams;
    }

    private static <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(B builder) {
        return builder
                .endpointOverride(Endpoint.uri())
                .region(region())
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)).build())
                .overrideConfiguration(noRetries());
    }

    public static Region region() {
        return Region.of(System.getProperty("eddy.region", "us-east-1"));
    }

    private static ClientOverrideConfiguration noRetries() {
        return ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build();
    }

    private static AwsCredentialsProvider credentials() {
        if (Endpoint.isEmbedded()) return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEDDY", "secret"));
        return DefaultCredentialsProvider.create();
    }
}
