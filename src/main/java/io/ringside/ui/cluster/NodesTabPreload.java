package io.ringside.ui.cluster;

import io.ringside.ui.util.GridClassPreload;
import io.ringside.core.cassandra.NodeStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.control.skin.TreeTableCellSkin;
import javafx.scene.control.skin.TreeTableRowSkin;
import javafx.scene.control.skin.TreeTableViewSkin;
import javafx.scene.layout.TilePane;

/**
 * Makes, on a background thread while the Cluster page opens, one of each control the Nodes tab's
 * first opening makes on the FX thread, out of any scene: a tree table with its skin, a row and a
 * cell of it with theirs, the state badge cell given a state, a chart of two samples with its labels
 * and lines, the keyspace chooser's skin, a data centre's and a node's row labels (string
 * concatenations linked on first use), a selection and a column resize in the tree table, and the
 * CSS property lists of the tree table, chart, axis and legend classes. That loads and initialises
 * their classes and links their lambdas (hidden classes spun on first use on any thread), which the
 * tab's first pulses otherwise did on the FX thread: the tab is the process's first tree table and
 * first chart (a class-load log of the opening showed those classes and a dozen lambda forms loading
 * in its row and chart pulses). Nodes out of a scene may be made on any thread;
 * these are dropped at once. A preload only: any failure leaves the work to the FX thread.
 */
final class NodesTabPreload {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private NodesTabPreload() {
    }

    /** Starts the preload once per process; returns at once. */
    static void start() {
        GridClassPreload.startOnce(STARTED, "ringside-nodes-preload", NodesTabPreload::load);
    }

    /** Makes them on the calling thread; returns whether all were made (a test runs it beside the FX thread's layout). */
    static boolean load() {
        try {
            TreeTableView<NodeTreeRow> table = new TreeTableView<>(new TreeItem<>(new NodeTreeRow("", null)));
            TreeTableColumn<NodeTreeRow, String> column = new TreeTableColumn<>("preload");
            table.getColumns().add(column);
            table.setSkin(new TreeTableViewSkin<>(table));
            TreeTableRow<NodeTreeRow> row = new TreeTableRow<>();
            row.updateTreeTableView(table);
            row.setSkin(new TreeTableRowSkin<>(row));
            TreeTableCell<NodeTreeRow, String> cell = new TreeTableCell<>();
            cell.updateTreeTableView(table);
            cell.updateTableColumn(column);
            cell.updateTableRow(row);
            cell.setSkin(new TreeTableCellSkin<>(cell));
            NodeStateCell state = new NodeStateCell();
            state.setSkin(new TreeTableCellSkin<>(state));
            state.updateItem("UN", false);
            // the rows' labels (string concatenations linked on first use) and a selection, as the
            // node table's first rows make them
            NodeStatus node = new NodeStatus(UUID.randomUUID(), "UN", true, "127.0.0.1", "dc", "rack", 0, 16, 1.0,
                    "5.0", null, true);
            for (DatacenterGroup group : DatacenterGroup.of(List.of(node), "dc")) {
                TreeItem<NodeTreeRow> dc = new TreeItem<>(NodeTreeRow.of(group));
                dc.setExpanded(true);
                group.nodes().forEach(n -> dc.getChildren().add(new TreeItem<>(NodeTreeRow.of(n))));
                table.getRoot().getChildren().add(dc);
            }
            table.getSelectionModel().select(1);
            TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS.call(new TreeTableView.ResizeFeatures<>(table, null, 0.0));
            // the CSS properties of the classes the tab's first pulses style for the first time
            TreeTableView.getClassCssMetaData();
            LineChart.getClassCssMetaData();
            NumberAxis.getClassCssMetaData();
            TilePane.getClassCssMetaData();
            ComboBox<String> chooser = new ComboBox<>(FXCollections.observableArrayList("preload"));
            chooser.setSkin(new ComboBoxListViewSkin<>(chooser));
            Instant now = Instant.now();
            NodeChart chart = new NodeChart("preload", "preload", FXCollections.observableArrayList(
                    new NodeSample(now.minusSeconds(5), 1, 2, 3, 4, 5, 6), new NodeSample(now, 2, 3, 4, 5, 6, 7)),
                    List.of(new NodeChart.Line("a", NodeSample::readsPerSecond),
                            new NodeChart.Line("b", NodeSample::writesPerSecond)));
            chart.showAxes();
            chart.showLabels();
            chart.showLines();
            NumberAxis time = (NumberAxis) chart.chart().getXAxis();
            time.getTickLabelFormatter().toString(Math.ceil(TimeAxisSpan.minutes(now))); // a labelled minute: formatted
            return true;
        } catch (RuntimeException | LinkageError ignored) {
            // a preload only: the FX thread makes them when it needs them
            return false;
        }
    }
}
