package io.ringside.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A node chart before its first sample: its axes show the window ending now and values 0 to 1,
 * not the axes' defaults (0-100 "minutes", clock times of 1970, values to 100). Headless, no servers.
 * With {@code -Dringside.layout.png=DIR} it also writes the chart's PNG there, to look at.
 */
@ExtendWith(ApplicationExtension.class)
class NodeChartFxTest {

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void beforeTheFirstSampleTheAxesShowTheWindowEndingNowAndZeroToOne(FxRobot robot) throws IOException {
        ObservableList<NodeSample> samples = FXCollections.observableArrayList();
        NodeChart[] chart = new NodeChart[1];
        double before = NodeChart.minutes(Instant.now());
        robot.interact(() -> {
            chart[0] = new NodeChart("pendingChart", "Pending tasks", samples,
                    List.of(new NodeChart.Line("pending", NodeSample::pendingTasks)));
            chart[0].showLabels();
            chart[0].showLines();
            Scene scene = new Scene(new StackPane(chart[0].chart()), 400, 260);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            FreshStage.show(stage, scene);
        });
        double after = NodeChart.minutes(Instant.now());
        NumberAxis time = (NumberAxis) chart[0].chart().getXAxis();
        NumberAxis values = (NumberAxis) chart[0].chart().getYAxis();

        assertTrue(time.getUpperBound() >= before && time.getUpperBound() <= after + NodeChart.TICK_MINUTES,
                "the time axis ends now: " + time.getLowerBound() + " to " + time.getUpperBound() + ", now " + after);
        assertEquals(NodeChart.WINDOW_MINUTES, time.getUpperBound() - time.getLowerBound(), 1e-9);
        assertEquals(0, values.getLowerBound());
        assertEquals(1, values.getUpperBound());
        String folder = System.getProperty("ringside.layout.png");
        if (folder != null) {
            Files.createDirectories(Path.of(folder));
            robot.interact(() -> {
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(chart[0].chart().snapshot(null, null), null), "png",
                            Path.of(folder, "node-chart-no-sample.png").toFile());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
