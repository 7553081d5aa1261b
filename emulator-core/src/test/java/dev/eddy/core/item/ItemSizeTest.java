package dev.eddy.core.item;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemSizeTest {
    @Test
    void namesAndStringsCountTheirUtf8Bytes() {
        assertEquals(3 + 5, ItemSize.of(Map.of("abc", AttributeValue.s("hello"))));
        assertEquals(2 + 4, ItemSize.of(Map.of("\u00e9", AttributeValue.s("\ud83d\ude00"))));
    }

    @Test
    void numbersCountTheirIntegerAndFractionDigitsInPairsPlusOne() {
        assertEquals(1, ItemSize.of(AttributeValue.n("0")));
        assertEquals(1, ItemSize.of(AttributeValue.n("-0")));
        assertEquals(2, ItemSize.of(AttributeValue.n("1")));
        assertEquals(2, ItemSize.of(AttributeValue.n("12")));
        assertEquals(3, ItemSize.of(AttributeValue.n("123")));
        assertEquals(3, ItemSize.of(AttributeValue.n("1234")));
        assertEquals(2, ItemSize.of(AttributeValue.n("1000000")));
        assertEquals(3, ItemSize.of(AttributeValue.n("1010")));
        assertEquals(20, ItemSize.of(AttributeValue.n("1" + "1".repeat(37))));
        assertEquals(2, ItemSize.of(AttributeValue.n("0.0000001")));
        assertEquals(2, ItemSize.of(AttributeValue.n("1E125")));
        assertEquals(2, ItemSize.of(AttributeValue.n("1E-100")));
        assertEquals(2, ItemSize.of(AttributeValue.n("0.15")));
        // digits on both sides of the point are paired apart
        assertEquals(3, ItemSize.of(AttributeValue.n("1.5")));
        assertEquals(3, ItemSize.of(AttributeValue.n("1.200")));
        assertEquals(4, ItemSize.of(AttributeValue.n("1.234")));
        assertEquals(5, ItemSize.of(AttributeValue.n("3.14159")));
        assertEquals(4, ItemSize.of(AttributeValue.n("123456")));
        assertEquals(4, ItemSize.of(AttributeValue.n("100.5")));
        assertEquals(3, ItemSize.of(AttributeValue.n("-42")));
    }

    @Test
    void documentsCountThreeBytesPlusOnePerElement() {
        AttributeValue list = new AttributeValue.L(List.of(AttributeValue.s("ab"), AttributeValue.Null.INSTANCE));
        assertEquals(3 + (1 + 2) + (1 + 1), ItemSize.of(list));
        Map<String, AttributeValue> members = new LinkedHashMap<>();
        members.put("k", AttributeValue.Bool.TRUE);
        assertEquals(3 + 1 + 1 + 1, ItemSize.of(new AttributeValue.M(members)));
    }

    @Test
    void setsCountTheirElements() {
        assertEquals(3, ItemSize.of(new AttributeValue.SS(Set.of("a", "bb"))));
        assertEquals(3, ItemSize.of(AttributeValue.b(new byte[3])));
    }
}
