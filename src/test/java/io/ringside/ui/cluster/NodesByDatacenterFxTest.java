package io.ringside.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.cassandra.NodeStatus;
import io.ringside.ui.testing.FakeClusterGateway;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import io.ringside.ui.util.SelectedTabContent;
import io.ringside.ui.util.StepsPerPulse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Nodes tab of a cluster in two data centres (three nodes as {@code stack up --nodes 3 --dcs 2}
 * places them, from a scripted gateway, no servers), at the smallest window: grouped by data centre,
 * rack by rack, with the local data centre first and marked, and a node lost in dc2 counted in its group.
 */
@ExtendWith(ApplicationExtension.class)
class NodesByDatacenterFxTest {

    private final FakeClusterGateway gateway = new FakeClusterGateway().inTwoDatacenters();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final ClusterViewModel cluster = new ClusterViewModel(gateway, executor);
    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theViewModelGroupsByDatacentreThenRackWithTheLocalOneFirst() {
        cluster.activate();

        List<DatacenterGroup> groups = cluster.nodes().groups();
        assertEquals("dc1", cluster.nodes().localDatacenterProperty().get());
        assertEquals(List.of("dc1", "dc2"), groups.stream().map(DatacenterGroup::datacenter).toList());
        assertTrue(groups.get(0).local());
        assertFalse(groups.get(1).local());
        assertEquals(List.of("rack1", "rack2"), groups.get(0).racks().stream().map(DatacenterGroup.Rack::rack).toList());
        assertEquals(List.of("127.0.0.1", "127.0.0.2"), addresses(groups.get(0).nodes()));
        assertEquals(List.of("127.0.0.3"), addresses(groups.get(1).nodes()));

        gateway.liveness.put(FakeClusterGateway.NODE_3, false);
        executor.runScheduled();

        groups = cluster.nodes().groups();
        assertEquals(2, groups.get(0).upCount());
        assertEquals(0, groups.get(1).upCount(), "the dc2 node seen down at the next liveness poll");
        cluster.deactivate();
    }

    @Test
    void withoutALocalDatacentreTheyAreByName() {
        List<NodeStatus> nodes = List.of(node("10.0.0.9", "west", "r1"), node("10.0.0.1", "east", "r2"),
                node("10.0.0.2", "east", "r1"), node("10.0.0.3", null, null));

        List<DatacenterGroup> groups = DatacenterGroup.of(nodes, null);

        assertEquals(List.of("?", "east", "west"), groups.stream().map(DatacenterGroup::datacenter).toList());
        assertEquals(List.of("10.0.0.2", "10.0.0.1"), addresses(groups.get(1).nodes()), "rack r1 before r2");
        assertTrue(groups.stream().noneMatch(DatacenterGroup::local));
        assertEquals(List.of("west", "?", "east"), DatacenterGroup.of(nodes, "west").stream()
                .map(DatacenterGroup::datacenter).toList());
    }

    @Test
    void theTabShowsDatacentresRacksAndNodesAsATree(FxRobot robot) throws TimeoutException {
        robot.interact(() -> {
            Scene scene = new Scene(ClusterView.load(cluster), 1024, 700);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            FreshStage.show(stage, scene);
            ((TabPane) scene.lookup("#tabs")).getSelectionModel().select(1);
            cluster.activate();
        });
        // the tab builds its content a piece per pulse: the node table joins the scene a pulse after the tab
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#nodeTable").tryQuery().isPresent());
        TreeTableView<NodeTreeRow> table = robot.lookup("#nodeTable").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getExpandedItemCount() == 5);

