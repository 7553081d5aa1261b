package dev.eddy.cli;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.eddy.embedded.EmbeddedEddy;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    @Test
    void theTrainingRunIsAnsweredWithoutAnErrorAndLeavesNoTable() throws Exception {
        try (EmbeddedEddy eddy = EmbeddedEddy.builder().inMemory(true).start()) {
            WarmUp.exercise(eddy.port());
            assertNull(eddy.emulator().catalog().find("us-east-1", "warm-up"));
        }
    }
}
