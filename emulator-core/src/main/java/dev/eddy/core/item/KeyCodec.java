package dev.eddy.core.item;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Order-preserving byte encodings of key values: for two values of one type, the unsigned
 * byte order of their encodings is DynamoDB's order of the values.
 *
 * <p>Numbers: a sign byte, then for non-zero numbers a base-100 exponent byte and the
 * base-100 digits (each digit + 1, so 0 stays free as a terminator), then a terminator.
 * Negative numbers complement every byte after the sign, which reverses their order.
 *
 * <p>{@link #writeTerminated} makes strings and binaries self-delimiting (0x00 escaped as
 * 0x00 0xFF, end as 0x00 0x00) so that another key can follow them without breaking order.
 */
public final class KeyCodec {
    private static final int NEGATIVE = 0x01;
    private static final int ZERO = 0x02;
    private static final int POSITIVE = 0x03;

    private KeyCodec() {
    }

    /** The encoding of a value that ends a key: strings and binaries as their raw bytes. */
    public static byte[] encode(AttributeValue value) {
        switch (value.type()) {
            case S: return ((AttributeValue.S) value).value().getBytes(StandardCharsets.UTF_8);
            case B: return ((AttributeValue.B) value).value().bytes();
            case N: return encodeNumber(((AttributeValue.N) value).value());
            default: throw new IllegalArgumentException("not a key type: " + value.type());
        }
    }

    /** The encoding of a value that other bytes follow. */
    public static void writeTerminated(AttributeValue value, ByteArrayOutputStream out) {
        switch (value.type()) {
            case S: writeEscaped(((AttributeValue.S) value).value().getBytes(StandardCharsets.UTF_8), out); break;
            case B: writeEscaped(((AttributeValue.B) value).value().bytes(), out); break;
            case N: out.writeBytes(encodeNumber(((AttributeValue.N) value).value())); break;
            default: throw new IllegalArgumentException("not a key type: " + value.type());
        }
    }

    private static void writeEscaped(byte[] bytes, ByteArrayOutputStream out) {
        for (byte b : bytes) {
            out.write(b);
            if (b == 0) out.write(0xFF);
        }
        out.write(0);
        out.write(0);
    }

    static byte[] encodeNumber(BigDecimal n) {
        int sign = n.signum();
        if (sign == 0) return new byte[] {ZERO};
        BigDecimal abs = n.abs().stripTrailingZeros();
        String digits = abs.unscaledValue().toString();
        // abs = 0.<digits> x 10^point
        int point = digits.length() - abs.scale();
        if (Math.floorMod(point, 2) != 0) {
            digits = "0" + digits;
            point++;
        }
        if (digits.length() % 2 != 0) digits = digits + "0";
        int pairs = digits.length() / 2;
        byte[] out = new byte[3 + pairs];
        out[0] = (byte) (sign > 0 ? POSITIVE : NEGATIVE);
        out[1] = (byte) (point / 2 + 128);
        for (int i = 0; i < pairs; i++) {
            int d = (digits.charAt(2 * i) - '0') * 10 + (digits.charAt(2 * i + 1) - '0');
            out[2 + i] = (byte) (d + 1);
        }
        out[out.length - 1] = 0;
        if (sign < 0) {
            for (int i = 1; i < out.length; i++) out[i] = (byte) ~out[i];
        }
        return out;
    }

    /** A 32-bit hash of a partition key's encoding; item keys start with it, so Scan spreads like DynamoDB's. */
    public static int partitionHash(byte[] encodedPartitionKey) {
        // FNV-1a, then a murmur finaliser for avalanche: cheap, stable across versions.
        int h = 0x811C9DC5;
        for (byte b : encodedPartitionKey) {
            h ^= (b & 0xFF);
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
