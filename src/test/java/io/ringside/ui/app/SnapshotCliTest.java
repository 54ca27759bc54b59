package io.ringside.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ringside console --view V --snapshot F.png} as a script runs it: its own JVM, no display
 * (headless Monocle chosen at run time), against the shared stack's data folder.
 */
@ExtendWith(SharedStack.class)
class SnapshotCliTest {

    private record Run(int exitCode, String output) {
    }

    private static Run console(Path data, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "io.ringside.Main", "--data", data.toString(), "console"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("console --snapshot did not exit");
        }
        return new Run(process.exitValue(), new String(output));
    }

    @Test
    void theStackViewOfARunningStackIsWrittenHeadless(TestStack stack, @TempDir Path out) throws Exception {
        Path png = out.resolve("stack.png");

        Run run = console(stack.dataFolder(), "--view", "stack", "--snapshot", png.toString());

        assertEquals(0, run.exitCode(), run.output());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1100, image.getWidth(), run.output());
        assertTrue(stack.state().allUp() && Files.size(png) > 10_000, "the PNG is " + Files.size(png) + " bytes");
    }

    @Test
    void anUnknownViewExitsWithTwo(TestStack stack, @TempDir Path out) throws Exception {
        Run run = console(stack.dataFolder(), "--view", "nodes", "--snapshot", out.resolve("nodes.png").toString());

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("Unknown view 'nodes'"), run.output());
        assertFalse(Files.exists(out.resolve("nodes.png")));
    }
}
