package dev.eddy.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RequestHandlerTest {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @Test
    void dateHeaderIsImfFixdate() {
        assertEquals("Tue, 01 Dec 2026 09:05:03 GMT",
                RequestHandler.imfFixdate(Instant.parse("2026-12-01T09:05:03Z").getEpochSecond()));
        assertEquals("Thu, 29 Feb 2024 23:59:59 GMT",
                RequestHandler.imfFixdate(Instant.parse("2024-02-29T23:59:59Z").getEpochSecond()));
        assertEquals("Thu, 01 Jan 1970 00:00:00 GMT", RequestHandler.imfFixdate(0));
    }

    @Test
    void dateHeaderMatchesTheJdksFormatterEverywhere() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long second = random.nextLong(0, 4_102_444_800L); // up to 2100
            assertEquals(IMF_FIXDATE.format(Instant.ofEpochSecond(second)), RequestHandler.imfFixdate(second));
        }
    }
}
