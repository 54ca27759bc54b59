package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.Main;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import picocli.CommandLine;

/**
 * The README's pictures can still be made: {@code ringside screenshots} writes every page of the
 * rail against the shared stack (in this JVM, headless; the sample data is not loaded again, so
 * this checks that each page loads and renders, not what it shows). TestFX boots the toolkit,
 * which snapshot mode reuses.
 */
@ExtendWith({ApplicationExtension.class, SharedStack.class})
class ScreenshotsCommandTest {

    @Test
    void everyPageOfTheRailIsWrittenAsAPng(TestStack stack, @TempDir Path out) throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("--data", stack.dataFolder().toString(), "screenshots", "--skip-samples",
                "--timeout", "60", out.toString());

        assertEquals(ExitCodes.OK, exit, err.toString());
        for (String page : ScreenshotsCommand.PAGES) {
            Path png = out.resolve(page + ".png");
            assertTrue(Files.isRegularFile(png), page + " not written: " + err);
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals((int) ScreenshotsCommand.WIDTH, image.getWidth(), page);
            assertEquals((int) ScreenshotsCommand.HEIGHT, image.getHeight(), page);
        }
    }
}
