package io.ringside.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.BuildInfo;
import io.ringside.core.connect.ProfileStore;
import io.ringside.core.stack.StackEvent.Phase;
import io.ringside.core.stack.StackEvent;
import io.ringside.core.stack.StackException;
import io.ringside.testing.TempFolders;
import io.ringside.ui.settings.ConsolePreferences;
import io.ringside.ui.settings.ConsoleSettings;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FakeStackGateway;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.theme.Theme;
import io.ringside.ui.util.UiTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A console opened on a fresh data folder: welcome page first, Connections from there, About on F1,
 * the start-progress dialog while the stack starts.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunFxTest {

    private final FakeStackGateway gateway = new FakeStackGateway();
    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final Path data = TempFolders.create("ringside-first-run-test");

    @Start
    void showWindow(Stage stage) {
        new MainWindow(new ConsoleSettings(data, "local", false), gateway, executor, new FakeDialogService())
                .show(stage, () -> { });
    }

    @AfterEach
    void cleanUp() {
        executor.shutdown();
        TempFolders.deleteQuietly(data);
    }

    @Test
    void aFreshDataFolderOpensOnTheWelcomePageWhoseConnectButtonOpensTheConnectionsDialog(FxRobot robot)
            throws TimeoutException {
        assertFalse(Files.exists(data.resolve(ProfileStore.FILE)), "no profiles file: a first run");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#welcomeView").tryQuery()
                .map(Node::isVisible).orElse(false));
        assertTrue(robot.lookup("#nav-welcome").queryButton().getStyleClass().contains(Styles.ACTIVE));
        assertEquals(data.toAbsolutePath().toString(), robot.lookup("#welcomeDataFolder").queryLabeled().getText());

        robot.clickOn("#connectClusterButton");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, "Connections"));
        assertFalse(Files.exists(data.resolve(ProfileStore.FILE)), "opening the dialog stores no profile");
    }

    @Test
    void f1OpensTheAboutDialogWithTheBuildCommit(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#welcomeView").tryQuery().isPresent());

        robot.press(KeyCode.F1).release(KeyCode.F1);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, "About Ringside"));
        assertTrue(robot.lookup(".about-line").queryAllAs(Label.class).stream()
                        .anyMatch(label -> label.getText().contains("(build " + BuildInfo.commit() + ")")),
                "the About dialog names the build commit " + BuildInfo.commit());
        assertEquals(data.toAbsolutePath().toString(), robot.lookup("#aboutDataFolder").queryLabeled().getText());
    }

    @Test
    void startingTheStackShowsTheProgressDialogUntilEveryServerIsReady(FxRobot robot) throws TimeoutException {
        CountDownLatch release = new CountDownLatch(1);
        gateway.onStart(listener -> {
            listener.onEvent(new StackEvent("cassandra-1", Phase.RESOLVING, "downloading cassandra-all 5.0.9", 800));
            listener.onEvent(new StackEvent("kafka", Phase.STARTING, "launching process", 1200));
            listener.onEvent(new StackEvent("redis", Phase.READY, "ready (pid 4712)", 300));
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeStackGateway.startsEverything(listener);
        });
        robot.clickOn("#stackPageButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#startButton").tryQuery()
                .map(button -> !button.isDisabled()).orElse(false));

        robot.clickOn("#startButton");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, "Starting the local stack"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#startServers .badge").queryAll().stream()
                .map(node -> ((Label) node).getText()).toList().containsAll(List.of("resolving", "starting", "ready")));
        release.countDown();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !showing(robot, "Starting the local stack"));
    }

    @Test
    void aFailedStartKeepsTheDialogOpenWithTheReasonAndTheLogTail(FxRobot robot) throws TimeoutException {
        gateway.onStart(listener -> {
            listener.onEvent(new StackEvent("kafka", Phase.FAILED, "exited with code 1", 4100));
            throw new StackException("The local stack did not start; the servers that had started were stopped.\n"
                    + "kafka exited with code 1. Last lines of server.log:\n  ERROR Invalid cluster.id in meta.properties");
        });
        robot.clickOn("#stackPageButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#startButton").tryQuery()
                .map(button -> !button.isDisabled()).orElse(false));

        robot.clickOn("#startButton");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#startFailure").tryQuery()
                .map(Node::isVisible).orElse(false));
        assertTrue(robot.lookup("#startFailure").queryTextInputControl().getText().contains("ERROR Invalid cluster.id"));
        assertEquals("The local stack did not start", robot.lookup("#startTitle").queryLabeled().getText());
        assertEquals("Close", robot.lookup("#startCloseButton").queryButton().getText());

        robot.clickOn("#startCloseButton");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !showing(robot, "Starting the local stack"));
    }

    @Test
    void aDataFolderTheConsoleHasRunInBeforeIsNoFirstRun() {
        Path used = TempFolders.create("ringside-second-run-test");
        try {
            new ConsolePreferences(used).save(new ConsolePreferences.Values(1, Theme.LIGHT, "local"));
            MainWindow second = new MainWindow(new ConsoleSettings(used, "local", false), gateway, executor,
                    new FakeDialogService());

            assertFalse(second.firstRun());
        } finally {
            TempFolders.deleteQuietly(used);
        }
    }

    private static boolean showing(FxRobot robot, String title) {
        return robot.listWindows().stream().filter(Window::isShowing).filter(Stage.class::isInstance)
                .map(window -> ((Stage) window).getTitle()).anyMatch(title::equals);
    }
}
