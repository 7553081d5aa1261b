package dev.eddy.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.Binary;
import dev.eddy.core.item.EncodedItem;
import dev.eddy.core.item.ItemCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemJsonTest {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Test
    void everyTypeIsWrittenAsTheGeneratorWritesTheDecodedItem() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("s", AttributeValue.s("text"));
        item.put("empty", AttributeValue.s(""));
        item.put("n", AttributeValue.n("-12.5"));
        item.put("zero", AttributeValue.n("0"));
        item.put("big", AttributeValue.n("9.9999999999999999999999999999999999999E+125"));
        item.put("small", AttributeValue.n("-1E-130"));
        item.put("b", AttributeValue.b(new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE}));
        item.put("emptyB", AttributeValue.b(new byte[0]));
        item.put("t", AttributeValue.Bool.TRUE);
        item.put("f", AttributeValue.Bool.FALSE);
        item.put("null", AttributeValue.Null.INSTANCE);
        item.put("ss", new AttributeValue.SS(new LinkedHashSet<>(List.of("b", "a", "", "\"q\""))));
        item.put("ns", new AttributeValue.NS(new LinkedHashSet<>(List.of(new BigDecimal("3"),
                new BigDecimal("-0.25"), new BigDecimal("1E+2").stripTrailingZeros()))));
        item.put("bs", new AttributeValue.BS(new LinkedHashSet<>(List.of(Binary.wrap(new byte[] {1}),
                Binary.wrap(new byte[] {1, 2}), Binary.wrap(new byte[] {1, 2, 3})))));
        item.put("l", new AttributeValue.L(List.of(AttributeValue.s("x"), AttributeValue.n(1),
                new AttributeValue.L(List.of()), new AttributeValue.M(Map.of()), AttributeValue.Null.INSTANCE,
                new AttributeValue.SS(Set.of("only")))));
        item.put("emptyL", new AttributeValue.L(List.of()));
        item.put("emptyM", new AttributeValue.M(Map.of()));
        Map<String, AttributeValue> inner = new LinkedHashMap<>();
        inner.put("deeper", new AttributeValue.M(Map.of("list", new AttributeValue.L(List.of(
                new AttributeValue.M(Map.of("a", AttributeValue.Bool.TRUE)), AttributeValue.n("7"))))));
        inner.put("s", AttributeValue.s("v"));
        item.put("m", new AttributeValue.M(inner));
        assertSameJson(item);
        assertSameJson(Map.of());
    }

    @Test
    void stringsAndNamesAreEscapedAsTheGeneratorEscapesThem() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x80; c++) every.append(c);
        List<String> texts = new ArrayList<>(List.of(every.toString(), "\"", "\\", "\u007f", "é", "日本語",
                "\uD83D\uDE00 emoji", "a\u2028b", "tab\there", "x".repeat(31) + "\n", "x".repeat(33) + "\"",
                "long plain text with no escapes at all, well past thirty-two characters",
                "ü".repeat(40) + "\\", "\u0000", "é".repeat(31), "é".repeat(32), "日".repeat(31), "日".repeat(32),
                "\uD83D\uDE00".repeat(15) + "a", "\uD83D\uDE00".repeat(16), "\uD83D\uDE00".repeat(16) + "\n",
                "\uD83D\uDE00".repeat(40), "x".repeat(31), "x".repeat(32), "x".repeat(95) + "日", "日".repeat(40)));
        for (int length = 0; length <= 20; length++) {
            for (int at = 0; at < length; at++) {
                texts.add("y".repeat(at) + "\"" + "y".repeat(length - at - 1));
                texts.add("y".repeat(at) + "\u001f" + "y".repeat(length - at - 1));
            }
        }
        for (int length = 32; length <= 100; length++) {
            for (int at = 0; at < length; at++) {
                char escaped = "\"\\\u0000\u001f\n".charAt(at % 5);
                texts.add("z".repeat(at) + escaped + "z".repeat(length - at - 1));
            }
        }
        for (String text : texts) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put(text, AttributeValue.s(text));
            item.put("set", new AttributeValue.SS(Set.of(text)));
            item.put("map", new AttributeValue.M(Map.of(text, AttributeValue.s(text))));
            assertSameJson(item);
        }
    }

    @Test
    void randomItemsAreWrittenAsTheGeneratorWritesThem() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) assertSameJson(randomMap(random, 0));
    }

    @Test
    void aNumberStoredInAnotherFormIsWrittenCanonicalAsDecodingWouldMakeIt() {
        assertSameJson(Map.of("n", new AttributeValue.N(new BigDecimal("1.50")),
                "ns", new AttributeValue.NS(Set.of(new BigDecimal("1E+2")))));
    }

    @Test
    void itemsWrittenOneAfterAnotherShareOneOutput() {
        Map<String, AttributeValue> a = Map.of("a", new AttributeValue.L(List.of(AttributeValue.s("x"))));
        Map<String, AttributeValue> b = Map.of("b", new AttributeValue.M(Map.of("c", AttributeValue.n(1))));
        JsonBytes out = new JsonBytes(8);
        ItemJson json = new ItemJson(out);
        json.write(EncodedItem.of(a));
        out.raw(',');
        json.write(EncodedItem.of(b));
        assertEquals(generated(a) + "," + generated(b), new String(out.toByteArray(), StandardCharsets.UTF_8));
    }

    private static void assertSameJson(Map<String, AttributeValue> item) {
        EncodedItem encoded = EncodedItem.of(item);
        String expected = generated(ItemCodec.decode(encoded.bytes()));
        JsonBytes out = new JsonBytes(1);
        new ItemJson(out).write(encoded);
        assertEquals(expected, new String(out.toByteArray(), StandardCharsets.UTF_8));
    }

    private static String generated(Map<String, AttributeValue> item) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            AttributeValueJson.writeMap(g, item);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, AttributeValue> randomMap(Random random, int depth) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        int n = random.nextInt(depth == 0 ? 8 : 4);
        for (int i = 0; i < n; i++) map.put(randomText(random), randomValue(random, depth));
        return map;
    }

    private static AttributeValue randomValue(Random random, int depth) {
        int kinds = depth < 4 ? 10 : 8;
        switch (random.nextInt(kinds)) {
            case 0: return AttributeValue.s(randomText(random));
            case 1: return AttributeValue.n(randomNumber(random));
            case 2: {
                byte[] b = new byte[random.nextInt(12)];
                random.nextBytes(b);
                return AttributeValue.b(b);
            }
            case 3: return AttributeValue.Bool.of(random.nextBoolean());
            case 4: return AttributeValue.Null.INSTANCE;
            case 5: {
                Set<String> set = new LinkedHashSet<>();
                for (int i = 0; i <= random.nextInt(4); i++) set.add(randomText(random));
                return new AttributeValue.SS(set);
            }
            case 6: {
                Set<BigDecimal> set = new LinkedHashSet<>();
                for (int i = 0; i <= random.nextInt(4); i++) set.add(AttributeValue.n(randomNumber(random)).value());
                return new AttributeValue.NS(set);
            }
            case 7: {
                Set<Binary> set = new LinkedHashSet<>();
                for (int i = 0; i <= random.nextInt(4); i++) {
                    byte[] b = new byte[1 + random.nextInt(6)];
                    random.nextBytes(b);
                    set.add(Binary.wrap(b));
                }
                return new AttributeValue.BS(set);
            }
            case 8: {
                List<AttributeValue> list = new ArrayList<>();
                for (int i = 0; i < random.nextInt(4); i++) list.add(randomValue(random, depth + 1));
                return new AttributeValue.L(list);
            }
            default: return new AttributeValue.M(randomMap(random, depth + 1));
        }
    }

    private static String randomNumber(Random random) {
        String digits = Long.toString(random.nextLong() % 1_000_000_000L);
        return switch (random.nextInt(3)) {
            case 0 -> digits;
            case 1 -> digits + "." + random.nextInt(1000);
            default -> digits + "E" + (random.nextInt(40) - 20);
        };
    }

    private static String randomText(Random random) {
        String alphabet = "ab\"\\\n\u0001\u001f\u007fé日\uD83D\uDE00 ";
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(3) == 0 ? random.nextInt(80) : random.nextInt(10);
        for (int i = 0; i < length; i++) {
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c)) {
                b.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                b.append(c);
            }
            if (random.nextInt(4) == 0) b.append("plain");
        }
        return b.toString();
    }
}
