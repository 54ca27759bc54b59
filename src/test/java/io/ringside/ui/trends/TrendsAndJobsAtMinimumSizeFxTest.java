package io.ringside.ui.trends;

import static io.ringside.ui.testing.OnFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.jobs.JobKind;
import io.ringside.core.jobs.JobRequest;
import io.ringside.core.jobs.JobState;
import io.ringside.core.jobs.JobUnit;
import io.ringside.core.jobs.ProgressEvent;
import io.ringside.ui.jobs.JobsView;
import io.ringside.ui.jobs.JobsViewModel;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FakeJobsGateway;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Trends and Jobs pages in the page area of a 1024x700 window (less the navigation rail), on
 * fake gateways: the Trends toolbar wraps instead of cutting "Load" to "Lo", the Jobs table, inside
 * the page's margins, shows "succeeded", "100%", "Errors", a table export's six-digit row counts and
 * rate, a running export's seven-digit ones and a running query export's count (no total, so no
 * "100%") whole (short, every digit on hover) without scrolling sideways, a job's details summary
 * and a long timeline entry whole, and a three-day chart labels each date once.
 */
@ExtendWith(ApplicationExtension.class)
class TrendsAndJobsAtMinimumSizeFxTest {

    /** A 1024 px window less the 176 px navigation rail and its border. */
    static final double PAGE_WIDTH = 1024 - 177;
    static final double PAGE_HEIGHT = 700 - 60;

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theTrendsToolbarWrapsAndTheChartLabelsEachDayOnce(FxRobot robot) throws Exception {
        TrendsViewModel viewModel = new TrendsViewModel(new FakeTrendsGateway(), new CurrentThreadTaskExecutor());
        // three days: left to itself, the axis put a tick every quarter or half day, dates twice
        viewModel.preset(List.of(), FakeTrendsGateway.FIRST, FakeTrendsGateway.FIRST.plusDays(2));
        show(robot, TrendsView.load(viewModel, new CurrentThreadTaskExecutor()));
        robot.interact(viewModel::activate);
        WaitForAsyncUtils.waitForFxEvents();

        snapshot(robot, "trends");
        Parent toolbar = robot.lookup("#trendsToolbar").queryAs(Parent.class);
        List<String> elided = onFx(() -> elided(toolbar));
        assertEquals(List.of(), elided, "controls whose text is cut");
        assertTrue(onFx(() -> within(toolbar, robot.lookup("#exportCsvButton").query())), "Export CSV inside the page");

        NumberAxis days = (NumberAxis) robot.lookup("#chart").queryAs(TrendChart.class).getXAxis();
        List<String> labels = onFx(() -> days.getTickMarks().stream()
                .map(tick -> days.getTickLabelFormatter().toString(tick.getValue())).toList());
        assertEquals(3, labels.size(), labels.toString());
        assertEquals(labels.stream().distinct().toList(), labels, "each date once");
    }

