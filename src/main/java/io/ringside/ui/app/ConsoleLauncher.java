package io.ringside.ui.app;

import io.ringside.core.connect.ProfileStore;
import io.ringside.core.connect.SecretPrompt;
import io.ringside.ui.settings.ConsolePreferences;
import io.ringside.ui.settings.ConsoleSettings;
import io.ringside.ui.settings.TrendPreset;
import io.ringside.ui.util.PageShowcase;
import io.ringside.ui.util.UiTaskExecutor;
import io.ringside.ui.welcome.WelcomeViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;

/**
 * Opens the console from the CLI. Not an {@link Application} itself, so the console starts from a
 * plain classpath; returns when the window has closed. The CLI's only way into the console: what a
 * command needs to know of it is passed on here, so feature packages stay free to change.
 */
public final class ConsoleLauncher {

    /** The welcome page, for commands that open or shoot it. */
    public static final String WELCOME_PAGE = WelcomeViewModel.PAGE;
    /** Where the Fashion-MNIST sample the welcome page offers is installed, when it is. */
    public static final Path FASHION_MNIST = WelcomeViewModel.FASHION_MNIST;
    /** The dataset name the welcome page loads that sample as. */
    public static final String FASHION_MNIST_DATASET = WelcomeViewModel.FASHION_MNIST_DATASET;

    private ConsoleLauncher() {
    }

    /** The profile the interactive console opens on when none is given: the one used last, else local. */
    public static String startProfile(Path dataFolder, ProfileStore profiles) {
        return new ConsolePreferences(dataFolder).startProfile(profiles);
    }

    /**
     * With no display, switches JavaFX to the headless platform before the toolkit starts.
     *
     * @return whether it did
     */
    public static boolean configureHeadlessIfNoDisplay() {
        return SnapshotMode.configureHeadlessIfNoDisplay();
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
        JavaFxClassPathWarning.silence();
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
        return snapshot(dataFolder, profile, view, png, timeout, trends, width, height, SnapshotMode.NOTHING);
    }

    /** The README's pictures' names, in the order they are best taken ({@link #screenshot}). */
    public static List<String> screenshotNames() {
        return Screenshot.ALL.stream().map(Screenshot::name).toList();
    }

    /**
     * One of the README's pictures ({@link #screenshotNames()}): its page in a window of that size,
     * shown at work where a loaded page alone would show nothing (a statement run on the CQL page,
     * a search on the Messages tab).
     */
    public static SnapshotResult screenshot(Path dataFolder, String profile, String name, Path png, Duration timeout,
                                            double width, double height) {
        Screenshot shot = Screenshot.named(name).orElseThrow(() -> new IllegalArgumentException(
                "No screenshot '" + name + "'; screenshots: " + String.join(", ", screenshotNames())));
        return snapshot(dataFolder, profile, shot.view(), png, timeout, null, width, height, shot.showcase());
    }

    private static SnapshotResult snapshot(Path dataFolder, String profile, String view, Path png, Duration timeout,
                                           TrendPreset trends, double width, double height, PageShowcase showcase) {
        ConsoleSettings settings = new ConsoleSettings(dataFolder.toAbsolutePath(), profile, true, view, trends);
        return SnapshotMode.run(settings, png, timeout,
                (s, stage) -> ConsoleApp.create(s, new UiTaskExecutor(), stage, SecretPrompt.NONE).size(width, height),
                showcase);
    }
}
