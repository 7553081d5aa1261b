package dev.eddy.streams;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StreamArnsTest {
    @Test
    void streamArnsHaveRegionAccountTableAndLabel() {
        assertTrue(StreamArns.isWellFormed("arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-20T20:51:10.252"));
        assertFalse(StreamArns.isWellFormed("arn:aws:dynamodb:us-west-2:111122223333:table/Forum"));
        assertFalse(StreamArns.isWellFormed("arn:aws:dynamodb:us-west-2:1111:table/Forum/stream/2015-05-20T20:51:10.252"));
        assertFalse(StreamArns.isWellFormed("arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/yesterday"));
        assertFalse(StreamArns.isWellFormed("sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf"));
    }
}