    @Test
    void theJobsTableShowsEveryColumnWhole(FxRobot robot) throws Exception {
        FakeJobsGateway gateway = new FakeJobsGateway();
        JobsViewModel viewModel = new JobsViewModel(gateway, new CurrentThreadTaskExecutor(), new FakeDialogService());
        show(robot, JobsView.load(viewModel, Optional::empty));
        robot.interact(() -> {
            viewModel.activate();
            UUID job = UUID.randomUUID();
            String file = "/data/sets/train-images-idx3-ubyte.gz";
            Instant at = Instant.parse("2026-12-01T12:00:00Z");
            gateway.emitRequest(new JobRequest(job, JobKind.LOAD_DATASET, List.of(file),
                    Map.of("name", "mnist-train"), "alice", at));
            gateway.emit(new ProgressEvent(job, 1, at, JobKind.LOAD_DATASET, List.of(file), "alice",
                    JobState.RUNNING, "write", JobUnit.BYTES, 1_000, 26_412_236, 2_641_223.6, 9.0, 0, List.of(),
                    null, null, ""));
            gateway.emit(new ProgressEvent(job, 2, at.plusSeconds(754), JobKind.LOAD_DATASET, List.of(file),
                    "alice", JobState.SUCCEEDED, "complete", JobUnit.BYTES, 26_412_236, 26_412_236, 2_641_223.6, null,
                    12_345, List.of(), null, null, ""));
            // a table export: row counts and a rate of six digits, wider than any byte figure
            UUID export = UUID.randomUUID();
            List<String> table = List.of("aqdata.pm25_hourly");
            gateway.emitRequest(new JobRequest(export, JobKind.EXPORT_TABLE, table, Map.of(), "alice", at));
            gateway.emit(new ProgressEvent(export, 1, at, JobKind.EXPORT_TABLE, table, "alice", JobState.RUNNING,
                    "export", JobUnit.ROWS, 247_864, 453_237, 117_345.0, 2.0, 0, List.of(), null, null, ""));
            gateway.emit(new ProgressEvent(export, 2, at.plusSeconds(4), JobKind.EXPORT_TABLE, table, "alice",
                    JobState.SUCCEEDED, "complete", JobUnit.ROWS, 420_768, 420_768, 122_279.0, null, 0, List.of(),
                    null, null, "exported 420,768 rows of aqdata.pm25_hourly to /home/alice/exports/pm25-hourly-export.csv"
                    + " (21,627,899 bytes)"));
            // a running export of seven-digit figures, an hour to go
            UUID big = UUID.randomUUID();
            gateway.emitRequest(new JobRequest(big, JobKind.EXPORT_TABLE, table, Map.of(), "alice", at));
            gateway.emit(new ProgressEvent(big, 1, at, JobKind.EXPORT_TABLE, table, "alice", JobState.RUNNING,
                    "export", JobUnit.ROWS, 1_234_567, 9_876_543, 2_345_678.9, 3_725.0, 1_234_567, List.of(), null,
                    null, ""));
            // a running query export: no total, so an indeterminate bar, the rows written and no "100%"
            UUID query = UUID.randomUUID();
            List<String> select = List.of("SELECT * FROM aqdata.pm25_hourly WHERE location = 'Delhi'");
            gateway.emitRequest(new JobRequest(query, JobKind.EXPORT_TABLE, select, Map.of(), "alice", at));
            gateway.emit(new ProgressEvent(query, 1, at, JobKind.EXPORT_TABLE, select, "alice", JobState.RUNNING,
                    "export", JobUnit.ROWS, 1_234_567, 0, 123_456.0, null, 0, List.of(), null, null,
                    "1,234,567 rows written, 98.7 MB"));
        });
        WaitForAsyncUtils.waitForFxEvents();

        snapshot(robot, "jobs");
        assertEquals(2, onFx(() -> robot.lookup(".jobs-percent").queryAll().stream()
                .filter(label -> "100%".equals(((Labeled) label).getText())).count()), "100% for the two jobs that ended");
        Parent table = robot.lookup("#jobTable").queryAs(Parent.class);
        List<String> elided = onFx(() -> elided(table));
        assertEquals(List.of(), elided, "header or cell text cut (Source, the free column, may be)");
        TableView<?> jobs = (TableView<?>) table;
        List<String> figures = onFx(() -> table.lookupAll(".table-cell").stream()
                .filter(cell -> cell instanceof TableCell<?, ?> shown && shown.getText() != null
                        && shown.getText().contains("M /"))
                .map(cell -> ((TableCell<?, ?>) cell).getText() + " | " + (((TableCell<?, ?>) cell).getTooltip() == null
                        ? "" : ((TableCell<?, ?>) cell).getTooltip().getText())).toList());
        robot.moveTo(robot.lookup(".table-cell").match(cell -> cell instanceof TableCell<?, ?> shown
                && "1.23M / 9.88M rows".equals(shown.getText())).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1,234,567 / 9,876,543 rows", onFx(() -> robot.lookup(".table-cell").match(
                cell -> cell instanceof TableCell<?, ?> shown && "1.23M / 9.88M rows".equals(shown.getText()))
                .<TableCell<?, ?>>query().getTooltip().getText()), "every digit on hover: " + figures);

        // the details of a job: every line of the summary shown, however little height the lists leave
        robot.interact(() -> jobs.getSelectionModel().select(jobs.getItems().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        Labeled summary = robot.lookup("#detailsSummary").queryAs(Labeled.class);
        assertTrue(onFx(() -> summary.getText().lines().count()) >= 2, onFx(summary::getText));
        assertEquals(onFx(summary::getText), onFx(() -> ((Text) summary.lookup(".text")).getText()),
                "the details' summary whole");
        robot.interact(() -> jobs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        Parent timeline = robot.lookup("#timeline").queryAs(Parent.class);
        List<String> cut = onFx(() -> timeline.lookupAll(".text").stream()
                .filter(node -> node instanceof Text shown && shown.getParent() instanceof Labeled cell
                        && cell.getText() != null && !shown.getText().equals(cell.getText()))
                .map(node -> ((Text) node).getText()).toList());
        assertEquals(List.of(), cut, "timeline lines wrapped whole");

        // a job that has only started: "starting" beside an empty bar, whole at this width
        robot.interact(() -> gateway.emit(new ProgressEvent(UUID.randomUUID(), 1, Instant.parse("2026-12-01T12:30:00Z"),
                JobKind.LOAD_DATASET, List.of("/data/sets/t10k-images-idx3-ubyte.gz"), "alice", JobState.RUNNING,
                "start", JobUnit.BYTES, 0, 0, null, null, 0, List.of(), null, null, null)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, onFx(() -> robot.lookup(".jobs-percent").queryAll().stream()
                .filter(label -> "starting".equals(((Labeled) label).getText())).count()), "the started job says so");
        assertEquals(List.of(), onFx(() -> elided(table)), "no text cut with a starting job");
        double columns = onFx(() -> jobs.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum());
        assertTrue(columns <= onFx(jobs::getWidth), "every column inside the table, none behind a scroll bar: "
                + columns + " of " + onFx(jobs::getWidth) + ": " + onFx(() -> jobs.getVisibleLeafColumns().stream()
                        .map(c -> c.getText() + " " + c.getWidth()).toList()));
    }

    private void show(FxRobot robot, Parent page) {
        robot.interact(() -> {
            // the console's own theme: its fonts and paddings decide what fits (MainWindow sets the same)
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                    .getUserAgentStylesheet());
            Scene scene = new Scene(page, PAGE_WIDTH, PAGE_HEIGHT);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            FreshStage.show(stage, scene);
        });
    }

    /** The texts shown cut ("Lo…") under {@code root}: a control's displayed text against its own. */
    private static List<String> elided(Parent root) {
        List<String> cut = new ArrayList<>();
        for (Node node : root.lookupAll(".text")) {
            if (node instanceof Text shown && node.isVisible() && shown.getParent() instanceof Labeled labeled
                    && labeled.getText() != null && !labeled.getText().isEmpty()
                    && !shown.getText().equals(labeled.getText()) && !labeled.isWrapText() && !freeColumn(labeled)) {
                cut.add(labeled.getText() + " shown as " + shown.getText());
            }
        }
        return cut;
    }

    /** The Jobs table's Source cells take what the other columns leave: a long name is cut there, whole on hover. */
    private static boolean freeColumn(Labeled labeled) {
        return labeled instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                && "sourceColumn".equals(cell.getTableColumn().getId());
    }

    private static boolean within(Parent container, Node node) {
        Bounds outer = container.localToScene(container.getLayoutBounds());
        Bounds inner = node.localToScene(node.getLayoutBounds());
        return outer.contains(inner.getMinX(), inner.getMinY()) && outer.contains(inner.getMaxX() - 1, inner.getMaxY() - 1)
                && inner.getMaxX() <= PAGE_WIDTH;
    }

    private void snapshot(FxRobot robot, String page) {
        String folder = System.getProperty("ringside.test.snapshots");
        if (folder == null) {
            return;
        }
        robot.interact(() -> {
            try {
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(
                        stage.getScene().snapshot(null), null), "png", new java.io.File(folder, page + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
