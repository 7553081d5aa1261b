package dev.eddy.streams;

import java.util.regex.Pattern;

/** Stream ARNs: {@code arn:aws:dynamodb:<region>:<account>:table/<table>/stream/<label>}. */
public final class StreamArns {
    public static final int MIN_LENGTH = 37;
    public static final int MAX_LENGTH = 1024;
    private static final Pattern ARN = Pattern.compile(
            "arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[a-zA-Z0-9_.-]{3,255}/stream/"
                    + "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}");

    private StreamArns() {
    }

    public static boolean isWellFormed(String arn) {
        return ARN.matcher(arn).matches();
    }

    /** Checks the ARN's form: a malformed one is a ValidationException, before any lookup. */
    public static String require(String arn) {
        if (!isWellFormed(arn)) throw Messages.invalidStreamArn();
        return arn;
    }
}
