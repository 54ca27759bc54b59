package io.ringside.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
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
 * With {@code -Dringside.layout.png=DIR} it also writes the charts' PNGs there, to look at.
 */
@ExtendWith(ApplicationExtension.class)
class NodeChartFxTest {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void beforeTheFirstSampleTheAxesShowTheWindowEndingNowAndZeroToOne(FxRobot robot) throws IOException {
        ObservableList<NodeSample> samples = FXCollections.observableArrayList();
        NodeChart[] chart = new NodeChart[1];
        double before = TimeAxisSpan.minutes(Instant.now());
        robot.interact(() -> chart[0] = shown(samples));
        double after = TimeAxisSpan.minutes(Instant.now());
        NumberAxis time = (NumberAxis) chart[0].chart().getXAxis();
        NumberAxis values = (NumberAxis) chart[0].chart().getYAxis();

        assertTrue(time.getUpperBound() >= before && time.getUpperBound() <= after + NodeChart.TICK_MINUTES,
                "the time axis ends now: " + time.getLowerBound() + " to " + time.getUpperBound() + ", now " + after);
        assertEquals(NodeChart.WINDOW_MINUTES, time.getUpperBound() - time.getLowerBound(), 1e-9);
        assertEquals(0, values.getLowerBound());
        assertEquals(1, values.getUpperBound());
        savePng(robot, chart[0], "node-chart-no-sample.png");
    }

    @Test
    void aNewNodesLineStartsAtTheLeftEdgeAndTheAxisGrowsWithIt(FxRobot robot) throws IOException {
        Instant first = Instant.parse("2026-12-07T10:37:23Z");
        ObservableList<NodeSample> samples = FXCollections.observableArrayList(sample(first));
        NodeChart[] chart = new NodeChart[1];
        robot.interact(() -> chart[0] = shown(samples));
        NumberAxis time = (NumberAxis) chart[0].chart().getXAxis();

        robot.interact(() -> {
            for (int seconds = 5; seconds <= 180; seconds += 5) {
                samples.add(sample(first.plusSeconds(seconds)));
            }
        });
        robot.interact(() -> chart[0].chart().layout());

        double left = time.getDisplayPosition(TimeAxisSpan.minutes(first));
        double right = time.getDisplayPosition(TimeAxisSpan.minutes(first.plusSeconds(180)));
        assertEquals(0, left, 0.5, "the first sample at the left edge, not in a window ending at the next even minute: "
                + time.getLowerBound() + " to " + time.getUpperBound());
        assertTrue(right <= time.getWidth() && time.getUpperBound() - TimeAxisSpan.minutes(first.plusSeconds(180))
                <= TimeAxisSpan.STEP_MINUTES, "the latest sample near the right edge: " + right + " of " + time.getWidth());
        assertEquals(labels(time, at(first, 37), at(first, 97), at(first, 157)), labels(time),
                "every whole minute labelled while the axis is short, not its bounds");

        robot.interact(() -> {
            for (int seconds = 185; seconds <= 480; seconds += 5) {
                samples.add(sample(first.plusSeconds(seconds)));
            }
        });
        robot.interact(() -> chart[0].chart().layout());
        assertEquals(0, time.getDisplayPosition(TimeAxisSpan.minutes(first)), 0.5, "still from the first sample");
        assertEquals(labels(time, at(first, 37), at(first, 157), at(first, 277), at(first, 397)), labels(time),
                "even minutes labelled once it is longer");
        savePng(robot, chart[0], "node-chart-eight-minutes.png");
    }

    /** With {@code -Dringside.layout.png=DIR}, writes the chart's PNG there. */
    private static void savePng(FxRobot robot, NodeChart chart, String name) throws IOException {
        String folder = System.getProperty("ringside.layout.png");
        if (folder == null) {
            return;
        }
        Files.createDirectories(Path.of(folder));
        robot.interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(chart.chart().snapshot(null, null), null), "png",
                        Path.of(folder, name).toFile());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static double at(Instant first, int seconds) {
        return TimeAxisSpan.minutes(first.plusSeconds(seconds));
    }

    /** The tick labels the axis shows, left to right. */
    private static List<String> labels(NumberAxis axis) {
        return axis.getChildrenUnmodifiable().stream().filter(node -> node instanceof Text && node.isVisible())
                .map(node -> (Text) node).filter(text -> !text.getText().isEmpty())
                .sorted(Comparator.comparingDouble(Text::getLayoutX)).map(Text::getText).toList();
    }

    /** The labels of these minutes, as the axis formats them. */
    private static List<String> labels(NumberAxis axis, double... minutes) {
        return Arrays.stream(minutes).mapToObj(minute -> CLOCK.format(LocalTime.ofInstant(
                Instant.ofEpochMilli(Math.round(minute * 60_000)), ZoneId.systemDefault()))).toList();
    }

    private NodeChart shown(ObservableList<NodeSample> samples) {
        NodeChart chart = new NodeChart("pendingChart", "Pending tasks", samples,
                List.of(new NodeChart.Line("pending", NodeSample::pendingTasks)));
        chart.showAxes();
        chart.showLabels();
        chart.showLines();
        Scene scene = new Scene(new StackPane(chart.chart()), 400, 260);
        scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
        FreshStage.show(stage, scene);
        return chart;
    }

    private static NodeSample sample(Instant at) {
        return new NodeSample(at, 1, 1, 1, 1, 3, 1);
    }
}
