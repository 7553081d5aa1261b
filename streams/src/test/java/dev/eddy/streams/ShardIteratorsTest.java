package dev.eddy.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.core.error.DynamoException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShardIteratorsTest {
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2024-01-01T00:00:00.000";
    private final ShardIterators iterators = new ShardIterators(new byte[32]);
    private final ShardIterators.Position position = new ShardIterators.Position(ARN,
            "shardId-00000001700000000000-0a1b2c3d", 42, Instant.ofEpochMilli(1_700_000_000_123L));

    @Test
    void anIteratorLooksLikeAwsAndDecodesToItsPosition() {
        String iterator = iterators.encode(position);
        assertTrue(iterator.startsWith(ARN + "|1|"), iterator);
        assertEquals(position, iterators.decode(iterator));
    }

    @Test
    void anIteratorSignedWithAnotherKeyOrEditedIsInvalid() {
        String iterator = iterators.encode(position);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertInvalid(new ShardIterators(otherKey), iterator);
        String otherArn = ARN.replace("table/t/", "table/u/");
        assertInvalid(iterators, otherArn + iterator.substring(ARN.length()));
        assertInvalid(iterators, iterator.substring(0, iterator.length() - 4));
        assertInvalid(iterators, ARN + "|1|not base64!");
        assertInvalid(iterators, "no bars at all");
        assertInvalid(iterators, ARN + "|2|" + iterator.substring(ARN.length() + 3));
    }

    private static void assertInvalid(ShardIterators with, String iterator) {
        DynamoException e = assertThrows(DynamoException.class, () -> with.decode(iterator));
        assertEquals("Invalid ShardIterator", e.getMessage());
    }
}
