package io.ringside.ui.cache;

import static io.ringside.ui.testing.OnFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.data.cache.CoherenceReport;
import io.ringside.core.data.cache.CoherenceState;
import io.ringside.core.data.cache.KeyCoherence;
import io.ringside.ui.testing.FakeCacheGateway;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.Fxml;
import io.ringside.ui.util.UiTaskExecutor;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Cache page's Coherence tab (its pane alone), headless, over a gateway that answers with a report. */
@ExtendWith(ApplicationExtension.class)
class CoherencePaneFxTest {

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final FakeCacheGateway gateway = new FakeCacheGateway();
    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        executor.shutdown();
    }

    @Test
    void checkShowsTheKeysAndEvictStaleRemovesTheStaleOne(FxRobot robot) throws TimeoutException {
        gateway.coherence = new CoherenceReport(List.of("pm25"), 200, List.of(
                new KeyCoherence("pm25", "pm25:Dongsi:2016", CoherenceState.FRESH, 20_000_000, List.of(), "366 days"),
                new KeyCoherence("pm25", "pm25:Tiantan:2016", CoherenceState.STALE, 21_000_000, List.of("2016-03-02"),
                        "1 day differs: 2016-03-02")));
        CacheViewModel viewModel = new CacheViewModel(gateway, executor, new FakeDialogService().answering(true),
                Clock.systemUTC());
        robot.interact(() -> {
            Scene scene = new Scene(Fxml.load("/fxml/cache/CoherencePane.fxml",
                    CacheView.register(new ControllerFactory(), viewModel)), 1200, 700);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            FreshStage.show(stage, scene);
        });
        Button evict = robot.lookup("#evictStaleButton").queryButton();
        assertTrue(onFx(evict::isDisabled), "nothing to evict before a check");

        Button check = robot.lookup("#checkButton").queryButton();
        robot.interact(check::fire);
        TableView<?> table = robot.lookup("#coherenceTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size()) == 2);
        assertFalse(onFx(evict::isDisabled));

        robot.interact(evict::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size()) == 1);
        assertEquals(List.of("check null 200", "evict 1"), gateway.actions);
        assertTrue(onFx(evict::isDisabled), "no stale key left");
    }
}
