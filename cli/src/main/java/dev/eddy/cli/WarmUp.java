package dev.eddy.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A short run through the common requests, so that a class-data-sharing archive recorded
 * during it holds the classes a real start needs (the ./eddy script records one once per build).
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
        {"DynamoDB_20120810.DescribeTable", "{\"TableName\":\"warm-up\"}"},
        {"DynamoDB_20120810.ListTables", "{}"},
        {"DynamoDB_20120810.DeleteTable", "{\"TableName\":\"warm-up\"}"},
    };

    private WarmUp() {
    }

    static void exercise(String endpoint) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String[] r : REQUESTS) {
            client.send(HttpRequest.newBuilder(URI.create(endpoint + "/"))
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Target", r[0])
                    .POST(HttpRequest.BodyPublishers.ofString(r[1]))
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
    }
}
