package io.ringside.ui.app;

import io.ringside.ui.settings.ConsoleSettings;
import io.ringside.ui.shell.Page;
import io.ringside.ui.util.PageLoad;
import io.ringside.ui.util.PageShowcase;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * {@code console --view V --snapshot FILE.png}: opens the console on one page against a profile,
 * waits until the page says its data is loaded (its {@link PageLoad}), writes a PNG of the window
 * and closes again (stopping a local stack it started). Meant for checking screens without a
 * person: it runs headless through Monocle when there is no display.
 */
public final class SnapshotMode {

    /** Time for the page's first render after its data arrived (cells, charts lay out on pulses). */
    static final Duration SETTLE = Duration.ofMillis(400);
    /** How long a loaded page waits for the status bar's first backend check before it is captured anyway. */
    static final Duration STATUS_WAIT = Duration.ofSeconds(20);

    /** The page as it loaded, for a plain {@code console --view V --snapshot FILE}. */
    static final PageShowcase NOTHING = (scene, page) -> CompletableFuture.completedFuture("");

    private SnapshotMode() {
    }

    /**
     * Boots the toolkit (headless without a display), captures, and returns. Reuses a toolkit that
     * is already running (tests).
     *
     * @param windows builds the console window for the settings on a stage (the real services in
     *                the CLI); called on the FX thread
     */
    public static SnapshotResult run(ConsoleSettings settings, Path png, Duration timeout,
                                     BiFunction<ConsoleSettings, Stage, MainWindow> windows) {
        return run(settings, png, timeout, windows, NOTHING);
    }

