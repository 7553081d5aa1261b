package dev.eddy.core.item;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyCodecTest {
    private static final String[] EDGE_NUMBERS = {
        "0", "1", "-1", "0.5", "-0.5", "10", "-10", "99", "100", "101", "1E-130", "-1E-130",
        "9.9999999999999999999999999999999999999E+125", "-9.9999999999999999999999999999999999999E+125",
        "12345678901234567890123456789012345678", "0.00000000000000000000000000000000000001",
        "1.5", "1.25", "-1.25", "-1.2", "123.456", "123.4560001", "1E+10", "1E+11", "0.1", "0.01", "0.011",
    };

    @Test
    void numberEncodingsSortAsTheNumbersDo() {
        List<BigDecimal> numbers = new ArrayList<>();
        for (String s : EDGE_NUMBERS) numbers.add(Numbers.parse(s));
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) numbers.add(randomNumber(random));
        for (BigDecimal a : numbers) {
            for (int j = 0; j < 40; j++) {
                BigDecimal b = numbers.get(random.nextInt(numbers.size()));
                assertSameOrder(a.compareTo(b), KeyCodec.encodeNumber(a), KeyCodec.encodeNumber(b), a + " vs " + b);
            }
        }
        for (String x : EDGE_NUMBERS) {
            for (String y : EDGE_NUMBERS) {
                BigDecimal a = Numbers.parse(x);
                BigDecimal b = Numbers.parse(y);
                assertSameOrder(a.compareTo(b), KeyCodec.encodeNumber(a), KeyCodec.encodeNumber(b), x + " vs " + y);
            }
        }
    }

    @Test
    void equalNumbersWrittenDifferentlyEncodeTheSame() {
        assertEquals(Arrays.toString(KeyCodec.encode(AttributeValue.n("1.50"))),
                Arrays.toString(KeyCodec.encode(AttributeValue.n("15E-1"))));
        assertEquals(Arrays.toString(KeyCodec.encode(AttributeValue.n("-0"))),
                Arrays.toString(KeyCodec.encode(AttributeValue.n("0.000"))));
    }

    @Test
    void stringEncodingsSortByUtf8Bytes() {
        String[] strings = {"", "a", "ab", "b", "\u00e9", "\uffff", "\ud83d\ude00", "a\u0000", "A", "z"};
        for (String x : strings) {
            for (String y : strings) {
                int expected = Values.compareUtf8(x, y);
                assertSameOrder(expected, KeyCodec.encode(AttributeValue.s(x)), KeyCodec.encode(AttributeValue.s(y)), x + " vs " + y);
                assertSameOrder(Integer.signum(Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8),
                        y.getBytes(StandardCharsets.UTF_8))), KeyCodec.encode(AttributeValue.s(x)),
                        KeyCodec.encode(AttributeValue.s(y)), x + " vs " + y);
            }
        }
    }

    @Test
    void terminatedEncodingsKeepOrderWhenMoreBytesFollow() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] a = randomBytes(random);
            byte[] b = randomBytes(random);
            int expected = Arrays.compareUnsigned(a, b);
            if (expected == 0) continue;
            assertSameOrder(expected, terminatedThenTail(AttributeValue.b(a), random), terminatedThenTail(AttributeValue.b(b), random),
                    Arrays.toString(a) + " vs " + Arrays.toString(b));
        }
    }

    private static byte[] terminatedThenTail(AttributeValue v, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KeyCodec.writeTerminated(v, out);
        byte[] tail = new byte[random.nextInt(4)];
        random.nextBytes(tail);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(5)];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (random.nextInt(4) == 0 ? 0 : random.nextInt(256));
        return b;
    }

    private static BigDecimal randomNumber(Random random) {
        int digits = 1 + random.nextInt(38);
        BigInteger unscaled = new BigInteger(digits * 4, random);
        if (unscaled.signum() == 0) return BigDecimal.ZERO;
        while (unscaled.toString().length() > 38) unscaled = unscaled.divide(BigInteger.TEN);
        while (true) {
            BigDecimal n = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(250) - 120);
            try {
                return Numbers.check(n);
            } catch (dev.eddy.core.error.DynamoException outOfRange) {
                // draw another scale
            }
        }
    }

    private static void assertSameOrder(int expected, byte[] a, byte[] b, String what) {
        assertEquals(Integer.signum(expected), Integer.signum(Arrays.compareUnsigned(a, b)), what);
    }
}
