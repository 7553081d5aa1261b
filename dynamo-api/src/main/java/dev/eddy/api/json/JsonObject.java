package dev.eddy.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.item.AttributeValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object of a request, read with AWS's shape rules: a member that is absent or null
 * is absent; a member of the wrong JSON type is a SerializationException with the text
 * DynamoDB's front end sends.
 */
public final class JsonObject {
    private static final String MODEL_PACKAGE = "com.amazonaws.dynamodb.v20120810.";
    private final ObjectNode node;

    public JsonObject(ObjectNode node) {
        this.node = node;
    }

    public ObjectNode node() {
        return node;
    }

    /** The object as JSON: what a validation message shows of a value it refuses. */
    @Override
    public String toString() {
        return node.toString();
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    public String string(String field) {
        return asString(member(field));
    }

    public Long longValue(String field) {
        JsonNode v = member(field);
        if (v == null) return null;
        if (v.isIntegralNumber() && v.canConvertToLong()) return v.longValue();
        if (v.isNumber()) return (long) v.doubleValue();
        throw serialization(notConvertible(v, "Long"));
    }

    public Integer integer(String field) {
        JsonNode v = member(field);
        if (v == null) return null;
        if (v.isIntegralNumber() && v.canConvertToInt()) return v.intValue();
        if (v.isNumber()) {
            double d = v.doubleValue();
            if (d > Integer.MAX_VALUE || d < Integer.MIN_VALUE) {
                throw serialization("NUMBER_VALUE cannot be converted to Integer");
            }
            return (int) d;
        }
        throw serialization(notConvertible(v, "Integer"));
    }

    public Boolean bool(String field) {
        JsonNode v = member(field);
        if (v == null) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isTextual()) throw serialization("Unexpected token received from parser");
        throw serialization(notConvertible(v, "Boolean"));
    }

    /** A structure member whose shape is named like the member (ProvisionedThroughput...). */
    public JsonObject object(String field) {
        return object(field, field);
    }

    public JsonObject object(String field, String shape) {
        JsonNode v = member(field);
        if (v == null) return null;
        if (v.isObject()) return new JsonObject((ObjectNode) v);
        if (v.isArray()) throw serialization("Unrecognized collection type class " + MODEL_PACKAGE + shape);
        throw serialization("Unexpected field type");
    }

    /** A list of structures whose shape is the member's name in the singular (Tags: Tag). */
    public List<JsonObject> objects(String field) {
        return objects(field, field.endsWith("Indexes") ? field.substring(0, field.length() - 2)
                : field.endsWith("s") ? field.substring(0, field.length() - 1) : field);
    }

    public List<JsonObject> objects(String field, String elementShape) {
        List<JsonNode> list = list(field);
        if (list == null) return null;
        List<JsonObject> out = new ArrayList<>(list.size());
        for (JsonNode v : list) {
            if (v == null || v.isNull()) {
                out.add(null);
            } else if (v.isObject()) {
                out.add(new JsonObject((ObjectNode) v));
            } else if (v.isArray()) {
                throw serialization("Unrecognized collection type class " + MODEL_PACKAGE + elementShape);
            } else {
                throw serialization("Unexpected value type in payload");
            }
        }
        return out;
    }

    public List<String> strings(String field) {
        List<JsonNode> list = list(field);
        if (list == null) return null;
        List<String> out = new ArrayList<>(list.size());
        for (JsonNode v : list) out.add(asString(v));
        return out;
    }

    public Map<String, JsonObject> objectMap(String field) {
        JsonNode v = member(field);
        if (v == null) return null;
        ObjectNode map = asMapNode(v);
        Map<String, JsonObject> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().isNull() ? null : asObject(e.getValue()));
        }
        return out;
    }

    /** The member names of this object, in request order. */
    public List<String> objectMapKeys() {
        List<String> out = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    public Map<String, String> stringMap(String field) {
        JsonNode v = member(field);
        if (v == null) return null;
        ObjectNode map = asMapNode(v);
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), asString(e.getValue()));
        }
        return out;
    }

    /** An attribute map ({@code Item}, {@code Key}, {@code ExpressionAttributeValues}...). */
    public Map<String, AttributeValue> attributeMap(String field) {
        JsonNode v = member(field);
        if (v == null) return null;
        return AttributeValueJson.readMap(asMapNode(v));
    }

    /** A list member's raw elements, or null when absent. */
    public List<JsonNode> list(String field) {
        JsonNode v = member(field);
        if (v == null) return null;
        if (v.isObject()) throw serialization("Start of structure or map found where not expected");
        if (!v.isArray()) throw serialization("Unexpected field type");
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    private JsonNode member(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    static String asString(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isTextual()) return v.textValue();
        throw serialization(notConvertible(v, "String"));
    }

    /** AWS's text for a JSON value of the wrong kind where a scalar of javaType is expected. */
    static String notConvertible(JsonNode v, String javaType) {
        if (v.isArray()) return "Unrecognized collection type class java.lang." + javaType;
        if (v.isObject()) return "Start of structure or map found where not expected";
        return typeName(v) + " cannot be converted to " + javaType;
    }

    static JsonObject asObject(JsonNode v) {
        if (v.isObject()) return new JsonObject((ObjectNode) v);
        throw serialization(unexpected(v));
    }

    static ObjectNode asMapNode(JsonNode v) {
        if (v.isObject()) return (ObjectNode) v;
        throw serialization(unexpected(v));
    }

    static String unexpected(JsonNode v) {
        if (v.isArray()) return "Start of list found where not expected";
        if (v.isObject()) return "Start of structure or map found where not expected.";
        return "Unexpected value type in payload";
    }

    static String typeName(JsonNode v) {
        if (v.isTextual()) return "STRING_VALUE";
        if (v.isNumber()) return v.isIntegralNumber() ? "NUMBER_VALUE" : "DECIMAL_VALUE";
        if (v.isBoolean()) return v.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
        if (v.isArray()) return "START_ARRAY";
        return "START_OBJECT";
    }

    public static DynamoException serialization(String message) {
        return new DynamoException(ErrorCode.SERIALIZATION, message);
    }
}
