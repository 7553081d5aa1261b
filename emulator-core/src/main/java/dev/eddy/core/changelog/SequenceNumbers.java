package dev.eddy.core.changelog;

/**
 * Sequence numbers as clients see them: decimal strings of 21 digits, a leading 1 and the
 * stream's counter zero-padded to 20 digits, so that they compare the same as numbers and as
 * strings, and look like AWS's ("100000000000000000042"). Within a shard they only grow.
 */
public final class SequenceNumbers {
    public static final int DIGITS = 21;
    private static final String PREFIX = "1";

    private SequenceNumbers() {
    }

    public static String format(long sequence) {
        String digits = Long.toString(sequence);
        StringBuilder b = new StringBuilder(DIGITS).append(PREFIX);
        for (int i = digits.length(); i < DIGITS - PREFIX.length(); i++) b.append('0');
        return b.append(digits).toString();
    }

    /** The counter of a sequence number this stream issued, or -1 when the text is not one. */
    public static long parse(String text) {
        if (text == null || text.length() != DIGITS || !text.startsWith(PREFIX)) return -1;
        long value = 0;
        for (int i = PREFIX.length(); i < DIGITS; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            if (value > (Long.MAX_VALUE - (c - '0')) / 10) return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
