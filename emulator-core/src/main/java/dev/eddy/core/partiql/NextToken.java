package dev.eddy.core.partiql;

import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemCodec;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Where a SELECT's next page starts: which of its reads, and the key after which that read
 * resumes (null to start it from the beginning). Opaque to clients and bound to the statement
 * and parameters that minted it.
 */
record NextToken(int read, Map<String, AttributeValue> startKey) {
    private static final byte VERSION = 1;

    String encode(byte[] fingerprint) {
        byte[] key = startKey == null ? new byte[0] : ItemCodec.encode(startKey);
        ByteBuffer b = ByteBuffer.allocate(1 + fingerprint.length + 4 + key.length);
        b.put(VERSION).put(fingerprint).putInt(read).put(key);
        return Base64.getEncoder().encodeToString(b.array());
    }

    static NextToken decode(String token, byte[] fingerprint) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw Messages.invalidNextToken();
        }
        if (bytes.length < 1 + fingerprint.length + 4 || bytes[0] != VERSION) throw Messages.invalidNextToken();
        if (!Arrays.equals(Arrays.copyOfRange(bytes, 1, 1 + fingerprint.length), fingerprint)) {
            throw Messages.nextTokenMismatch();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 1 + fingerprint.length, bytes.length - 1 - fingerprint.length);
        int read = b.getInt();
        if (read < 0) throw Messages.invalidNextToken();
        if (!b.hasRemaining()) return new NextToken(read, null);
        try {
            return new NextToken(read, ItemCodec.decode(bytes, b.position()));
        } catch (RuntimeException e) {
            throw Messages.invalidNextToken();
        }
    }
}
