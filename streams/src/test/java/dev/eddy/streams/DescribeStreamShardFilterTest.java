package dev.eddy.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.json.JsonObject;
import dev.eddy.api.operation.ApiRequest;
import dev.eddy.api.operation.Response;
import dev.eddy.core.Emulator;
import dev.eddy.core.clock.SettableClock;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.table.BillingMode;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.StreamSpecification;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.streams.operation.DescribeStream;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DescribeStreamShardFilterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SettableClock clock = new SettableClock();
    private final Emulator emulator = Emulator.inMemory(clock);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void childShardsFilterKeepsTheChildrenOfOneShard() throws Exception {
        TableDefinition t = emulator.catalog().create(TableDefinition.builder()
                .region("us-east-1").name("tbl")
                .keySchema(new KeySchema(new KeyAttribute("pk", AttributeValue.Type.S), null))
                .attributeDefinitions(Map.of("pk", AttributeValue.Type.S))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .stream(new StreamSpecification(true, StreamSpecification.ViewType.KEYS_ONLY))
                .build());
        emulator.changeLog().rollOverEvery(Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(61));
        JsonNode all = describe("{\"StreamArn\":\"" + t.latestStreamArn() + "\"}");
        JsonNode shards = all.get("StreamDescription").get("Shards");
        // An on-demand table's stream has four shards, each closed into a child.
        assertEquals(2 * 4, shards.size());
        String parent = shards.get(0).get("ShardId").asText();
        JsonNode children = describe("{\"StreamArn\":\"" + t.latestStreamArn()
                + "\",\"ShardFilter\":{\"Type\":\"CHILD_SHARDS\",\"ShardId\":\"" + parent + "\"}}")
                .get("StreamDescription").get("Shards");
        assertEquals(1, children.size());
        assertEquals(parent, children.get(0).get("ParentShardId").asText());
    }

    private JsonNode describe(String body) throws Exception {
        ApiRequest request = new ApiRequest(new JsonObject((ObjectNode) JSON.readTree(body)), "us-east-1", emulator,
                clock.instant());
        Response response = new DescribeStream().handle(request);
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            response.write(g);
        }
        return JSON.readTree(out.toString());
    }
}
