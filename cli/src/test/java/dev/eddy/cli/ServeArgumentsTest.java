package dev.eddy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeArgumentsTest {

    @Test
    void readsWhatPicocliReads() {
        List<String[]> cases = List.of(
                new String[] {"serve"},
                new String[] {"serve", "--in-memory", "--port", "8123"},
                new String[] {"serve", "--port=0", "--host", "0.0.0.0", "--region", "eu-west-1"},
                new String[] {"serve", "--data-dir", "/tmp/eddy data", "--sync-writes"},
                new String[] {"serve", "--auth", "AKID:secret", "--auth=OTHER:s:with:colons", "--warm-up"});
        for (String[] args : cases) {
            ServeCommand quick = ServeArguments.parse(args);
            assertNotNull(quick, String.join(" ", args));
            ServeCommand picocli = viaPicocli(args);
            String what = String.join(" ", args);
            assertEquals(picocli.port, quick.port, what);
            assertEquals(picocli.host, quick.host, what);
            assertEquals(picocli.dataDirectory, quick.dataDirectory, what);
            assertEquals(picocli.inMemory, quick.inMemory, what);
            assertEquals(picocli.region, quick.region, what);
            assertEquals(picocli.syncWrites, quick.syncWrites, what);
            assertEquals(picocli.credentials, quick.credentials, what);
            assertEquals(picocli.warmUp, quick.warmUp, what);
        }
    }

    @Test
    void leavesEverythingElseToPicocli() {
        for (String[] args : List.of(
                new String[] {},
                new String[] {"--version"},
                new String[] {"serve", "--help"},
                new String[] {"serve", "--port"},
                new String[] {"serve", "--port", "eighty"},
                new String[] {"serve", "--in-memory=true"},
                new String[] {"serve", "--auth", "no-colon"},
                new String[] {"serve", "--unknown"},
                new String[] {"serve", "--data-dir", "bad\0path"})) {
            assertNull(ServeArguments.parse(args), String.join(" ", args));
        }
    }

    private static ServeCommand viaPicocli(String[] args) {
        CommandLine.ParseResult result = new CommandLine(new Eddy()).parseArgs(args);
        return (ServeCommand) result.subcommand().commandSpec().userObject();
    }
}
