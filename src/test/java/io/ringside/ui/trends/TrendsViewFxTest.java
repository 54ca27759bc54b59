package io.ringside.ui.trends;

import static io.ringside.ui.testing.OnFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.Backends;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.pm25.Pm25ImportOptions;
import io.ringside.core.data.pm25.Pm25Samples;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.UiTaskExecutor;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polygon;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Trends screen on the shared stack, headless: the built-in sample charted through the cache. */
@ExtendWith({SharedStack.class, ApplicationExtension.class})
class TrendsViewFxTest {

    private static final String SAMPLE = "Hyderabad US Consulate, India (हैदराबाद अमेरिकी वाणिज्य दूतावास)";

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private Stage stage;
    private Backends backends;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        executor.shutdown();
        if (backends != null) {
            backends.close();
        }
    }

    @Test
    void theChartDrawsTheSampleSeriesWithItsBandAndSummary(TestStack stack, FxRobot robot) throws Exception {
        backends = stack.backends();
        new DataServices(backends).pm25Importer().run(List.of(Pm25Samples.daily()), Pm25ImportOptions.defaults(),
                p -> { });
        TrendsViewModel viewModel = new TrendsViewModel(new CacheTrendsGateway(() -> backends, stack.dataFolder()), executor);
        viewModel.preset(List.of(SAMPLE), null, null);
        robot.interact(() -> {
            Scene scene = new Scene(TrendsView.load(viewModel, executor), 1200, 800);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            FreshStage.show(stage, scene);
            viewModel.activate();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel.loadedProperty().get());
        assertEquals("", viewModel.loadErrorProperty().get());
        TrendChart chart = robot.lookup("#chart").queryAs(TrendChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !chart.getData().isEmpty()));

        XYChart.Series<Number, Number> series = onFx(() -> chart.getData().get(0));
        assertEquals(SAMPLE, series.getName());
        assertEquals(9, onFx(() -> series.getData().size()));
        assertEquals(LocalDate.of(2025, 3, 2).toEpochDay(), onFx(() -> series.getData().get(0).getXValue().longValue()));
        Node line = onFx(series::getNode);
        try { // the chart lays the line out on a later pulse than the one that set its data
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> onFx(() -> line.isVisible() && line.getBoundsInParent().getWidth() > 100));
        } catch (TimeoutException notDrawn) {
            throw new AssertionError("the line is drawn across the plot", notDrawn);
        }
        Polygon band = robot.lookup(".min-max-band").queryAs(Polygon.class);
        assertEquals(9 * 4, onFx(() -> band.getPoints().size()), "min/max band: 9 days up and back");
        assertTrue(robot.lookup(".aqi-band").queryAll().size() >= 6);
        VBox summary = robot.lookup("#summaryBox").queryAs(VBox.class);
        List<String> lines = onFx(() -> summary.getChildren().stream().map(shown -> ((Label) shown).getText()).toList());
        assertEquals(SAMPLE, lines.get(0), "the location on a line of its own");
        assertTrue(lines.get(1).startsWith("9 days · mean"), lines.toString());
        assertTrue(viewModel.cacheStatusProperty().get().startsWith("Last load: "), viewModel.cacheStatusProperty().get());
    }
}
