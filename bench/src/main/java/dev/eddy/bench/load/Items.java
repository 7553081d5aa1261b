package dev.eddy.bench.load;

import java.util.Random;

/** The JSON of the items the workloads write: a key, a changing number and padding. */
final class Items {
    /** Item size counts attribute names and values; this is what pk, sk and seq take at most. */
    private static final int KEY_AND_SEQ_BYTES = 48;

    private final String padding;

    /** Items of about {@code bytes} bytes as DynamoDB counts them. */
    Items(int bytes) {
        padding = letters(Math.max(1, bytes - KEY_AND_SEQ_BYTES));
    }

    /** {@code seq} differs between writes of one key, so each write changes the item and makes a stream record. */
    String item(String pk, long seq) {
        return "{\"pk\":{\"S\":\"" + pk + "\"},\"seq\":{\"N\":\"" + seq + "\"},\"data\":{\"S\":\"" + padding + "\"}}";
    }

    String item(String pk, long sk, long seq) {
        return "{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"N\":\"" + sk + "\"},\"seq\":{\"N\":\"" + seq
                + "\"},\"data\":{\"S\":\"" + padding + "\"}}";
    }

    String put(String table, String item) {
        return "{\"TableName\":\"" + table + "\",\"Item\":" + item + "}";
    }

    static String key(String table, String pk) {
        return "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"" + pk + "\"}}}";
    }

    static String queryPartition(String table, String pk) {
        return "{\"TableName\":\"" + table + "\",\"KeyConditionExpression\":\"pk = :p\","
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"" + pk + "\"}}}";
    }

    int paddingLength() {
        return padding.length();
    }

    private static String letters(int n) {
        Random random = new Random(42);
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) chars[i] = (char) ('a' + random.nextInt(26));
        return new String(chars);
    }
}
