package dev.eddy.core.item;

import java.nio.charset.StandardCharsets;

/** Comparison of scalar values as DynamoDB orders them. */
public final class Values {
    private Values() {
    }

    /**
     * Orders two values of the same scalar type (S, N or B): strings by their UTF-8
     * bytes, numbers numerically, binaries as unsigned bytes.
     *
     * @throws IllegalArgumentException for values of different or non-scalar types
     */
    public static int compare(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
            return compareUtf8(x.value(), y.value());
        }
        if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
            return x.value().compareTo(y.value());
        }
        throw new IllegalArgumentException("not comparable: " + a.type() + " and " + b.type());
    }

    /** Java compares strings by UTF-16 units; DynamoDB by UTF-8 bytes. They differ above U+FFFF. */
    public static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return java.util.Arrays.compareUnsigned(
                            a.substring(i).getBytes(StandardCharsets.UTF_8),
                            b.substring(i).getBytes(StandardCharsets.UTF_8));
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
