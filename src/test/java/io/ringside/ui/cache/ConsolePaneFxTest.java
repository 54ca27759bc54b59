package io.ringside.ui.cache;

import static io.ringside.ui.testing.OnFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.Backends;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.redis.RedisCommandCatalog;
import io.ringside.core.redis.RedisServices;
import io.ringside.core.redis.ReplyLines;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.UiTaskExecutor;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Cache page's Console tab on the shared stack's real Redis, headless: type, complete, run, see replies. */
@ExtendWith({SharedStack.class, ApplicationExtension.class})
class ConsolePaneFxTest {

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final String key = "console-ui-" + UUID.randomUUID();
    private Stage stage;
    private Backends backends;
    private RedisServices services;
    private CacheViewModel viewModel;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void showConsoleTab(TestStack stack, FxRobot robot) {
        backends = stack.backends();
        services = new RedisServices(backends::redis,
                () -> new AuditLog(stack.dataFolder(), backends.kafkaProperties(), "test"), () -> false)
                .following(() -> backends);
        viewModel = new CacheViewModel(new RedisCacheGateway(services), executor,
                new FakeDialogService().answering(true), Clock.systemUTC());
        robot.interact(() -> {
            Scene scene = new Scene(CacheView.load(viewModel), 1200, 800);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            FreshStage.show(stage, scene);
            TabPane tabs = (TabPane) scene.lookup("#tabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("Console"))
                    .findFirst().orElseThrow());
        });
    }

    @AfterEach
    void close() {
        backends.redis().del(key);
        services.close();
        executor.shutdown();
        backends.close();
    }

    @Test
    void typedCommandsCompleteRunAndShowTheirRepliesWithErrorsStyledAsErrors(FxRobot robot) throws TimeoutException {
        TextArea input = robot.lookup("#input").query();
        ListView<ReplyLines.Line> transcript = robot.lookup("#transcript").query();
        ListView<RedisCommandCatalog.Completion> completions = robot.lookup("#completions").query();

        robot.interact(() -> viewModel.console().activate());
        robot.clickOn(input);
        robot.interact(() -> {
            input.setText("hgetal");
            input.positionCaret(input.getLength());
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            robot.interact(() -> viewModel.console().complete(input.getText()));
            return !onFx(() -> List.copyOf(completions.getItems())).isEmpty();
        });
        robot.type(KeyCode.TAB);
        assertEquals("HGETALL ", onFx(input::getText), "one candidate: Tab puts it in");

        robot.interact(() -> input.setText("SET " + key + " \"a b\"\nGET " + key + "\nINCR " + key));
        robot.interact(() -> input.positionCaret(input.getLength()));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> transcript.getItems().stream()
                .anyMatch(l -> l.kind() == ReplyLines.Kind.ERROR)));

        List<String> lines = onFx(() -> transcript.getItems().stream().map(ReplyLines.Line::text).toList());
        assertTrue(lines.contains("OK") && lines.contains("\"a b\""), lines.toString());
        // the row is styled once the list has laid its cells out, a pulse after the reply arrived
        robot.interact(() -> transcript.scrollTo(transcript.getItems().size() - 1));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup(".console-line-error").queryAll().size()) >= 1);
        assertEquals("", onFx(input::getText), "the input is cleared once it ran");

        robot.interact(() -> input.setText("FLUSHALL"));
        robot.type(KeyCode.ENTER);
        assertTrue(onFx(() -> viewModel.console().confirmationPromptProperty().get()).contains("Type FLUSHALL"),
                "asks for the name first; nothing was sent");
        assertEquals("\"a b\"", "\"" + backends.redis().get(key) + "\"", "the key is still there");
    }
}
