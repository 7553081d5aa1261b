package dev.eddy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Thousands of malformed requests: every answer is a well-formed client error (or a success
 * where the mutation happens to be valid), never a 5xx or a hang, and data no request
 * addressed is unchanged.
 */
class MalformedInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] OPERATIONS = {"PutItem", "GetItem", "DeleteItem", "UpdateItem", "DescribeTable",
        "ListTables", "CreateTable", "UpdateTable", "TagResource", "UpdateTimeToLive", "Query", "Scan",
        "BatchWriteItem", "BatchGetItem", "TransactWriteItems", "TransactGetItems"};

    private final DynamoDbClient dynamo = Clients.dynamo();

    @Test
    void malformedRequestsGetClientErrorsAndHarmNothing() throws Exception {
        String guard = Tables.create("fuzz-guard", ScalarAttributeType.S, ScalarAttributeType.N);
        String target = Tables.create("fuzz-target", ScalarAttributeType.S, ScalarAttributeType.N);
        Map<Integer, Map<String, AttributeValue>> guarded = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("g" + i), "sk", AttributeValue.fromN(Integer.toString(i)),
                    "doc", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(AttributeValue.fromS("x"))))));
            dynamo.putItem(r -> r.tableName(guard).item(item));
            guarded.put(i, item);
        }
        List<ObjectNode> templates = templates(target);
        Random random = new Random(20261124);
        int requests = Endpoint.isEmbedded() ? 3000 : 300;
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int n = 0; n < requests; n++) {
            ObjectNode template = templates.get(random.nextInt(templates.size()));
            String op = random.nextInt(10) == 0 ? OPERATIONS[random.nextInt(OPERATIONS.length)]
                    : template.get("__op").asText();
            ObjectNode body = template.deepCopy();
            body.remove("__op");
            byte[] bytes = mutate(body, random);
            RawHttp.Answer a = RawHttp.post("DynamoDB_20120810." + op, bytes, Map.of());
            statuses.merge(a.status(), 1, Integer::sum);
            if (a.status() >= 500) {
                fail("5xx for " + op + " " + new String(bytes, StandardCharsets.UTF_8) + " -> " + a.text());
            }
            if (a.status() != 200) {
                assertEquals(400, a.status(), op + " " + new String(bytes, StandardCharsets.UTF_8));
                JsonNode error = a.json();
                assertTrue(error.get("__type").asText().contains("#"), a.text());
            }
        }
        assertTrue(statuses.getOrDefault(400, 0) > requests / 2, "mostly rejected: " + statuses);
        for (Map.Entry<Integer, Map<String, AttributeValue>> e : guarded.entrySet()) {
            assertEquals(e.getValue(), dynamo.getItem(r -> r.tableName(guard).consistentRead(true)
                    .key(Map.of("pk", e.getValue().get("pk"), "sk", e.getValue().get("sk")))).item());
        }
        assertEquals(guard, dynamo.describeTable(r -> r.tableName(guard)).table().tableName());
        Tables.delete(guard);
        try {
            Tables.delete(target);
        } catch (RuntimeException alreadyGoneOrChanged) {
            // a mutated request may legitimately have changed the target table
        }
    }

    private static List<ObjectNode> templates(String table) throws Exception {
        String key = "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}";
        String[][] raw = {
            {"PutItem", "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"v\":{\"SS\":[\"x\",\"y\"]},\"m\":{\"M\":{\"b\":{\"B\":\"AAE=\"}}}},\"ConditionExpression\":\"attribute_not_exists(#p) OR v = :v\",\"ExpressionAttributeNames\":{\"#p\":\"pk\"},\"ExpressionAttributeValues\":{\":v\":{\"N\":\"3\"}},\"ReturnValues\":\"ALL_OLD\"}"},
            {"GetItem", "{\"TableName\":\"" + table + "\",\"Key\":" + key + ",\"ProjectionExpression\":\"v, m.b, l[0]\",\"ConsistentRead\":true}"},
            {"DeleteItem", "{\"TableName\":\"" + table + "\",\"Key\":" + key + ",\"Expected\":{\"v\":{\"ComparisonOperator\":\"NOT_NULL\"}}}"},
            {"UpdateItem", "{\"TableName\":\"" + table + "\",\"Key\":" + key + ",\"UpdateExpression\":\"SET n = if_not_exists(n, :z) + :one REMOVE q ADD s :s\",\"ExpressionAttributeValues\":{\":z\":{\"N\":\"0\"},\":one\":{\"N\":\"1\"},\":s\":{\"NS\":[\"1\",\"2\"]}},\"ReturnValues\":\"UPDATED_NEW\"}"},
            {"DescribeTable", "{\"TableName\":\"" + table + "\"}"},
            {"ListTables", "{\"Limit\":5,\"ExclusiveStartTableName\":\"abc\"}"},
            {"CreateTable", "{\"TableName\":\"" + table + "x\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}}"},
            {"UpdateTable", "{\"TableName\":\"" + table + "\",\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_IMAGE\"}}"},
            {"UpdateTimeToLive", "{\"TableName\":\"" + table + "\",\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"ttl\"}}"},
            {"Query", "{\"TableName\":\"" + table + "\",\"KeyConditionExpression\":\"pk = :p AND sk BETWEEN :a AND :b\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"},\":a\":{\"N\":\"1\"},\":b\":{\"N\":\"9\"}},\"Limit\":3}"},
            {"BatchWriteItem", "{\"RequestItems\":{\"" + table + "\":[{\"PutRequest\":{\"Item\":" + key + "}},{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"2\"}}}}]}}"},
        };
        List<ObjectNode> out = new ArrayList<>();
        for (String[] t : raw) {
            ObjectNode node = (ObjectNode) JSON.readTree(t[1]);
            node.put("__op", t[0]);
            out.add(node);
        }
        return out;
    }

    private static byte[] mutate(ObjectNode body, Random random) throws Exception {
        switch (random.nextInt(4)) {
            case 0: {
                byte[] bytes = JSON.writeValueAsBytes(body);
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips; i++) bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(128);
                return bytes;
            }
            case 1: {
                byte[] bytes = JSON.writeValueAsBytes(body);
                return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            default: {
                List<JsonNode[]> slots = new ArrayList<>();
                collect(body, slots);
                JsonNode[] slot = slots.get(random.nextInt(slots.size()));
                JsonNode replacement = randomValue(random, 0);
                if (slot[0] instanceof ObjectNode parent) {
                    String field = slot[1].asText();
                    if (random.nextInt(5) == 0) parent.remove(field);
                    else parent.set(field, replacement);
                } else if (slot[0] instanceof ArrayNode parent) {
                    parent.set(slot[1].asInt(), replacement);
                }
                return JSON.writeValueAsBytes(body);
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode[]> slots) {
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(f -> {
                slots.add(new JsonNode[] {o, NODES.textNode(f)});
                collect(o.get(f), slots);
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new JsonNode[] {a, NODES.numberNode(i)});
                collect(a.get(i), slots);
            }
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 3 ? 9 : 12)) {
            case 0: return NODES.nullNode();
            case 1: return NODES.booleanNode(random.nextBoolean());
            case 2: return NODES.numberNode(random.nextInt());
            case 3: return NODES.numberNode(random.nextDouble() * 1e30);
            case 4: return NODES.textNode("");
            case 5: return NODES.textNode(new String[] {"abc", "NaN", "1e999", "-", "==", "SET", "#", ":", "S", "N", "\u0000", "attribute_exists("}[random.nextInt(12)]);
            case 6: return NODES.textNode("x".repeat(random.nextInt(70_000)));
            case 7: return NODES.textNode("A" + random.nextLong());
            case 8: {
                ObjectNode av = NODES.objectNode();
                String[] types = {"S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M", "X"};
                av.set(types[random.nextInt(types.length)], randomValue(random, depth + 1));
                return av;
            }
            case 9: {
                ArrayNode a = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) a.add(randomValue(random, depth + 1));
                return a;
            }
            case 10: {
                ObjectNode o = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) o.set("k" + random.nextInt(5), randomValue(random, depth + 1));
                return o;
            }
            default: {
                JsonNode deep = NODES.textNode("leaf");
                for (int i = random.nextInt(200); i > 0; i--) {
                    ObjectNode l = NODES.objectNode();
                    l.set("L", NODES.arrayNode().add(deep));
                    deep = l;
                }
                return deep;
            }
        }
    }
}