        List<String> rows = new ArrayList<>();
        robot.interact(() -> {
            for (int i = 0; i < table.getExpandedItemCount(); i++) {
                TreeItem<NodeTreeRow> item = table.getTreeItem(i);
                rows.add(" ".repeat(table.getTreeItemLevel(item) - 1) + item.getValue().label());
            }
        });
        assertEquals(List.of("dc1 (local) · 2/2 up", " 127.0.0.1", " 127.0.0.2", "dc2 · 1/1 up", " 127.0.0.3"), rows);
        List<String> racks = new ArrayList<>();
        robot.interact(() -> {
            for (int i = 0; i < table.getExpandedItemCount(); i++) {
                racks.add(String.valueOf(table.getColumns().get(2).getCellData(i)));
            }
        });
        assertEquals(List.of("", "rack1", "rack2", "", "rack1"), racks);
        List<String> states = new ArrayList<>();
        robot.interact(() -> {
            for (int i = 0; i < table.getExpandedItemCount(); i++) {
                String state = table.getColumns().get(1).getCellData(i) instanceof String text ? text : "";
                states.add(state);
            }
        });
        assertEquals(List.of("", "UN", "UN", "", "UN"), states, "a state on node rows only");
        // the badges drawn: how many rows a window shows depends on the stage the run's FX tests share, so
        // the first data centre's two nodes (always in view) are waited for, and every badge drawn must be a node's
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> visibleBadges(robot).size() >= 2);
        assertTrue(visibleBadges(robot).stream().allMatch("UN"::equals), visibleBadges(robot).toString());
        UUID selected = cluster.nodes().selectedProperty().get();
        robot.interact(() -> table.getSelectionModel().select(4));
        assertEquals(FakeClusterGateway.NODE_3, cluster.nodes().selectedProperty().get(), "was " + selected);
        robot.interact(cluster::deactivate);
    }

    /**
     * A host ID may be cut at the minimum window: its tooltip has the ID of the cell the mouse is on,
     * set as the mouse enters (set as the tooltip showed, it stayed empty: its owner is the window).
     */
    @Test
    void theHostIdTooltipHasTheHoveredNodesWholeId(FxRobot robot) throws Exception {
        showNodeTable(robot);
        for (UUID node : List.of(FakeClusterGateway.NODE_1, FakeClusterGateway.NODE_2)) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hostIdCell(robot, node) != null);
            TreeTableCell<?, ?> cell = hostIdCell(robot, node);
            robot.moveTo(cell);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> cell.getTooltip() != null
                    && node.toString().equals(cell.getTooltip().getText())));
        }
        robot.interact(cluster::deactivate);
    }

    /**
     * At the smallest window the host ID, the last column, is narrower than a UUID: it is cut in the
     * middle, so its start and end (which tell nodes apart) both show; the shortcut copies the
     * selected node's whole ID. Before, it was cut at its end ("00000000-0000-00…"), and nothing
     * copied it.
     */
    @Test
    void aNarrowHostIdKeepsItsStartAndEndAndCopiesWhole(FxRobot robot) throws Exception {
        TreeTableView<NodeTreeRow> table = showNodeTable(robot);
        UUID node = FakeClusterGateway.NODE_2;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hostIdCell(robot, node) != null);
        WaitForAsyncUtils.waitForFxEvents();
        String id = node.toString();
        String shown = onFx(() -> hostIdCell(robot, node).getChildrenUnmodifiable().stream()
                .filter(child -> child instanceof javafx.scene.text.Text).map(child -> ((javafx.scene.text.Text) child)
                        .getText()).findFirst().orElse(""));
        assertTrue(shown.length() < id.length() && shown.startsWith(id.substring(0, 4))
                && shown.endsWith(id.substring(id.length() - 4)), "start and end shown: " + shown);

        robot.interact(() -> {
            for (int row = 0; row < table.getExpandedItemCount(); row++) {
                TreeItem<NodeTreeRow> item = table.getTreeItem(row);
                if (item.getValue().node() != null && item.getValue().node().hostId().equals(node)) {
                    table.getSelectionModel().select(item);
                }
            }
            javafx.scene.input.Clipboard.getSystemClipboard().clear();
            table.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.C, false, true, false, false));
        });
        assertEquals(id, onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()), "copied whole");
        robot.interact(cluster::deactivate);
    }

    /** The Nodes tab at the smallest window, its node table with both data centres expanded. */
    private TreeTableView<NodeTreeRow> showNodeTable(FxRobot robot) throws TimeoutException {
        robot.interact(() -> {
            showScreen().getSelectionModel().select(1);
            cluster.activate();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#nodeTable").tryQuery().isPresent());
        TreeTableView<NodeTreeRow> table = robot.lookup("#nodeTable").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getExpandedItemCount() == 5);
        return table;
    }

    private static TreeTableCell<?, ?> hostIdCell(FxRobot robot, UUID node) throws Exception {
        return onFx(() -> robot.lookup("#nodeTable .tree-table-cell").queryAll().stream()
                .filter(cell -> cell instanceof TreeTableCell<?, ?> drawn && drawn.isVisible()
                        && drawn.getTableColumn() != null && "Host ID".equals(drawn.getTableColumn().getText())
                        && node.toString().equals(drawn.getItem()))
                .map(cell -> (TreeTableCell<?, ?>) cell).findFirst().orElse(null));
    }

    private static List<String> addresses(List<NodeStatus> nodes) {
        return nodes.stream().map(NodeStatus::address).toList();
    }

    private static NodeStatus node(String address, String datacenter, String rack) {
        return new NodeStatus(UUID.randomUUID(), "UN", true, address, datacenter, rack, 0, 16, 1.0, "5.0.9", null, true);
    }

    private static List<String> visibleBadges(FxRobot robot) {
        return robot.lookup("#nodeTable .badge").queryAllAs(Label.class).stream()
                .filter(Label::isVisible)
                .sorted((a, b) -> Double.compare(a.localToScene(0, 0).getY(), b.localToScene(0, 0).getY()))
                .map(Label::getText).toList();
    }

    /**
     * While the rows are browsed, the health poll's node table, thread pools and charts stay out of
     * the scene (a hidden tab's content is still styled and laid out, which cost the FX thread
     * 110-190 ms in one pulse); selecting the Nodes tab shows them with what the poll brought meanwhile.
     */
    @Test
    void theNodesTabJoinsTheSceneOnlyWhenSelected(FxRobot robot) throws Exception {
        TabPane[] tabs = new TabPane[1];
        robot.interact(() -> {
            tabs[0] = showScreen();
            cluster.activate();
            cluster.nodes().select(FakeClusterGateway.NODE_1); // details and chart samples for the hidden tab
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node nodesContent = onFx(() -> SelectedTabContent.content(tabs[0].getTabs().get(1)));

        assertEquals(3, onFx(cluster.nodes().nodes()::size), "the poll ran");
        assertFalse(onFx(() -> cluster.nodes().threadPools().isEmpty()), "and read the selected node's details");
        assertNull(onFx(nodesContent::getScene), "the hidden Nodes tab is out of the scene");
        assertNull(onFx(() -> // a split pane without a skin has no children to look in
                ((SplitPane) nodesContent).getItems().get(0).lookup("#nodeTable")),
                "and its node table joins it only in the steps of its first showing");

        robot.interact(() -> tabs[0].getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(StepsPerPulse::running) == 0);

        assertSame(nodesContent, onFx(() -> tabs[0].getTabs().get(1).getContent()));
        @SuppressWarnings("unchecked")
        TreeTableView<NodeTreeRow> nodeTable = (TreeTableView<NodeTreeRow>) onFx(() -> nodesContent.lookup("#nodeTable"));
        assertNotNull(onFx(nodeTable::getScene));
        assertEquals(5, onFx(nodeTable::getExpandedItemCount), "two data centres, three nodes, as the poll left them");
        assertNull(onFx(() -> tabs[0].getTabs().get(0).getContent()), "the Browser tab left the scene in turn");
        TabPane detailTabs = (TabPane) onFx(() -> nodesContent.lookup("#detailTabs"));
        TableView<?> pools = (TableView<?>) onFx(() -> SelectedTabContent.content(detailTabs.getTabs().get(1)));
        assertFalse(onFx(() -> pools.getScene() != null), "a detail tab not chosen stays out as well");
        assertTrue(onFx(() -> !pools.getItems().isEmpty()), "yet holds the pools the poll read");

        // its first showing fills it in steps: the pulse that first lays it out shows the header alone
        List<Integer> rowsAtPulse = new ArrayList<>();
        Runnable count = () -> rowsAtPulse.add(pools.getItems().size());
        robot.interact(() -> {
            nodesContent.getScene().addPostLayoutPulseListener(count);
            detailTabs.getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> pools.getItems() == cluster.nodes().threadPools()));
        robot.interact(() -> nodesContent.getScene().removePostLayoutPulseListener(count));
        assertEquals(0, rowsAtPulse.get(0), "rows shown pulse by pulse: " + rowsAtPulse);
        assertEquals(onFx(cluster.nodes().threadPools()::size), rowsAtPulse.get(rowsAtPulse.size() - 1),
                "then every pool, in the view-model's own list: " + rowsAtPulse);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(Pos.CENTER_RIGHT), onFx(() -> pools.lookupAll(".table-cell").stream()
                        .filter(n -> n instanceof TableCell<?, ?> cell && !cell.isEmpty()
                                && "Completed".equals(cell.getTableColumn().getText()))
                        .map(n -> ((TableCell<?, ?>) n).getAlignment()).distinct().toList()),
                "counts are right-aligned, as in the node table");

        robot.interact(() -> tabs[0].getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(StepsPerPulse::running) == 0);
        assertNull(onFx(nodeTable::getScene));
        robot.interact(cluster::deactivate);
    }

    /**
     * The tab's first showing puts one piece in the scene per pulse, in order: the tab alone, the
     * node table's header, its data centre rows, its node rows, the node details, then each chart's
     * plot and axes, its title and tick labels, and its lines; it ends with everything shown. All at once, the opening was one
     * pulse of 150-300 ms of FX-thread CPU (bench cluster-ui, cold code).
     */
    @Test
    void theFirstShowingPutsOnePieceInTheScenePerPulseInOrder(FxRobot robot) throws Exception {
        List<String> states = new ArrayList<>();
        openTheNodesTabLookingAfterEachPulse(robot, content -> addIfChanged(states, shownPieces(content)));

        // what the Browser tab's pulses saw before the selection is not part of it
        List<String> shown = states.subList(states.indexOf(
                "no table, 0 rows, no details, 0 charts, 0 titled, 0 with lines"),
                states.size());
        assertEquals(List.of(
                "no table, 0 rows, no details, 0 charts, 0 titled, 0 with lines",
                "table, 0 rows, no details, 0 charts, 0 titled, 0 with lines",
                "table, 1 rows, no details, 0 charts, 0 titled, 0 with lines",
                "table, 2 rows, no details, 0 charts, 0 titled, 0 with lines",
                "table, 4 rows, no details, 0 charts, 0 titled, 0 with lines",
                "table, 5 rows, no details, 0 charts, 0 titled, 0 with lines",
                "table, 5 rows, details, 0 charts, 0 titled, 0 with lines",
                "table, 5 rows, details, 1 charts, 0 titled, 0 with lines",
                "table, 5 rows, details, 1 charts, 1 titled, 0 with lines",
                "table, 5 rows, details, 1 charts, 1 titled, 1 with lines",
                "table, 5 rows, details, 2 charts, 1 titled, 1 with lines",
                "table, 5 rows, details, 2 charts, 2 titled, 1 with lines",
                "table, 5 rows, details, 2 charts, 2 titled, 2 with lines",
                "table, 5 rows, details, 3 charts, 2 titled, 2 with lines",
                "table, 5 rows, details, 3 charts, 3 titled, 2 with lines",
                "table, 5 rows, details, 3 charts, 3 titled, 3 with lines"), shown, "one piece per pulse: " + states);
        robot.interact(cluster::deactivate);
    }

    /**
     * A control's first CSS pass is split too: the node table joins the scene with no column and
     * takes its nine a few per pulse; each chart joins with its frame alone, its plot a pulse later,
     * its axes a pulse after that.
     * Looked at after each pulse's layout, hidden or not.
     */
    @Test
    void theNodeTableAndEachChartAreStyledInParts(FxRobot robot) throws Exception {
        List<Integer> columnsInScene = new ArrayList<>();
        List<String> chartsInScene = new ArrayList<>();
        openTheNodesTabLookingAfterEachPulse(robot, content -> {
            if (content.getScene() == null) {
                return;
            }
            Node table = content.lookup("#nodeTable");
            if (table != null && table.getScene() != null) {
                addIfChanged(columnsInScene, (int) table.lookupAll(".column-header").stream()
                        .filter(header -> header instanceof TableColumnHeader column && column.getTableColumn() != null)
                        .count());
            }
            addIfChanged(chartsInScene, content.lookupAll(".node-chart").stream().filter(LineChart.class::isInstance)
                    .map(chart -> ((LineChart<?, ?>) chart).getXAxis().getScene() != null ? "axes"
                            : chart.lookup(".chart-plot-background") != null ? "plot" : "frame")
                    .toList().toString());
        });

        assertEquals(List.of(0, 3, 6, 9), columnsInScene, "the node table's columns per pulse");
        assertEquals(List.of("[]", "[frame]", "[plot]", "[axes]", "[axes, frame]", "[axes, plot]", "[axes, axes]",
                "[axes, axes, frame]", "[axes, axes, plot]", "[axes, axes, axes]"), chartsInScene,
                "the charts in the scene per pulse");
        robot.interact(cluster::deactivate);
    }

    /**
     * Shows the screen with a node selected, selects the Nodes tab and hands its content to {@code
     * look} after each pulse's layout until the tab's steps are done.
     */
    private void openTheNodesTabLookingAfterEachPulse(FxRobot robot, Consumer<Node> look) throws Exception {
        TabPane[] tabs = new TabPane[1];
        robot.interact(() -> {
            tabs[0] = showScreen();
            cluster.activate();
            cluster.nodes().select(FakeClusterGateway.NODE_1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node content = onFx(() -> SelectedTabContent.content(tabs[0].getTabs().get(1)));
        Runnable afterLayout = () -> look.accept(content);
        robot.interact(() -> {
            tabs[0].getScene().addPostLayoutPulseListener(afterLayout);
            tabs[0].getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(StepsPerPulse::running) == 0);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> tabs[0].getScene().removePostLayoutPulseListener(afterLayout));
    }

    /** Adds {@code value} unless it is the last one already there. */
    private static <T> void addIfChanged(List<T> values, T value) {
        if (values.isEmpty() || !values.get(values.size() - 1).equals(value)) {
            values.add(value);
        }
    }

    /** What of the Nodes tab's content is in the scene and laid out, as one line. */
    private static String shownPieces(Node content) {
        if (content.getScene() == null) {
            return "out of the scene";
        }
        Node table = content.lookup("#nodeTable");
        boolean tableShown = table != null && table.getScene() != null && table.isVisible();
        int rows = tableShown ? ((TreeTableView<?>) table).getExpandedItemCount() : 0;
        boolean details = content.lookup("#detailTabs") != null;
        List<Node> charts = content.lookupAll(".node-chart").stream().filter(LineChart.class::isInstance)
                .filter(Node::isVisible).toList();
        long titled = charts.stream().filter(chart -> ((LineChart<?, ?>) chart).getTitle() != null).count();
        long withLines = charts.stream().filter(chart -> !((LineChart<?, ?>) chart).getData().isEmpty()).count();
        return (tableShown ? "table, " : "no table, ") + rows + " rows, " + (details ? "details, " : "no details, ")
                + charts.size() + " charts, " + titled + " titled, " + withLines + " with lines";
    }

    /**
     * The node table keeps room for a data centre's row and its first nodes' rows however low the
     * divider is put (a divider position remembered from a larger window left it one row at 1024x700).
     */
    @Test
    void theNodeTableKeepsRoomForItsFirstRowsAtTheSmallestWindow(FxRobot robot) throws Exception {
        TabPane[] tabs = new TabPane[1];
        robot.interact(() -> {
            tabs[0] = showScreen();
            cluster.activate();
            tabs[0].getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(StepsPerPulse::running) == 0);
        SplitPane split = (SplitPane) onFx(() -> tabs[0].getTabs().get(1).getContent());
        robot.interact(() -> split.setDividerPositions(0.05));
        WaitForAsyncUtils.waitForFxEvents();

        TreeTableView<?> table = (TreeTableView<?>) onFx(() -> split.lookup("#nodeTable"));
        double room = onFx(() -> table.getHeight()
                - table.lookup(".column-header-background").getLayoutBounds().getHeight());
        double rowHeight = onFx(table::getFixedCellSize);
        assertTrue(rowHeight > 0 && room >= 3 * rowHeight,
                "room for the data centre's row and two nodes' rows: " + room + " px of " + rowHeight + " px rows");
        robot.interact(cluster::deactivate);
    }

    /**
     * A health refresh while the tab is shown adds the new sample to each chart line in place (the
     * series and their earlier points kept: re-made at each refresh, they cost 25-57 ms of FX-thread
     * CPU) and leaves the detail tables' unchanged rows alone (a {@code setAll} re-filled every row);
     * before the first sample the charts give way to a note instead of an empty 0-100 axis.
     */
    @Test
    void aRefreshUpdatesTheChartsAndTablesInPlace(FxRobot robot) throws Exception {
        TabPane[] tabs = new TabPane[1];
        robot.interact(() -> {
            tabs[0] = showScreen();
            tabs[0].getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(StepsPerPulse::running) == 0);
        Scene scene = onFx(() -> tabs[0].getScene());
        assertTrue(onFx(() -> scene.lookup("#chartsWaiting").isVisible()), "no sample yet: the note shows");
        assertFalse(onFx(() -> scene.lookup("#chartRow").isVisible()), "and the charts do not");

        robot.interact(() -> {
            cluster.activate();
            cluster.nodes().select(FakeClusterGateway.NODE_1);
        });
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> requests = (LineChart<Number, Number>) onFx(() -> scene.lookup("#requestsChart"));
        XYChart.Series<Number, Number> reads = onFx(() -> requests.getData().get(0));
        assertEquals(1, onFx(() -> reads.getData().size()), "the first sample drawn");
        XYChart.Data<Number, Number> first = onFx(() -> reads.getData().get(0));
        assertTrue(onFx(() -> scene.lookup("#chartRow").isVisible()));
        List<String> poolChanges = new ArrayList<>();
        robot.interact(() -> cluster.nodes().threadPools().addListener(
                (ListChangeListener<Object>) change -> poolChanges.add(change.toString())));

        robot.interact(() -> cluster.nodes().refreshNow()); // the scripted gateway's next read, five seconds later

        assertSame(reads, onFx(() -> requests.getData().get(0)), "the same series");
        assertEquals(2, onFx(() -> reads.getData().size()), "one point more");
        assertSame(first, onFx(() -> reads.getData().get(0)), "the earlier point kept");
        assertEquals(List.of(), poolChanges, "the same pools read again change no row");
        robot.interact(cluster::deactivate);
    }

    /** The Cluster screen at the smallest window, on the Browser tab; returns its tabs. Call on the FX thread. */
    private TabPane showScreen() {
        Scene scene = new Scene(ClusterView.load(cluster), 1024, 700);
        scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
        FreshStage.show(stage, scene);
        return (TabPane) scene.lookup("#tabs");
    }

    private static <T> T onFx(Callable<T> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(value).get();
    }
}
