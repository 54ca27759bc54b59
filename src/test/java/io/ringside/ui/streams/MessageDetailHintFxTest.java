package io.ringside.ui.streams;

import static io.ringside.ui.testing.OnFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.ui.testing.FakeStreamsGateway;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.Fxml;
import io.ringside.ui.util.UiTaskExecutor;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The detail panes of the Messages and Live tail tabs, at the page size of a 1024x700 window, say
 * what they are for until a message is selected (empty, they looked broken), and show the message
 * once one is.
 */
@ExtendWith(ApplicationExtension.class)
class MessageDetailHintFxTest {

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final StreamsViewModel viewModel = new StreamsViewModel(new FakeStreamsGateway(), executor);
    private Stage stage;
    private Parent page;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(viewModel::deactivate);
        executor.shutdown();
    }

    @Test
    void theMessagesTabSaysWhatItsDetailPanesAreFor(FxRobot robot) throws Exception {
        show(robot);
        select(robot, "Messages");
        TextArea detail = robot.lookup("#resultDetail").queryAs(TextArea.class);
        Label tree = robot.lookup("#resultJsonHint").queryAs(Label.class);
        assertEquals("Select a message to see its key, headers and value", onFx(() -> shownPrompt(detail)));
        assertTrue(onFx(tree::isVisible), "the JSON tree's pane says what it is for");
        assertEquals("Select a message to see its value as a tree", onFx(tree::getText));

        robot.interact(() -> {
            viewModel.messages().topicProperty().set("pm25-readings");
            viewModel.messages().partitionProperty().set("0");
            viewModel.messages().browseNewest();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !viewModel.messages().results().isEmpty());
        TableView<?> table = robot.lookup("#resultTable").queryAs(TableView.class);
        // the grid takes a first result in steps, a pulse each
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !table.getItems().isEmpty()));
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        String shown = onFx(detail::getText);
        assertTrue(shown.contains("7f3c9a2e"), shown);
        assertEquals("", onFx(() -> shownPrompt(detail)), "no hint over a message");
        assertFalse(onFx(tree::isVisible), "the tree, not its hint");
    }

    @Test
    void theLiveTailSaysWhatItsDetailPaneIsFor(FxRobot robot) throws Exception {
        show(robot);
        select(robot, "Live tail");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !viewModel.tail().isEmpty());
        TextArea detail = robot.lookup("#tailDetail").queryAs(TextArea.class);
        assertEquals("Select a message to see its key and value", onFx(() -> shownPrompt(detail)));

        TableView<?> table = robot.lookup("#tailTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        String shown = onFx(detail::getText);
        assertTrue(shown.contains("key: 7f3c9a2e"), shown);
        assertEquals("", onFx(() -> shownPrompt(detail)), "no hint over a message");
    }

    private void show(FxRobot robot) {
        robot.interact(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                    .getUserAgentStylesheet());
            page = Fxml.load(StreamsView.FXML, new ControllerFactory()
                    .register(StreamsView.class, () -> new StreamsView(viewModel)));
            Scene scene = new Scene(page, 1024 - 177, 700 - 60);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            FreshStage.show(stage, scene);
            viewModel.activate();
        });
    }

    private void select(FxRobot robot, String tab) {
        robot.interact(() -> {
            TabPane tabs = (TabPane) page.lookup(".tab-pane");
            tabs.getTabs().stream().filter(t -> t.getText().startsWith(tab)).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
            page.applyCss();
            page.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The prompt text the text area draws, "" when it draws none (its skin's text node, shown). */
    private static String shownPrompt(TextArea area) {
        if (area.getPromptText() == null || area.getPromptText().isEmpty()) {
            return "";
        }
        for (Node node : area.lookupAll(".text")) {
            if (node instanceof Text text && area.getPromptText().equals(text.getText()) && shown(text, area)) {
                return text.getText();
            }
        }
        return "";
    }

    private static boolean shown(Node node, Node top) {
        for (Node up = node; up != null && up != top; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
