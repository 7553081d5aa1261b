package dev.eddy.core.item;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * DynamoDB numbers: up to 38 significant digits, magnitudes from 1E-130 to just under
 * 1E+126, returned in plain (never exponent) notation with no leading or trailing zeros.
 */
public final class Numbers {
    public static final int MAX_DIGITS = 38;
    /** 10^126: the smallest magnitude too large to store. */
    private static final BigDecimal OVERFLOW = BigDecimal.ONE.scaleByPowerOfTen(126);
    private static final BigDecimal SMALLEST = BigDecimal.ONE.scaleByPowerOfTen(-130);
    private static final String OVERFLOW_MESSAGE =
            "Number overflow. Attempting to store a number with magnitude larger than supported range";

    private Numbers() {
    }

    /** Parses a number as a client sent it, failing with AWS's message where DynamoDB would. */
    public static BigDecimal parse(String text) {
        BigDecimal value = parseOrNull(text);
        if (value == null) {
            throw new DynamoException(ErrorCode.VALIDATION,
                    "The parameter cannot be converted to a numeric value: " + text);
        }
        return check(value);
    }

    /** Checks range and precision, e.g. for the result of arithmetic in an update. */
    public static BigDecimal check(BigDecimal value) {
        BigDecimal n = normalise(value);
        if (n.signum() == 0) return n;
        BigDecimal abs = n.abs();
        if (abs.compareTo(OVERFLOW) >= 0) {
            throw new DynamoException(ErrorCode.VALIDATION, OVERFLOW_MESSAGE);
        }
        if (abs.compareTo(SMALLEST) < 0) {
            throw new DynamoException(ErrorCode.VALIDATION,
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (n.precision() > MAX_DIGITS) {
            throw new DynamoException(ErrorCode.VALIDATION,
                    "Attempting to store more than 38 significant digits in a Number");
        }
        return n;
    }

    /**
     * Arithmetic as DynamoDB does it: exact, then checked against the limits. A result that
     * needs more than 38 digits (1E50 + 1) gets DynamoDB's overflow message, not the one for a
     * number a client sent with too many digits.
     */
    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        return checkResult(a.add(b, MathContext.UNLIMITED));
    }

    public static BigDecimal subtract(BigDecimal a, BigDecimal b) {
        return checkResult(a.subtract(b, MathContext.UNLIMITED));
    }

    private static BigDecimal checkResult(BigDecimal value) {
        BigDecimal n = normalise(value);
        if (n.precision() > MAX_DIGITS) {
            throw new DynamoException(ErrorCode.VALIDATION, OVERFLOW_MESSAGE);
        }
        return check(n);
    }

    public static BigDecimal normalise(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    public static String toText(BigDecimal normalised) {
        return normalised.toPlainString();
    }

    /**
     * Whether ASCII {@code text} is what {@link #toText} makes of a normalised number: an
     * optional minus, an integer part without leading zeros, and a fraction, if any, that does
     * not end in zero; "0" alone for zero.
     */
    public static boolean isCanonical(byte[] text, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = i < end && text[i] == '-';
        if (negative) i++;
        int integerStart = i;
        while (i < end && isDigit(text[i])) i++;
        int integerDigits = i - integerStart;
        if (integerDigits == 0 || (integerDigits > 1 && text[integerStart] == '0')) return false;
        if (i == end) return !(negative && integerDigits == 1 && text[integerStart] == '0');
        if (text[i] != '.') return false;
        i++;
        int fractionStart = i;
        while (i < end && isDigit(text[i])) i++;
        return i == end && i > fractionStart && text[end - 1] != '0';
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /**
     * Accepts what DynamoDB accepts: optional sign, digits with an optional point, an
     * optional exponent. Rejects what BigDecimal alone would let through (blanks,
     * "Infinity", hex) and exponents too large to be meaningful.
     */
    private static BigDecimal parseOrNull(String text) {
        int n = text.length();
        if (n == 0 || n > 1024) return null;
        int i = 0;
        if (text.charAt(i) == '+' || text.charAt(i) == '-') i++;
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) { i++; digits++; }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) { i++; digits++; }
        }
        if (digits == 0) return null;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) i++;
            int expDigits = 0;
            while (i < n && isDigit(text.charAt(i))) { i++; expDigits++; }
            if (expDigits == 0 || expDigits > 9) return null;
        }
        if (i != n) return null;
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
