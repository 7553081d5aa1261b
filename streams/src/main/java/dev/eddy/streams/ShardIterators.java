package dev.eddy.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shard iterators as opaque, tamper-evident strings shaped like AWS's,
 * {@code <stream ARN>|1|<base64>}: the base64 part carries the shard, the position (the next
 * sequence number to read) and the time the iterator was issued, signed with the data
 * directory's key so iterators survive restarts but cannot be forged or edited.
 */
public final class ShardIterators {
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final String VERSION = "|1|";
    private static final int MAC_BYTES = 16;
    /**
     * One keyed Mac per thread: looking the algorithm up and keying it cost more than the
     * signature itself, twice per GetRecords. A Mac is reset by {@code doFinal}.
     */
    private final ThreadLocal<Mac> macs;

    public ShardIterators(byte[] secret) {
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
    }

    /** What an iterator points at. */
    public record Position(String streamArn, String shardId, long sequence, Instant issued) {
    }

    public String encode(Position p) {
        byte[] shard = p.shardId().getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(8 + 8 + 2 + shard.length)
                .putLong(p.sequence()).putLong(p.issued().toEpochMilli()).putShort((short) shard.length).put(shard);
        byte[] body = payload.array();
        byte[] mac = mac(p.streamArn(), body);
        byte[] all = Arrays.copyOf(body, body.length + MAC_BYTES);
        System.arraycopy(mac, 0, all, body.length, MAC_BYTES);
        return p.streamArn() + VERSION + Base64.getEncoder().encodeToString(all);
    }

    /** The iterator's position; a ValidationException for anything this endpoint did not issue. */
    public Position decode(String iterator) {
        int bar = iterator.indexOf('|');
        if (bar < 0 || !iterator.startsWith(VERSION, bar)) throw Messages.invalidShardIterator();
        String arn = iterator.substring(0, bar);
        byte[] all;
        try {
            all = Base64.getDecoder().decode(iterator.substring(bar + VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw Messages.invalidShardIterator();
        }
        if (all.length < 18 + MAC_BYTES) throw Messages.invalidShardIterator();
        byte[] body = Arrays.copyOf(all, all.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(all, body.length, all.length);
        if (!MessageDigest.isEqual(mac, Arrays.copyOf(mac(arn, body), MAC_BYTES))) throw Messages.invalidShardIterator();
        ByteBuffer b = ByteBuffer.wrap(body);
        long sequence = b.getLong();
        Instant issued = Instant.ofEpochMilli(b.getLong());
        int length = b.getShort();
        if (length != b.remaining()) throw Messages.invalidShardIterator();
        byte[] shard = new byte[length];
        b.get(shard);
        return new Position(arn, new String(shard, StandardCharsets.UTF_8), sequence, issued);
    }

    private byte[] mac(String arn, byte[] body) {
        Mac mac = macs.get();
        mac.update(arn.getBytes(StandardCharsets.UTF_8));
        return mac.doFinal(body);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
