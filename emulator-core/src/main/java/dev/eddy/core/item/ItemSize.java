package dev.eddy.core.item;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Item size as DynamoDB computes it for the 400 KB limit and capacity units: attribute
 * names count their UTF-8 bytes; numbers by their significant digits (see {@link #ofNumber});
 * lists and maps three bytes plus one per element.
 */
public final class ItemSize {
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8Length(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    public static long of(AttributeValue value) {
        switch (value.type()) {
            case S: return utf8Length(((AttributeValue.S) value).value());
            case N: return ofNumber(((AttributeValue.N) value).value());
            case B: return ((AttributeValue.B) value).value().length();
            case BOOL:
            case NULL: return 1;
            case SS: return ((AttributeValue.SS) value).values().stream().mapToLong(ItemSize::utf8Length).sum();
            case NS: return ((AttributeValue.NS) value).values().stream().mapToLong(ItemSize::ofNumber).sum();
            case BS: return ((AttributeValue.BS) value).values().stream().mapToLong(Binary::length).sum();
            case L: {
                long size = 3;
                for (AttributeValue v : ((AttributeValue.L) value).values()) size += 1 + of(v);
                return size;
            }
            case M: {
                long size = 3;
                for (Map.Entry<String, AttributeValue> e : ((AttributeValue.M) value).values().entrySet()) {
                    size += 1 + utf8Length(e.getKey()) + of(e.getValue());
                }
                return size;
            }
            default: throw new AssertionError(value.type());
        }
    }

    /**
     * A number's bytes as AWS counts them (captured from AWS by the dynamodb-conformance suite,
     * not the developer guide's "one byte per two significant digits plus one"): one byte, plus
     * the integer's and the fraction's significant digits each rounded up to pairs, plus one if
     * negative. Digits straddling the point so cost a byte more (1.5 is 3 bytes, 15 is 2); zero
     * is 1 byte; the exponent costs nothing.
     */
    static long ofNumber(BigDecimal normalised) {
        int sign = normalised.signum();
        if (sign == 0) return 1;
        int digits = normalised.precision();
        int fraction = Math.max(normalised.scale(), 0);
        int integer = digits - fraction;
        long pairs = integer <= 0 ? (digits + 1) / 2 : (integer + 1) / 2 + (fraction + 1) / 2;
        return 1 + pairs + (sign < 0 ? 1 : 0);
    }

    public static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) continue;
            if (c < 0x800) bytes += 1;
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2;
                i++;
            } else bytes += 2;
        }
        return bytes;
    }

    /** UTF-8 bytes of a key string; kept here so key limits and sizes agree. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
