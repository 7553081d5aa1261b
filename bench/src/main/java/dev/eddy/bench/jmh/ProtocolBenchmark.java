package dev.eddy.bench.jmh;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.json.AttributeValueJson;
import dev.eddy.api.json.JsonObject;
import dev.eddy.api.json.JsonTrees;
import dev.eddy.core.item.AttributeValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The protocol's share of a request, as the dispatcher does it: a ~1 KB PutItem body to its
 * attribute values, and an item to a GetItem response body.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProtocolBenchmark {
    private final JsonFactory factory = new JsonFactory();
    private byte[] putItemRequest;
    private Map<String, AttributeValue> item;

    @Setup
    public void setUp() throws IOException {
        putItemRequest = ("{\"TableName\":\"customers\",\"Item\":{"
                + "\"pk\":{\"S\":\"customer#0000012345\"},\"sk\":{\"N\":\"1735689600123\"},"
                + "\"name\":{\"S\":\"Ada Lovelace\"},\"balance\":{\"N\":\"-1234.5678\"},\"active\":{\"BOOL\":true},"
                + "\"tags\":{\"SS\":[\"gold\",\"early\",\"eu-west\"]},"
                + "\"address\":{\"M\":{\"street\":{\"S\":\"12 Analytical Engine Row\"},\"city\":{\"S\":\"London\"}}},"
                + "\"scores\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2.5\"},{\"N\":\"300\"}]},"
                + "\"notes\":{\"S\":\"" + "x".repeat(820) + "\"}},"
                + "\"ConditionExpression\":\"attribute_not_exists(pk)\"}").getBytes(StandardCharsets.UTF_8);
        item = parsePutItem();
    }

    @Benchmark
    public Map<String, AttributeValue> parsePutItem() throws IOException {
        JsonObject request = new JsonObject((ObjectNode) JsonTrees.read(factory, putItemRequest));
        request.string("TableName");
        request.string("ConditionExpression");
        return request.attributeMap("Item");
    }

    @Benchmark
    public byte[] writeGetItemResponse() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1536);
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeFieldName("Item");
            AttributeValueJson.writeMap(g, item);
            g.writeEndObject();
        }
        return out.toByteArray();
    }
}
