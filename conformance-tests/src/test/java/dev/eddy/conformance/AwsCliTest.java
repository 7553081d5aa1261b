package dev.eddy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS CLI against the endpoint, as a user types it. Skipped where no {@code aws} is installed. */
class AwsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    @BeforeAll
    static void needsTheCli() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, "aws").canExecute()) found = true;
        }
        Assumptions.assumeTrue(found, "the AWS CLI is not installed");
        Assumptions.assumeTrue(Endpoint.isEmbedded(), "uses dummy credentials");
    }

    private static Run aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", Endpoint.uri().toString(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("AWS_ACCESS_KEY_ID", "AKIDEDDY");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
        pb.environment().put("AWS_PAGER", "");
        pb.environment().remove("AWS_PROFILE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void tablesAndItemsThroughTheCli() throws Exception {
        String table = Tables.uniqueName("cli");
        Run created = aws("dynamodb", "create-table", "--table-name", table,
                "--attribute-definitions", "AttributeName=pk,AttributeType=S",
                "--key-schema", "AttributeName=pk,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST");
        assertEquals(0, created.exit(), created.err());
        assertEquals(table, created.json().at("/TableDescription/TableName").asText());

        Run put = aws("dynamodb", "put-item", "--table-name", table, "--item",
                "{\"pk\":{\"S\":\"k1\"},\"n\":{\"N\":\"010.50\"},\"tags\":{\"SS\":[\"a\",\"b\"]},\"doc\":{\"M\":{\"ok\":{\"BOOL\":true},\"none\":{\"NULL\":true}}}}");
        assertEquals(0, put.exit(), put.err());
        Run got = aws("dynamodb", "get-item", "--table-name", table, "--key", "{\"pk\":{\"S\":\"k1\"}}");
        assertEquals(0, got.exit(), got.err());
        assertEquals("10.5", got.json().at("/Item/n/N").asText());
        assertTrue(got.json().at("/Item/doc/M/ok/BOOL").asBoolean());

        Run updated = aws("dynamodb", "update-item", "--table-name", table, "--key", "{\"pk\":{\"S\":\"k1\"}}",
                "--update-expression", "ADD n :d", "--expression-attribute-values", "{\":d\":{\"N\":\"1\"}}",
                "--return-values", "UPDATED_NEW");
        assertEquals(0, updated.exit(), updated.err());
        assertEquals("11.5", updated.json().at("/Attributes/n/N").asText());

        Run bad = aws("dynamodb", "put-item", "--table-name", table, "--item", "{\"pk\":{\"N\":\"1\"}}");
        assertTrue(bad.exit() != 0, "a failed call exits non-zero (254 in CLI v2, 255 in v1)");
        assertTrue(bad.err().contains("An error occurred (ValidationException) when calling the PutItem operation: "
                + "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N"), bad.err());

        Run deleted = aws("dynamodb", "delete-table", "--table-name", table);
        assertEquals(0, deleted.exit(), deleted.err());
        assertEquals("DELETING", deleted.json().at("/TableDescription/TableStatus").asText());
    }
}
