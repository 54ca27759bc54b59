package io.ringside.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ringside.testing.TempFolders;
import io.ringside.ui.settings.ConsolePreferences;
import io.ringside.ui.settings.ConsoleSettings;
import io.ringside.ui.settings.WindowPlacement;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FakeStackGateway;
import io.ringside.ui.theme.Theme;
import io.ringside.ui.util.UiTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The console's window opens where it was closed, with its split panes divided as they were. */
@ExtendWith(ApplicationExtension.class)
class WindowMemoryFxTest {

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final Path data = TempFolders.create("ringside-window-test");
    private final AtomicBoolean exited = new AtomicBoolean();
    private MainWindow window;
    private Stage stage;

    @Start
    void showWindow(Stage stage) {
        this.stage = stage;
        new ConsolePreferences(data).save(new ConsolePreferences.Values(1, Theme.LIGHT, "local",
                new WindowPlacement(40, 30, 1100, 720, false, Map.of("stack/0", List.of(0.7)))));
        window = new MainWindow(new ConsoleSettings(data, "local", false, "stack"), new FakeStackGateway(), executor,
                new FakeDialogService());
        window.rememberProfile();
        window.show(stage, () -> exited.set(true));
    }

    @AfterEach
    void close() {
        executor.shutdown();
        TempFolders.deleteQuietly(data);
    }

    @Test
    void boundsAndDividersComeBackAndAreSavedOnClose(FxRobot robot) throws TimeoutException {
        assertEquals(40, stage.getX());
        assertEquals(30, stage.getY());
        assertEquals(1100, stage.getWidth());
        assertEquals(720, stage.getHeight());
        assertEquals(MainWindow.MIN_WIDTH, stage.getMinWidth());
        SplitPane split = robot.from(stage.getScene().getRoot()).lookup(".split-pane").queryAs(SplitPane.class);
        assertEquals(0.7, split.getDividerPositions()[0], 0.01);

        robot.interact(() -> {
            split.setDividerPositions(0.4);
            stage.setX(60);
            stage.setWidth(1200);
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, exited::get);
        window.close();

        WindowPlacement saved = new ConsolePreferences(data).load().window();
        assertEquals(60, saved.x());
        assertEquals(30, saved.y());
        assertEquals(1200, saved.width());
        assertFalse(saved.maximized());
        assertEquals(0.4, saved.dividers().get("stack/0").get(0), 0.01);
        assertEquals("local", new ConsolePreferences(data).load().lastProfile(), "the other preferences are kept");
    }
}
