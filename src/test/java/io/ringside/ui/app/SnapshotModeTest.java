package io.ringside.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.stack.StackException;
import io.ringside.ui.settings.ConsoleSettings;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FakeStackGateway;
import io.ringside.ui.util.UiTaskExecutor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Snapshot mode in this JVM, around a scripted stack: exit codes 0, 1 and 2 and the PNG itself.
 * TestFX boots the toolkit (snapshot mode reuses a running one), so later TestFX classes in the
 * same JVM find the toolkit they expect.
 */
@ExtendWith(ApplicationExtension.class)
class SnapshotModeTest {

    @TempDir
    Path data;

    private final FakeStackGateway gateway = new FakeStackGateway();
    private final UiTaskExecutor executor = new UiTaskExecutor();

    @AfterEach
    void stopExecutor() {
        executor.shutdown();
    }

    private SnapshotResult snapshot(String view, boolean autoStart, Path png) {
        ConsoleSettings settings = new ConsoleSettings(data, "local", autoStart, view);
        return SnapshotMode.run(settings, png, Duration.ofSeconds(30),
                (s, stage) -> new MainWindow(s, gateway, executor, new FakeDialogService()));
    }

    @Test
    void theStackViewIsWrittenOnceItHasLoaded() throws IOException {
        Path png = data.resolve("shots/stack.png");

        SnapshotResult result = snapshot("stack", false, png);

        assertEquals(SnapshotResult.WRITTEN, result.exitCode(), result.message());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1100, image.getWidth());
        assertEquals(700, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 10, "a rendered window, not a blank image: " + colours.size() + " colours");
        assertEquals(0, gateway.startCalls.get());
    }

    @Test
    void anUnknownViewListsTheViewsAndStartsNothing() {
        SnapshotResult result = snapshot("nodes", true, data.resolve("x.png"));

        assertEquals(SnapshotResult.NOT_AVAILABLE, result.exitCode());
        assertFalse(Files.exists(data.resolve("x.png")));
        assertEquals(0, gateway.startCalls.get(), "nothing is started for a view that cannot be shown");
        assertTrue(result.message().contains("stack, cluster, cache, jobs, trends, streams"), result.message());
    }

    @Test
    void aViewThatFailsToLoadExitsWithOneAndTheReason() {
        gateway.onStart(listener -> {
            throw new StackException("kafka exited with code 1");
        });
        Path png = data.resolve("failed.png");

        SnapshotResult result = snapshot("stack", true, png);

        assertEquals(SnapshotResult.LOAD_FAILED, result.exitCode(), result.message());
        assertTrue(result.message().contains("kafka exited with code 1"), result.message());
        assertFalse(Files.exists(png));
    }
}
