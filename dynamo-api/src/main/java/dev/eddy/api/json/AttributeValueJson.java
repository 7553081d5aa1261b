package dev.eddy.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.item.AttributeNames;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.Binary;
import dev.eddy.core.item.Numbers;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Attribute values in DynamoDB's JSON form ({@code {"S":"x"}}, {@code {"N":"1"}}...), both ways. */
public final class AttributeValueJson {
    /** DynamoDB allows 32 levels of nested lists and maps. */
    private static final int MAX_DEPTH = 32;
    static final int RAW_COPY_MIN_LENGTH = 32;
    private static final String[] TYPES = {"S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M"};
    private static final String INVALID = "One or more parameter values were invalid: ";

    private AttributeValueJson() {
    }

    public static Map<String, AttributeValue> readMap(ObjectNode map) {
        return readMap(map, 0);
    }

    public static AttributeValue read(JsonNode node) {
        return read(node, 0);
    }

    private static Map<String, AttributeValue> readMap(ObjectNode map, int depth) {
        Map<String, AttributeValue> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) continue;
            AttributeNames.checkLength(e.getKey());
            out.put(e.getKey(), read(e.getValue(), depth));
        }
        return out;
    }

    private static AttributeValue read(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new DynamoException(ErrorCode.VALIDATION, "Nesting Levels have exceeded supported limits: "
                    + "Attributes in the item have nested levels beyond supported limit");
        }
        ObjectNode value = JsonObject.asMapNode(node);
        String type = null;
        JsonNode content = null;
        for (String t : TYPES) {
            JsonNode c = value.get(t);
            if (c == null || c.isNull()) continue;
            if (type != null) {
                throw new InvalidShape(
                        "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
            }
            type = t;
            content = c;
        }
        if (type == null) {
            throw new InvalidShape("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        switch (type) {
            case "S":
                return new AttributeValue.S(JsonObject.asString(content));
            case "N":
                return new AttributeValue.N(Numbers.parse(JsonObject.asString(content)));
            case "B":
                return new AttributeValue.B(binary(content));
            case "BOOL":
                return AttributeValue.Bool.of(bool(content));
            case "NULL":
                if (!bool(content)) {
                    throw new InvalidShape(INVALID + "Null attribute value types must have the value of true");
                }
                return AttributeValue.Null.INSTANCE;
            case "SS": {
                List<JsonNode> elements = elements(content);
                if (elements.isEmpty()) throw new InvalidShape(INVALID + "An string set  may not be empty");
                Set<String> set = new LinkedHashSet<>(elements.size() * 2);
                List<String> all = new ArrayList<>(elements.size());
                for (JsonNode e : elements) all.add(JsonObject.asString(e));
                for (String s : all) if (!set.add(s)) throw duplicates(all);
                return new AttributeValue.SS(set);
            }
            case "NS": {
                List<JsonNode> elements = elements(content);
                if (elements.isEmpty()) throw invalid("An number set  may not be empty");
                Set<BigDecimal> set = new LinkedHashSet<>(elements.size() * 2);
                List<String> all = new ArrayList<>(elements.size());
                for (JsonNode e : elements) all.add(JsonObject.asString(e));
                for (String s : all) {
                    // Unlike the other sets, DynamoDB neither prefixes nor lists this one.
                    if (!set.add(Numbers.parse(s))) throw new DynamoException(ErrorCode.VALIDATION, "Input collection contains duplicates");
                }
                return new AttributeValue.NS(set);
            }
            case "BS": {
                List<JsonNode> elements = elements(content);
                if (elements.isEmpty()) throw new InvalidShape(INVALID + "Binary sets should not be empty");
                Set<Binary> set = new LinkedHashSet<>(elements.size() * 2);
                List<String> all = new ArrayList<>(elements.size());
                boolean repeated = false;
                for (JsonNode e : elements) {
                    Binary b = binary(e);
                    all.add(b.base64());
                    repeated |= !set.add(b);
                }
                if (repeated) throw invalid("Input collection " + all + "of type BS contains duplicates.");
                return new AttributeValue.BS(set);
            }
            case "L": {
                List<JsonNode> elements = elements(content);
                List<AttributeValue> list = new ArrayList<>(elements.size());
                for (JsonNode e : elements) list.add(read(e, depth + 1));
                return new AttributeValue.L(list);
            }
            case "M":
                return new AttributeValue.M(readMap(JsonObject.asMapNode(content), depth + 1));
            default:
                throw new AssertionError(type);
        }
    }

    private static List<JsonNode> elements(JsonNode content) {
        if (!content.isArray()) throw JsonObject.serialization(JsonObject.unexpected(content));
        List<JsonNode> out = new ArrayList<>(content.size());
        content.forEach(out::add);
        return out;
    }

    private static boolean bool(JsonNode content) {
        if (content.isBoolean()) return content.booleanValue();
        throw JsonObject.serialization(JsonObject.typeName(content) + " can not be converted to a Boolean");
    }

    /**
     * Strict base64: DynamoDB refuses a value without its padding or with characters outside
     * the alphabet, where a lenient decoder would store other bytes than the client meant.
     * Line breaks and blanks between characters are skipped, as in MIME.
     */
    private static Binary binary(JsonNode content) {
        String text = JsonObject.asString(content);
        String compact = withoutBlanks(text);
        try {
            if (compact.length() % 4 != 0) throw new IllegalArgumentException("unpadded");
            return Binary.wrap(Base64.getDecoder().decode(compact));
        } catch (IllegalArgumentException e) {
            throw JsonObject.serialization("Base64 encoded string is not valid: " + text);
        }
    }

    private static String withoutBlanks(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                StringBuilder kept = new StringBuilder(text.length()).append(text, 0, i);
                for (int j = i + 1; j < text.length(); j++) {
                    char d = text.charAt(j);
                    if (d != ' ' && d != '\t' && d != '\r' && d != '\n') kept.append(d);
                }
                return kept.toString();
            }
        }
        return text;
    }

    private static DynamoException invalid(String what) {
        return new DynamoException(ErrorCode.VALIDATION, INVALID + what);
    }

    /**
     * A value malformed in itself: of no type or of two, a false NULL, an empty string or
     * binary set. Where DynamoDB checks a value's shape apart from its content (a Query's or
     * Scan's starting key), these are the errors it reports as such; numbers that do not parse,
     * an empty number set and duplicates in a set it reports as they are.
     */
    public static final class InvalidShape extends DynamoException {
        InvalidShape(String message) {
            super(ErrorCode.VALIDATION, message);
        }
    }

    private static DynamoException duplicates(List<String> all) {
        return invalid("Input collection " + all + " contains duplicates.");
    }

    public static void writeMap(JsonGenerator g, Map<String, AttributeValue> map) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
            g.writeFieldName(e.getKey());
            write(g, e.getValue());
        }
        g.writeEndObject();
    }

    public static void write(JsonGenerator g, AttributeValue value) throws IOException {
        g.writeStartObject();
        switch (value.type()) {
            case S -> {
                g.writeFieldName("S");
                writeText(g, ((AttributeValue.S) value).value());
            }
            case N -> g.writeStringField("N", ((AttributeValue.N) value).text());
            case B -> {
                g.writeFieldName("B");
                byte[] bytes = ((AttributeValue.B) value).value().bytes();
                g.writeBinary(bytes, 0, bytes.length);
            }
            case BOOL -> g.writeBooleanField("BOOL", ((AttributeValue.Bool) value).value());
            case NULL -> g.writeBooleanField("NULL", true);
            case SS -> {
                g.writeArrayFieldStart("SS");
                for (String s : ((AttributeValue.SS) value).values()) writeText(g, s);
                g.writeEndArray();
            }
            case NS -> {
                g.writeArrayFieldStart("NS");
                for (BigDecimal n : ((AttributeValue.NS) value).values()) g.writeString(Numbers.toText(n));
                g.writeEndArray();
            }
            case BS -> {
                g.writeArrayFieldStart("BS");
                for (Binary b : ((AttributeValue.BS) value).values()) g.writeBinary(b.bytes(), 0, b.length());
                g.writeEndArray();
            }
            case L -> {
                g.writeArrayFieldStart("L");
                for (AttributeValue v : ((AttributeValue.L) value).values()) write(g, v);
                g.writeEndArray();
            }
            case M -> {
                g.writeFieldName("M");
                writeMap(g, ((AttributeValue.M) value).values());
            }
        }
        g.writeEndObject();
    }

    /**
     * A string value. Long strings that need no escaping (most item data) are copied as
     * UTF-8 bytes instead of being escaped character by character: Java encodes an ASCII
     * string with one vectorised copy, which is several times faster than the generator's
     * per-character loop.
     */
    static void writeText(JsonGenerator g, String text) throws IOException {
        if (text.length() < RAW_COPY_MIN_LENGTH) {
            g.writeString(text);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (JsonBytes.needsAsciiEscapes(utf8, 0, utf8.length)) {
            g.writeString(text);
            return;
        }
        g.writeRawUTF8String(utf8, 0, utf8.length);
    }
}
