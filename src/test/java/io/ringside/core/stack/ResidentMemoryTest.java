package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The memory {@code stack status} and the start's ready events show, read from {@code /proc}. No servers. */
class ResidentMemoryTest {

    @Test
    void aLiveProcessHasItsResidentSetAndNoProcessHasNone() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux only");
        long pid = ProcessHandle.current().pid();

        long bytes = ResidentMemory.of(pid).orElseThrow();
        assertTrue(bytes > 16L << 20, "a JVM holds more than 16 MiB: " + bytes);
        assertTrue(ResidentMemory.ofTree(pid).orElseThrow() >= bytes, "the tree counts the process itself");
        assertTrue(ResidentMemory.describe(pid).orElseThrow().matches("\\d+ MiB"), ResidentMemory.describe(pid).get());
        assertEquals(Optional.empty(), ResidentMemory.describe(null));
        assertTrue(ResidentMemory.of(Long.MAX_VALUE).isEmpty(), "no such process");
    }
}
