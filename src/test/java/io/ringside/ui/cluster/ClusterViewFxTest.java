package io.ringside.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import io.ringside.core.cassandra.CassandraServices;
import io.ringside.core.cassandra.RowPage;
import io.ringside.core.cassandra.ScratchTables;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.UiTaskExecutor;
import io.ringside.ui.util.ValueCell;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Cluster screen on the shared stack's real Cassandra, headless: the tree and the pager. */
@ExtendWith({SharedStack.class, ApplicationExtension.class})
class ClusterViewFxTest {

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private Stage stage;
    private CqlSession session;
    private ClusterViewModel viewModel;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void showClusterView(TestStack stack, FxRobot robot) {
        session = stack.cql();
        ScratchTables.create(session);
        viewModel = new ClusterViewModel(new CassandraClusterGateway(new CassandraServices(() -> session)), executor);
        robot.interact(() -> {
            Scene scene = new Scene(ClusterView.load(viewModel), 1200, 800);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            FreshStage.show(stage, scene);
            viewModel.activate();
        });
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(viewModel::deactivate);
        executor.shutdown();
        session.close();
    }

    @Test
    void treeShowsUserKeyspacesWithTablesAndColumnsAndSystemKeyspacesApart(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.loadedProperty().get());
        TreeView<SchemaTreeEntry> tree = robot.lookup("#schemaTree").query();

        List<String> top = onFx(() -> tree.getRoot().getChildren().stream().map(i -> i.getValue().label()).toList());
        TreeItem<SchemaTreeEntry> scratch = child(tree.getRoot(), ScratchTables.KEYSPACE);
        TreeItem<SchemaTreeEntry> readings = child(scratch, "readings");
        TreeItem<SchemaTreeEntry> system = child(tree.getRoot(), SchemaTree.SYSTEM_GROUP);

        assertEquals(SchemaTree.SYSTEM_GROUP, top.get(top.size() - 1), "system keyspaces are grouped last: " + top);
        assertTrue(top.contains(ScratchTables.KEYSPACE), top.toString());
        assertTrue(scratch.isExpanded());
        assertEquals(List.of("site  text · partition key", "day  int · partition key", "seq  int · clustering",
                "unit  text · static", "note  text", "payload  blob"),
                readings.getChildren().stream().map(i -> i.getValue().toString()).toList());
        assertTrue(system.getChildren().stream().map(i -> i.getValue().label()).toList()
                .containsAll(List.of("system", "system_schema", "system_views")));
        assertTrue(child(child(system, "system_views"), "thread_pools").getValue().toString().contains("virtual"));

        robot.interact(() -> tree.getSelectionModel().select(readings));
        TextArea ddl = robot.lookup("#ddlText").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ddl.getText().startsWith("CREATE TABLE browser_test.readings"));
        Label estimate = robot.lookup("#estimate").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> estimate.getText().startsWith("Estimated rows: "));
    }

    @Test
    void pagingForwardAndBackShowsTheSameRowsInTheGrid(FxRobot robot) throws TimeoutException {
        TableView<RowPage.Row> grid = showReadings(robot);
        Label position = robot.lookup("#positionText").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> grid.getItems().size() == 25);
        assertEquals(6, grid.getColumns().size());
        List<Object> firstPage = keys(robot, grid);

        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> position.getText().startsWith("Page 2"));
        assertEquals(ScratchTables.NORTH_ROWS + ScratchTables.SOUTH_ROWS - 25, grid.getItems().size());
        assertTrue(position.getText().endsWith("(last page)"), position.getText());
        assertNotEquals(firstPage, keys(robot, grid));

        robot.clickOn("#previousButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> position.getText().startsWith("Page 1"));
        assertEquals(firstPage, keys(robot, grid));
        assertTrue(robot.lookup("#previousButton").queryButton().isDisabled());
        assertTrue(robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(cell -> cell.getPseudoClassStates().contains(ValueCell.BLOB_VALUE)), "blob cells are marked as such");
        assertEquals(25, robot.lookup("#pageSizeChooser").queryComboBox().getValue());
    }

    /**
     * The cell detail takes no room from the rows until a cell is chosen; chosen in the grid's last
     * wholly shown row, it shows the whole value and that row stays in view above it.
     */
    @Test
    void cellDetailShowsOnlyForAChosenCellAndKeepsItsRowInView(FxRobot robot) throws TimeoutException {
        TableView<RowPage.Row> grid = showReadings(robot);
        TextArea detail = robot.lookup("#detailText").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> grid.getItems().size() == 25);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(detail::isManaged), "no detail box before a cell is chosen");
        int last = onFx(() -> lastWhollyShownRow(grid));
        assertTrue(last > 0 && last < 24, "the page is longer than the grid: last row shown " + last);

        robot.interact(() -> grid.getSelectionModel().select(last, grid.getColumns().get(0)));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> detail.isVisible()
                && !detail.getText().isEmpty() && firstShownRow(grid) <= last && lastWhollyShownRow(grid) >= last));
    }

    private static int firstShownRow(TableView<?> grid) {
        return ((VirtualFlow<?>) grid.lookup(".virtual-flow")).getFirstVisibleCell().getIndex();
    }

    /** The last row whose whole height is inside the grid's viewport. */
    private static int lastWhollyShownRow(TableView<?> grid) {
        VirtualFlow<?> flow = (VirtualFlow<?>) grid.lookup(".virtual-flow");
        Region viewport = (Region) flow.lookup(".clipped-container");
        double bottom = viewport.localToScene(0, viewport.getHeight()).getY();
        int last = -1;
        for (int i = flow.getFirstVisibleCell().getIndex(); i <= flow.getLastVisibleCell().getIndex(); i++) {
            IndexedCell<?> cell = flow.getVisibleCell(i);
            if (cell != null && cell.localToScene(0, cell.getHeight()).getY() <= bottom + 0.5) {
                last = i;
            }
        }
        return last;
    }

    /** Selects the scratch table of readings, 25 rows a page; returns the row grid. */
    private TableView<RowPage.Row> showReadings(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.loadedProperty().get());
        TreeView<SchemaTreeEntry> tree = robot.lookup("#schemaTree").query();
        robot.interact(() -> {
            viewModel.rows().setPageSize(25);
            tree.getSelectionModel().select(child(child(tree.getRoot(), ScratchTables.KEYSPACE), "readings"));
        });
        return robot.lookup("#rowTable").query();
    }

    private static List<Object> keys(FxRobot robot, TableView<RowPage.Row> grid) {
        return onFx(() -> grid.getItems().stream().map(row -> (Object) row.primaryKey()).toList());
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading the scene failed", e);
        }
    }

    private static TreeItem<SchemaTreeEntry> child(TreeItem<SchemaTreeEntry> parent, String label) {
        return parent.getChildren().stream().filter(i -> i.getValue().label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " under " + parent.getValue().label()));
    }
}
