package dev.eddy.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBytesTest {

    @Test
    void numbersAreWrittenAsLongToStringWritesThem() {
        for (long n : new long[] {0, 7, -7, 10, 99, 100, -1000, 1_764_633_600L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            JsonBytes out = new JsonBytes(1).number(n);
            assertEquals(Long.toString(n), new String(out.buffer(), 0, out.size(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aThreadKeepsItsBufferFromOneDocumentToTheNextEvenOnceGrown() {
        JsonBytes first = JsonBytes.reusing(100);
        for (int i = 0; i < 1000; i++) first.raw('x');
        JsonBytes second = JsonBytes.reusing(100);
        assertSame(first.buffer(), second.buffer());
    }

    @Test
    void positionLeavesRoomThatIsFilledLater() {
        JsonBytes out = new JsonBytes(4).position(3).raw('c');
        out.buffer()[0] = 'a';
        out.buffer()[1] = 'b';
        out.buffer()[2] = ':';
        assertEquals("ab:c", new String(out.buffer(), 0, out.size(), StandardCharsets.US_ASCII));
    }
}
