package dev.eddy.core.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.core.error.DynamoException;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void numbersComeBackInCanonicalPlainForm() {
        assertEquals("1.5", AttributeValue.n("01.500").text());
        assertEquals("100", AttributeValue.n("1E2").text());
        assertEquals("0", AttributeValue.n("-0.000").text());
        assertEquals("-0.001", AttributeValue.n("-1e-3").text());
        assertEquals("12", AttributeValue.n("+12").text());
        assertEquals("1" + "0".repeat(125), AttributeValue.n("1E125").text());
    }

    @Test
    void malformedNumbersAreRejectedWithAwsMessage() {
        for (String bad : new String[] {"", "abc", "1.2.3", "1e", "--1", "0x10", "Infinity", "NaN", " 1", "1 ", "."}) {
            DynamoException e = assertThrows(DynamoException.class, () -> Numbers.parse(bad), bad);
            assertEquals("The parameter cannot be converted to a numeric value: " + bad, e.getMessage());
        }
    }

    @Test
    void magnitudeAndPrecisionLimitsAreAwsLimits() {
        assertEquals("Number overflow. Attempting to store a number with magnitude larger than supported range",
                assertThrows(DynamoException.class, () -> Numbers.parse("1E126")).getMessage());
        assertEquals("Number underflow. Attempting to store a number with magnitude smaller than supported range",
                assertThrows(DynamoException.class, () -> Numbers.parse("1E-131")).getMessage());
        assertEquals("Attempting to store more than 38 significant digits in a Number",
                assertThrows(DynamoException.class, () -> Numbers.parse("1" + "0".repeat(37) + "1")).getMessage());
        Numbers.parse("9.9999999999999999999999999999999999999E+125");
        Numbers.parse("-1E-130");
        Numbers.parse("1" + "0".repeat(38));
    }

    @Test
    void canonicalTextIsRecognisedAndAnythingElseIsNot() {
        for (String n : new String[] {"0", "1", "-1", "10", "100", "0.5", "-0.5", "1.25", "-100.001",
                "9.9999999999999999999999999999999999999E+125", "-1E-130", "123456789012345678901234567890"}) {
            String text = Numbers.toText(Numbers.parse(n));
            assertTrue(canonical(text), text);
        }
        for (String text : new String[] {"", "-", "-0", "00", "01", "1.", ".5", "1.50", "0.0", "1E2", "+1", "1e2",
                "1.2.3", " 1", "1 ", "--1", "-.5", "0.", "-00.5"}) {
            assertFalse(canonical(text), text);
        }
    }

    private static boolean canonical(String text) {
        byte[] padded = ("x" + text + "9").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return Numbers.isCanonical(padded, 1, text.length());
    }
}
