package dev.eddy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.eddy.embedded.EmbeddedEddy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @Test
    void aPortInUseIsSaidInOneLineAndNoDataDirectoryIsCreated(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("data");
        try (EmbeddedEddy running = EmbeddedEddy.builder().inMemory(true).start()) {
            String port = String.valueOf(running.port());
            assertEquals("eddy: cannot listen on 127.0.0.1:" + port + ": Address already in use",
                    serveFails("serve", "--port", port, "--data-dir", dataDir.toString()));
            assertFalse(Files.exists(dataDir));
        }
    }

    @Test
    void aPortInUseIsSaidInOneLineWithAnInMemoryStoreToo() throws Exception {
        try (EmbeddedEddy running = EmbeddedEddy.builder().inMemory(true).start()) {
            String port = String.valueOf(running.port());
            assertEquals("eddy: cannot listen on 127.0.0.1:" + port + ": Address already in use",
                    serveFails("serve", "--port", port, "--in-memory"));
        }
    }

    /** Runs {@code eddy serve}, expects exit status 1 and returns what it printed on stderr. */
    private static String serveFails(String... args) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exit;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            exit = ServeArguments.parse(args).call();
        } finally {
            System.setErr(original);
        }
        assertEquals(1, exit);
        return err.toString(StandardCharsets.UTF_8).strip();
    }
}
