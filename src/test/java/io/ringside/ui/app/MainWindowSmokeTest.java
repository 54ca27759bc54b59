package io.ringside.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.stack.StackEvent.Phase;
import io.ringside.core.stack.StackException;
import io.ringside.testing.TempFolders;
import io.ringside.ui.settings.ConsolePreferences;
import io.ringside.ui.settings.ConsoleSettings;
import io.ringside.ui.stack.ServerRow;
import io.ringside.ui.stack.ServerStatus;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FakeStackGateway;
import io.ringside.ui.testing.StackStates;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.theme.Theme;
import io.ringside.ui.util.UiTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowSmokeTest {

    private final FakeStackGateway gateway = new FakeStackGateway();
    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final AtomicBoolean exited = new AtomicBoolean();
    private final Path data = TempFolders.create("ringside-shell-test");
    private Stage stage;

    @Start
    void showWindow(Stage stage) {
        this.stage = stage;
        ConsoleSettings settings = new ConsoleSettings(data, "local", false, "stack");
        new MainWindow(settings, gateway, executor, new FakeDialogService()).show(stage, () -> exited.set(true));
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdown();
        TempFolders.deleteQuietly(data);
    }

    @Test
    void showsNavigationRailAndOneRowPerServerWithoutStartingAnything(FxRobot robot) throws TimeoutException {
        awaitButtonEnabled(robot, "Start");

        assertEquals(MainWindow.TITLE, stage.getTitle());
        Button localStack = robot.lookup("#nav-stack").queryButton();
        assertEquals("Local stack", localStack.getText());
        assertTrue(localStack.getStyleClass().contains(Styles.ACTIVE));
        List<Button> rail = robot.lookup("#navItems ." + Styles.NAV_ITEM).queryAllAs(Button.class).stream().toList();
        assertEquals(List.of("Local stack", "Cluster", "Cache", "Jobs", "Trends", "Streams", "CQL", "Welcome"),
                rail.stream().map(Button::getText).toList());
        assertFalse(rail.get(1).getStyleClass().contains(Styles.NAV_LATER), "the Cluster page is built");
        assertTrue(rail.stream().noneMatch(button -> button.getStyleClass().contains(Styles.NAV_LATER)),
                "every page is built");

        TableView<ServerRow> table = robot.lookup("#servers").queryTableView();
        assertEquals(List.of("cassandra-1", "kafka", "redis"), table.getItems().stream().map(ServerRow::getName).toList());
        Set<String> renderedNames = robot.lookup("#servers .table-cell").queryAllAs(TableCell.class).stream()
                .map(TableCell::getText)
                .filter(Objects::nonNull)
                .filter(Set.of("cassandra-1", "kafka", "redis")::contains)
                .collect(Collectors.toSet());
        assertEquals(Set.of("cassandra-1", "kafka", "redis"), renderedNames, "rows are rendered, not only modelled");
        assertEquals(0, gateway.startCalls.get());
        assertTrue(robot.lookup("#dataFolder").queryLabeled().getText().contains(data.toString()));
    }

    @Test
    void ctrlDigitShowsThePageOfThatRailPosition(FxRobot robot) throws TimeoutException {
        awaitButtonEnabled(robot, "Start");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#cacheView").tryQuery()
                .map(Node::isVisible).orElse(false));
        assertTrue(robot.lookup("#nav-cache").queryButton().getStyleClass().contains(Styles.ACTIVE));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#servers").tryQuery().isPresent());
    }

    @Test
    void darkThemeIsAppliedAndRemembered(FxRobot robot) throws TimeoutException {
        awaitButtonEnabled(robot, "Dark theme");

        robot.clickOn("Dark theme");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> stage.getScene().getStylesheets().stream()
                .anyMatch(sheet -> sheet.endsWith(Styles.DARK_STYLESHEET)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> new ConsolePreferences(data).load().theme() == Theme.DARK);
        awaitButtonEnabled(robot, "Light theme");
    }

    @Test
    void statusBarShowsEachBackendWithTheReasonItIsDown(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#backend-redis").tryQuery()
                .map(node -> node.getStyleClass().contains(Styles.BAD)).orElse(false));
        Label redis = robot.lookup("#backend-redis").queryAs(Label.class);
        assertTrue(redis.getTooltip().getText().contains("not running"), redis.getTooltip().getText());
        assertEquals(3, robot.lookup("." + Styles.BACKEND_STATE).queryAll().size());
    }

    @Test
    void startBringsEveryRowToReady(FxRobot robot) throws TimeoutException {
        awaitButtonEnabled(robot, "Start");

        robot.clickOn("Start");

        TableView<ServerRow> table = robot.lookup("#servers").queryTableView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().stream()
                .allMatch(row -> row.getStatus() == ServerStatus.READY));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".badge.ok").queryAll().size() == 3);
        assertEquals(1, gateway.startCalls.get());
        ListView<String> log = robot.lookup("#eventLog").queryListView();
        assertTrue(log.getItems().stream().anyMatch(line -> line.contains("redis") && line.contains("ready")));
    }

    @Test
    void closingStopsTheStackThisWindowStarted(FxRobot robot) throws TimeoutException {
        awaitButtonEnabled(robot, "Start");
        robot.clickOn("Start");
        awaitButtonEnabled(robot, "Stop…");

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, exited::get);
        assertEquals(1, gateway.stopOwnCalls.get());
    }

    @Test
    void startFailureShowsTheErrorBanner(FxRobot robot) throws TimeoutException {
        gateway.onStart(listener -> {
            listener.onEvent(StackStates.event("kafka", Phase.FAILED, "kafka exited"));
            throw new StackException("The local stack did not start.\nkafka exited with code 1");
        });
        awaitButtonEnabled(robot, "Start");

        robot.clickOn("Start");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#errorBanner").query().isVisible());
        assertEquals("The local stack did not start", robot.lookup("#errorTitle").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#errorMessage").queryTextInputControl().getText().contains("kafka exited with code 1"));
    }

    @Test
    void aRunningStartIsListedInTheStatusBarUntilItEnds(FxRobot robot) throws TimeoutException {
        CountDownLatch release = new CountDownLatch(1);
        gateway.onStart(listener -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeStackGateway.startsEverything(listener);
        });
        awaitButtonEnabled(robot, "Start");
        // Looked up once, before the start's progress window opens and closes: a lookup walks the
        // open windows from the test thread and can meet that list while the FX thread changes it.
        Labeled taskCount = robot.lookup("#taskCount").queryLabeled();

        robot.clickOn("Start");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, taskCount::isVisible);
        assertEquals("Starting the local stack", taskCount.getText());
        release.countDown();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !taskCount.isVisible());
    }

    private static void awaitButtonEnabled(FxRobot robot, String text) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".button").queryAllAs(Button.class).stream()
                .anyMatch(button -> text.equals(button.getText()) && !button.isDisabled()));
    }
}
