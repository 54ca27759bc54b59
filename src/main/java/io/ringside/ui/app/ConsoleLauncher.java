package io.ringside.ui.app;

import io.ringside.ui.settings.ConsoleSettings;
import io.ringside.ui.settings.TrendPreset;

import io.ringside.core.connect.SecretPrompt;
import io.ringside.ui.app.SnapshotMode;
import io.ringside.ui.app.SnapshotResult;
import io.ringside.ui.util.UiTaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;

/**
 * Opens the console from the CLI. Not an {@link Application} itself, so the console starts from a
 * plain classpath; returns when the window has closed.
 */
public final class ConsoleLauncher {

    private ConsoleLauncher() {
    }

    public static void launch(Path dataFolder, String profile) {
        launch(dataFolder, profile, null);
    }

    /** @param view the page to show first; null for the profile's default */
    public static void launch(Path dataFolder, String profile, String view) {
        List<String> args = new ArrayList<>(List.of(
                "--" + ConsoleApp.DATA + "=" + dataFolder.toAbsolutePath(),
                "--" + ConsoleApp.PROFILE + "=" + profile));
        if (view != null) {
            args.add("--" + ConsoleApp.VIEW + "=" + view);
        }
        Application.launch(ConsoleApp.class, args.toArray(String[]::new));
    }

    /**
     * Snapshot mode with the real services. Nobody is there to type a password, so secrets come from
     * the OS keyring or not at all.
     */
    public static SnapshotResult snapshot(Path dataFolder, String profile, String view, Path png, Duration timeout) {
        return snapshot(dataFolder, profile, view, png, timeout, null);
    }

    /** As {@link #snapshot(Path, String, String, Path, Duration)}, the Trends page preset to {@code trends}. */
    public static SnapshotResult snapshot(Path dataFolder, String profile, String view, Path png, Duration timeout,
                                          TrendPreset trends) {
        return snapshot(dataFolder, profile, view, png, timeout, trends, MainWindow.WIDTH, MainWindow.HEIGHT);
    }

    /** As {@link #snapshot(Path, String, String, Path, Duration, TrendPreset)}, with a window of that size. */
    public static SnapshotResult snapshot(Path dataFolder, String profile, String view, Path png, Duration timeout,
                                          TrendPreset trends, double width, double height) {
        ConsoleSettings settings = new ConsoleSettings(dataFolder.toAbsolutePath(), profile, true, view, trends);
        return SnapshotMode.run(settings, png, timeout,
                (s, stage) -> ConsoleApp.create(s, new UiTaskExecutor(), stage, SecretPrompt.NONE).size(width, height));
    }
}