    /**
     * As {@link #run(ConsoleSettings, Path, Duration, BiFunction)}, {@code showcase} done on the
     * loaded page before the picture is taken.
     */
    public static SnapshotResult run(ConsoleSettings settings, Path png, Duration timeout,
                                     BiFunction<ConsoleSettings, Stage, MainWindow> windows, PageShowcase showcase) {
        configureHeadlessIfNoDisplay();
        startToolkit();
        CompletableFuture<SnapshotResult> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Stage stage = new Stage();
                MainWindow window = windows.apply(settings, stage);
                capture(window, stage, settings.initialView(), png, timeout, showcase).whenComplete((done, error) -> {
                    stage.hide();
                    Thread closer = new Thread(window::close, "ringside-snapshot-close");
                    closer.setDaemon(true);
                    closer.start();
                    if (error != null) {
                        result.complete(new SnapshotResult(SnapshotResult.LOAD_FAILED, error.toString()));
                    } else {
                        result.complete(done);
                    }
                });
            } catch (RuntimeException e) {
                result.complete(new SnapshotResult(SnapshotResult.LOAD_FAILED, "The console did not open: " + e.getMessage()));
            }
        });
        try {
            return result.get(timeout.toMillis() + 120_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SnapshotResult(SnapshotResult.LOAD_FAILED, "Interrupted");
        } catch (ExecutionException | TimeoutException e) {
            return new SnapshotResult(SnapshotResult.LOAD_FAILED, "The console did not finish: " + e);
        }
    }

    /**
     * On the FX thread: shows {@code window}, waits for {@code view} to load, writes the PNG, then
     * asks the window to close (a stack it started stops first) and completes.
     */
    public static CompletableFuture<SnapshotResult> capture(MainWindow window, Stage stage, String view, Path png,
                                                            Duration timeout) {
        return capture(window, stage, view, png, timeout, NOTHING);
    }

    /** As {@link #capture(MainWindow, Stage, String, Path, Duration)}, {@code showcase} done first. */
    public static CompletableFuture<SnapshotResult> capture(MainWindow window, Stage stage, String view, Path png,
                                                            Duration timeout, PageShowcase showcase) {
        CompletableFuture<SnapshotResult> outcome = new CompletableFuture<>();
        Optional<Page> page = window.shell().pages().stream().filter(p -> p.id().equals(view)).findFirst();
        if (page.isEmpty()) {
            outcome.complete(new SnapshotResult(SnapshotResult.NOT_AVAILABLE, "Unknown view '" + view + "'; views: "
                    + String.join(", ", window.shell().pages().stream().map(Page::id).toList())));
            return outcome;
        }
        if (!page.get().available()) {
            outcome.complete(new SnapshotResult(SnapshotResult.NOT_AVAILABLE, "View '" + view
                    + "' is not available yet (" + page.get().description() + ")"));
            return outcome;
        }
        CompletableFuture<SnapshotResult> captured = new CompletableFuture<>();
        window.show(stage, () -> { });
        PageLoad load = page.get().viewModel();
        ReadOnlyBooleanProperty statusChecked = window.shell().connection().checkedProperty();
        BooleanProperty statusWaitOver = new SimpleBooleanProperty();
        BooleanProperty staged = new SimpleBooleanProperty(); // the showcase runs once, however often settle is called
        PauseTransition statusWait = new PauseTransition(javafx.util.Duration.millis(STATUS_WAIT.toMillis()));
        statusWait.setOnFinished(event -> statusWaitOver.set(true));
        ChangeListener<Object> check = (obs, old, now) -> {
            if (load.loadedProperty().get() && statusWait.getStatus() != Animation.Status.RUNNING && !statusWaitOver.get()) {
                statusWait.play();
            }
            settle(load, statusChecked.get() || statusWaitOver.get(), showcase, staged, stage, png, captured);
        };
        load.loadedProperty().addListener(check);
        load.loadErrorProperty().addListener(check);
        statusChecked.addListener(check);
        statusWaitOver.addListener(check);
        check.changed(null, null, null);
        PauseTransition deadline = new PauseTransition(javafx.util.Duration.millis(timeout.toMillis()));
        deadline.setOnFinished(event -> captured.complete(new SnapshotResult(SnapshotResult.LOAD_FAILED,
                "View '" + view + "' did not finish loading within " + timeout.toSeconds() + " s")));
        deadline.play();
        captured.whenComplete((result, error) -> {
            deadline.stop();
            statusWait.stop();
            load.loadedProperty().removeListener(check);
            load.loadErrorProperty().removeListener(check);
            statusChecked.removeListener(check);
            window.shell().requestClose(() -> outcome.complete(result));
        });
        return outcome;
    }

    private static void settle(PageLoad load, boolean statusKnown, PageShowcase showcase, BooleanProperty staged,
                               Stage stage, Path png, CompletableFuture<SnapshotResult> captured) {
        if (captured.isDone()) {
            return;
        }
        String error = load.loadErrorProperty().get();
        if (error != null && !error.isEmpty()) {
            captured.complete(new SnapshotResult(SnapshotResult.LOAD_FAILED, "The view failed to load: " + error));
            return;
        }
        if (load.loadedProperty().get() && statusKnown && !staged.get()) {
            staged.set(true);
            showcase.stage(stage.getScene(), load).whenComplete((shown, failure) -> {
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    captured.complete(new SnapshotResult(SnapshotResult.LOAD_FAILED,
                            "The page could not be shown at work: " + cause.getMessage()));
                    return;
                }
                PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(SETTLE.toMillis()));
                pause.setOnFinished(event -> {
                    if (!captured.isDone()) {
                        SnapshotResult written = write(stage, png);
                        captured.complete(shown.isEmpty() || written.exitCode() != SnapshotResult.WRITTEN ? written
                                : new SnapshotResult(written.exitCode(), written.message() + ", " + shown));
                    }
                });
                pause.play();
            });
        }
    }

    private static SnapshotResult write(Stage stage, Path png) {
        WritableImage image = stage.getScene().snapshot(null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(buffered, "png", png.toFile())) {
                return new SnapshotResult(SnapshotResult.LOAD_FAILED, "No PNG writer available");
            }
        } catch (IOException e) {
            return new SnapshotResult(SnapshotResult.LOAD_FAILED, "Cannot write " + png + ": " + e.getMessage());
        }
        return new SnapshotResult(SnapshotResult.WRITTEN, "Wrote " + png + " (" + buffered.getWidth() + "x"
                + buffered.getHeight() + ")");
    }

    /**
     * Without a display, JavaFX runs on Monocle's headless platform with software rendering; call
     * before the toolkit starts. Returns true when it switched to headless.
     */
    public static boolean configureHeadlessIfNoDisplay() {
        boolean display = present(System.getenv("DISPLAY")) || present(System.getenv("WAYLAND_DISPLAY"))
                || System.getProperty("os.name", "").toLowerCase().contains("win")
                || System.getProperty("os.name", "").toLowerCase().contains("mac");
        if (display || System.getProperty("glass.platform") != null) {
            return false;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", "1280x800-32");
        return true;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static void startToolkit() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        JavaFxClassPathWarning.silence();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        Platform.setImplicitExit(false);
        started.join();
    }
}
