package dev.eddy.core.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequenceNumbersTest {
    @Test
    void sequenceNumbersAreTwentyOneDigitDecimalsThatRoundTrip() {
        for (long n : new long[] {0, 1, 42, 99_999, Long.MAX_VALUE}) {
            String text = SequenceNumbers.format(n);
            assertTrue(text.matches("1[0-9]{20}"), text);
            assertEquals(n, SequenceNumbers.parse(text));
        }
    }

    @Test
    void textOrderIsNumericOrder() {
        assertTrue(SequenceNumbers.format(9).compareTo(SequenceNumbers.format(10)) < 0);
        assertTrue(SequenceNumbers.format(99_999_999).compareTo(SequenceNumbers.format(100_000_000)) < 0);
    }

    @Test
    void textsThisStreamDidNotIssueParseAsMinusOne() {
        for (String text : new String[] {null, "", "12", "200000000000000000001", "1000000000000000000x1",
                "1999999999999999999999", "19999999999999999999"}) {
            assertEquals(-1, SequenceNumbers.parse(text), String.valueOf(text));
        }
    }
}
