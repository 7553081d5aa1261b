package dev.eddy.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamReaderTest {
    private static StreamReader.Page page(String json) throws IOException {
        byte[] bytes = (json + "trailing bytes of a reused buffer").getBytes(StandardCharsets.UTF_8);
        return StreamReader.page(bytes, json.getBytes(StandardCharsets.UTF_8).length);
    }

    private static String record(String id, String data) {
        return "{\"awsRegion\":\"eu-west-1\",\"dynamodb\":{\"NewImage\":{\"data\":{\"S\":\"" + data + "\"}}},\"eventID\":\"" + id + "\"}";
    }

    @Test
    void countsRecordsAndFindsTheNextIterator() throws IOException {
        StreamReader.Page p = page("{\"NextShardIterator\":\"it-2\",\"Records\":[" + record("a", "x".repeat(3000)) + ","
                + record("b", "IDs \\\"eventID\\\": Inside") + "," + record("c", "") + "]}");
        assertEquals(3, p.records());
        assertEquals("it-2", p.next());
    }

    @Test
    void readsMembersAfterWhitespaceAndTheIteratorAfterTheRecords() throws IOException {
        StreamReader.Page p = page("{ \"Records\" : [ { \"eventID\" : \"a\" } ] ,\n\t\"NextShardIterator\" :\r\n \"it\" }");
        assertEquals(1, p.records());
        assertEquals("it", p.next());
    }

    @Test
    void aClosedShardsLastPageHasNoIterator() throws IOException {
        StreamReader.Page p = page("{\"Records\":[]}");
        assertEquals(0, p.records());
        assertNull(p.next());
    }

    @Test
    void anAnswerThatIsNotJsonIsAnError() {
        assertThrows(IOException.class, () -> page("<html>busy</html>"));
    }
}
