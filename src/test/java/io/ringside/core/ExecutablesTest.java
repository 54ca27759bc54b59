package io.ringside.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecutablesTest {

    @Test
    void outputLargerThanAPipeHoldsIsReadWhole() {
        // 200,000 bytes: more than a Linux pipe buffers, so a command writing into a pipe nobody
        // reads until it ends would never end
        Optional<String> printed = Executables.output(
                List.of("sh", "-c", "head -c 200000 /dev/zero | tr '\\0' a; echo done >&2"), Duration.ofSeconds(20));

        assertTrue(printed.isPresent(), "the command ended and its output was read");
        assertEquals("a".repeat(200_000) + "done\n", printed.get());
    }

    @Test
    void aCommandThatCannotStartGivesNothing() {
        assertTrue(Executables.output(List.of("ringside-no-such-program"), Duration.ofSeconds(5)).isEmpty());
    }
}
