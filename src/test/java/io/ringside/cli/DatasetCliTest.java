package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringside.core.ByteSize;
import io.ringside.core.Json;
import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code load dataset} and {@code dataset ...} as a script sees them: exit codes, stdout, stderr. */
@ExtendWith(SharedStack.class)
class DatasetCliTest {

    @TempDir
    Path dir;

    private static CliRun run(TestStack stack, String... args) {
        return CliRun.in(stack.dataFolder(), args);
    }

    private static byte[] idx(int count) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * 28 * 28);
        buffer.put(new byte[] {0, 0, 0x08, 3}).putInt(count).putInt(28).putInt(28);
        for (int i = 16; i < buffer.capacity(); i++) {
            buffer.put((byte) (i % 251));
        }
        return buffer.array();
    }

    private static String name(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void loadListExportAndDeleteADataset(TestStack stack) throws IOException {
        String name = name("cli");
        Path file = Files.write(dir.resolve("images.idx"), idx(50));

        CliRun load = run(stack, "load", "dataset", name, file.toString());
        assertEquals(0, load.exitCode(), load.err());
        assertTrue(load.out().startsWith(name + "\t1\tidx\t1 chunks\t" + Files.size(file) + " bytes"), load.out());
        assertTrue(load.err().contains("100%") && load.err().contains("B/s"), load.err());
        String size = ByteSize.format(Files.size(file)) + " in 1 chunk";
        assertTrue(load.err().contains("stored " + name + " version 1: idx, " + size + ", sha256 "), load.err());

        CliRun list = run(stack, "dataset", "list", "--json");
        assertEquals(0, list.exitCode(), list.err());
        JsonNode entry = null;
        for (JsonNode node : Json.mapper().readTree(list.out())) {
            if (node.path("name").asText().equals(name)) {
                entry = node;
            }
        }
        assertTrue(entry != null, list.out());
        assertEquals("complete", entry.path("status").asText());
        assertEquals("50", entry.path("meta").path("idx.count").asText());
        assertEquals(Files.size(file), entry.path("raw_bytes").asLong());
        CliRun table = run(stack, "dataset", "list");
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith(name) && l.contains("complete")), table.out());

        CliRun verify = run(stack, "dataset", "verify", name);
        assertEquals(0, verify.exitCode(), verify.err());
        assertTrue(verify.out().matches("ok " + name + " version 1: " + Pattern.quote(size) + ", sha256 [0-9a-f]{64}\\R"),
                verify.out());

        Path exported = dir.resolve("exported.idx");
        CliRun export = run(stack, "dataset", "export", name, exported.toString(), "--version", "1");
        assertEquals(0, export.exitCode(), export.err());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(exported));

        CliRun refused = run(stack, "dataset", "delete", name);
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("would delete dataset '" + name + "' version 1 (complete): " + size), refused.err());
        assertTrue(refused.err().contains("--yes"), refused.err());
        assertEquals(0, run(stack, "dataset", "verify", name).exitCode(), "nothing was deleted without --yes");

        CliRun delete = run(stack, "dataset", "delete", name, "--yes");
        assertEquals(0, delete.exitCode(), delete.err());
        assertEquals(5, run(stack, "dataset", "verify", name).exitCode());
    }

    /**
     * Export replaces only a regular file: a fifo or a directory (or a device node such as
     * /dev/full) is refused and left as it was; a symbolic link is followed, so the file it points
     * at gets the data and the link stays a link; a dangling link is refused.
     */
    @Test
    void exportRefusesTargetsThatAreNotRegularFilesAndWritesThroughSymbolicLinks(TestStack stack) throws Exception {
        String name = name("export-target");
        Path file = Files.write(dir.resolve("data.bin"), new byte[] {7, 8, 9, 10, 11});
        assertEquals(0, run(stack, "load", "dataset", name, file.toString()).exitCode());
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

        CliRun toFifo = run(stack, "dataset", "export", name, fifo.toString());
        assertEquals(2, toFifo.exitCode(), toFifo.err());
        assertTrue(toFifo.err().contains("Cannot export to " + fifo + ": it is a device, fifo or socket, not a regular "
                + "file"), toFifo.err());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the fifo is left as it was");
        CliRun toFolder = run(stack, "dataset", "export", name, dir.toString());
        assertEquals(2, toFolder.exitCode(), toFolder.err());
        assertTrue(toFolder.err().contains("it is a directory"), toFolder.err());

        Path real = Files.write(dir.resolve("real.bin"), new byte[] {1});
        Path link = Files.createSymbolicLink(dir.resolve("link.bin"), real);
        CliRun through = run(stack, "dataset", "export", name, link.toString());
        assertEquals(0, through.exitCode(), through.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(real));

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.bin"), dir.resolve("nowhere.bin"));
        CliRun toDangling = run(stack, "dataset", "export", name, dangling.toString());
        assertEquals(2, toDangling.exitCode(), toDangling.err());
        assertTrue(toDangling.err().contains("which does not exist"), toDangling.err());
        assertTrue(Files.isSymbolicLink(dangling) && !Files.exists(dir.resolve("nowhere.bin")));
        assertEquals(0, run(stack, "dataset", "delete", name, "--yes").exitCode());
    }

    @Test
    void unknownDatasetsAndVersionsAreNotFound(TestStack stack) throws IOException {
        String name = name("nobody");
        for (String[] args : new String[][] {
            {"dataset", "verify", name},
            {"dataset", "export", name, dir.resolve("x").toString()},
            {"dataset", "delete", name, "--yes"},
            {"dataset", "delete", name},
        }) {
            CliRun result = run(stack, args);
            assertEquals(5, result.exitCode(), String.join(" ", args) + ": " + result.err());
            assertTrue(result.err().contains("No dataset named '" + name + "'"), result.err());
        }
        String known = name("known");
        Path file = Files.write(dir.resolve("small.bin"), new byte[] {1, 2, 3});
        assertEquals(0, run(stack, "load", "dataset", known, file.toString()).exitCode());
        CliRun version = run(stack, "dataset", "export", known, dir.resolve("y").toString(), "--version", "9");
        assertEquals(5, version.exitCode(), version.err());
        assertTrue(version.err().contains("has no version 9"), version.err());
        assertEquals(0, run(stack, "dataset", "delete", known, "--yes").exitCode());
    }

    @Test
    void aTruncatedIdxFailsWithTheFileAndOffsetAndNoStackTrace(TestStack stack) throws IOException {
        String name = name("cut");
        byte[] whole = idx(20);
        Path file = Files.write(dir.resolve("cut.idx"), Arrays.copyOf(whole, 10_000));

        CliRun load = run(stack, "load", "dataset", name, file.toString(), "--kind", "idx");

        assertEquals(1, load.exitCode(), load.err());
        assertTrue(load.err().contains(file.toString()) && load.err().contains("byte offset 10000"), load.err());
        assertFalse(load.err().contains("Exception") || load.err().contains("\tat "), load.err());
        assertEquals(5, run(stack, "dataset", "export", name, dir.resolve("z").toString()).exitCode());
    }

    @Test
    void usageErrorsAndAStoppedStackHaveTheirExitCodes(TestStack stack) throws IOException {
        Path file = Files.write(dir.resolve("f.bin"), new byte[] {1});
        CliRun kind = run(stack, "load", "dataset", "x", file.toString(), "--kind", "csv");
        assertEquals(2, kind.exitCode(), kind.err());
        CliRun badName = run(stack, "load", "dataset", "no:colons", file.toString());
        assertEquals(2, badName.exitCode(), badName.err());
        CliRun missing = run(stack, "load", "dataset", "x", dir.resolve("absent.bin").toString());
        assertEquals(2, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("absent.bin"), missing.err());

        Path noStack = Files.createDirectories(dir.resolve("empty-data"));
        CliRun down = CliRun.of("--data", noStack.toString(), "dataset", "list");
        assertEquals(3, down.exitCode(), down.err());
        for (String[] help : new String[][] {{"load", "dataset", "--help"}, {"dataset", "list", "--help"},
            {"bench", "dataset", "--help"}}) {
            assertEquals(0, CliRun.of(help).exitCode(), String.join(" ", help));
        }
    }
}
