package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's pictures can still be made: {@code ringside screenshots} writes every page of the
 * rail against the shared stack, in a JVM of its own without a display (this JVM supervises the
 * shared stack, and a console in it would refuse to attach to it). Only the PM2.5 sample is loaded,
 * so this checks that each page loads, renders and is written, and that the CQL page ran its
 * statement and the Messages tab made its search, not what the pictures show.
 */
@ExtendWith(SharedStack.class)
class ScreenshotsCommandTest {

    @Test
    void everyPageOfTheRailIsWrittenAsAPng(TestStack stack, @TempDir Path out) throws Exception {
        // The PM2.5 sample alone (the command would load Fashion-MNIST too), so the CQL page's statement has its table.
        CliRun sample = CliRun.in(stack.dataFolder(), "load", "pm25", "--sample");
        assertEquals(ExitCodes.OK, sample.exitCode(), sample.err());
        CliRun run = CliRun.inChildJvm(stack.dataFolder(), Duration.ofMinutes(5),
                "screenshots", "--skip-samples", "--timeout", "60", out.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(ScreenshotsCommand.PAGES.containsAll(List.of("cql", "messages")), ScreenshotsCommand.PAGES.toString());
        assertTrue(line(run.err(), "cql: ").contains("ran 'SELECT * FROM aqdata.pm25 LIMIT 20': "), run.err());
        assertTrue(line(run.err(), "messages: ").contains("searched ringside.jobs.progress for $.state"), run.err());
        for (String page : ScreenshotsCommand.PAGES) {
            Path png = out.resolve(page + ".png");
            assertTrue(Files.isRegularFile(png), page + " not written: " + run.err());
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals((int) ScreenshotsCommand.WIDTH, image.getWidth(), page);
            assertEquals((int) ScreenshotsCommand.HEIGHT, image.getHeight(), page);
        }
    }

    private static String line(String err, String prefix) {
        return err.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
    }
}
