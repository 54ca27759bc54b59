package io.ringside.ui.cluster;

import io.ringside.core.cassandra.ByteSizes;
import io.ringside.core.cassandra.NodeDetails;
import io.ringside.core.cassandra.NodeStatus;
import io.ringside.ui.util.ElidedTextCells;
import io.ringside.ui.util.EmptyRows;
import io.ringside.ui.util.SelectedTabContent;
import io.ringside.ui.util.StepsPerPulse;
import io.ringside.ui.util.TableHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Callback;

/**
 * Controller of {@code fxml/cluster/NodesPane.fxml}, the Nodes tab: ring, ownership per keyspace
 * and the selected node's health. Binds to {@link NodesViewModel}; the keyspace choices come from
 * {@link SchemaViewModel}.
 */
public final class NodesPane {

    private static final String PRIMARY_RANGES = "(primary ranges)";
    /** How many rows a detail table's first filling adds per pulse after its first row (see fillWhenFirstShown). */
    private static final int ROWS_PER_STEP = 2;
    /** How many of the node table's columns join it per pulse at its first showing (see buildWhenFirstShown). */
    private static final int COLUMNS_PER_STEP = 3;
    /** The detail tables' row height where the style sets none (it sets 24, their rows' own height). */
    private static final double DEFAULT_ROW_HEIGHT = 24;

    /** A chart of the selected node's samples: its id, title and lines. */
    private record NodeChartSpec(String id, String title, List<NodeChart.Line> lines) {
    }

    private static final List<NodeChartSpec> CHARTS = List.of(
            new NodeChartSpec("requestsChart", "Coordinator requests/s", List.of(
                    new NodeChart.Line("reads", NodeSample::readsPerSecond),
                    new NodeChart.Line("writes", NodeSample::writesPerSecond))),
            new NodeChartSpec("latencyChart", "p99 latency (ms)", List.of(
                    new NodeChart.Line("read p99", NodeSample::readP99Ms),
                    new NodeChart.Line("write p99", NodeSample::writeP99Ms))),
            new NodeChartSpec("pendingChart", "Pending tasks", List.of(
                    new NodeChart.Line("pending", NodeSample::pendingTasks))));

    private final NodesViewModel nodes;
    private final SchemaViewModel schema;

    @FXML
    private ComboBox<String> keyspaceChooser;
    @FXML
    private Label schemaAgreement;
    @FXML
    private TreeTableView<NodeTreeRow> nodeTable;
    @FXML
    private TreeTableColumn<NodeTreeRow, String> placeColumn;
    @FXML
    private TreeTableColumn<NodeTreeRow, String> rackColumn;
    @FXML
    private TreeTableColumn<NodeTreeRow, String> stateColumn;
    @FXML
    private TreeTableColumn<NodeTreeRow, String> loadColumn;
    @FXML
    private TreeTableColumn<NodeTreeRow, String> tokensColumn;
    @FXML
    private TreeTableColumn<NodeTreeRow, String> ownsColumn;
    @FXML
    private TreeTableColumn<NodeTreeRow, String> hostIdColumn;
    @FXML
    private TreeTableColumn<NodeTreeRow, String> versionColumn;
    @FXML
    private TreeTableColumn<NodeTreeRow, String> schemaColumn;
    @FXML
    private VBox detailsBox;
    @FXML
    private Label detailSummary;
    @FXML
    private TabPane detailTabs;
    @FXML
    private HBox chartRow;
    @FXML
    private Label chartsWaiting;
    @FXML
    private TableView<NodeDetails.ThreadPool> poolTable;
    @FXML
    private TableColumn<NodeDetails.ThreadPool, String> poolNameColumn;
    @FXML
    private TableColumn<NodeDetails.ThreadPool, String> poolActiveColumn;
    @FXML
    private TableColumn<NodeDetails.ThreadPool, String> poolPendingColumn;
    @FXML
    private TableColumn<NodeDetails.ThreadPool, String> poolBlockedColumn;
    @FXML
    private TableColumn<NodeDetails.ThreadPool, String> poolCompletedColumn;
    @FXML
    private TableView<NodeDetails.CacheStats> cacheTable;
    @FXML
    private TableColumn<NodeDetails.CacheStats, String> cacheNameColumn;
    @FXML
    private TableColumn<NodeDetails.CacheStats, String> cacheEntriesColumn;
    @FXML
    private TableColumn<NodeDetails.CacheStats, String> cacheSizeColumn;
    @FXML
    private TableColumn<NodeDetails.CacheStats, String> cacheCapacityColumn;
    @FXML
    private TableColumn<NodeDetails.CacheStats, String> cacheHitColumn;
    @FXML
    private TableView<NodeDetails.Client> clientTable;
    @FXML
    private TableColumn<NodeDetails.Client, String> clientAddressColumn;
    @FXML
    private TableColumn<NodeDetails.Client, String> clientUserColumn;
    @FXML
    private TableColumn<NodeDetails.Client, String> clientDriverColumn;
    @FXML
    private TableColumn<NodeDetails.Client, String> clientRequestsColumn;

    /**
     * How many data centres' rows the node table shows: none until the node table is laid out, then
     * the first, a pulse later all (the first rows of the process's first tree table cost most).
     */
    private int datacentreRows;
    /**
     * How many data centres show their nodes: none until all data centres' rows are shown, then the
     * first, a pulse later all (the nodes' rows a data centre at a time).
     */
    private int datacentresExpanded;

    public NodesPane(NodesViewModel nodes, SchemaViewModel schema) {
        this.nodes = nodes;
        this.schema = schema;
    }

    @FXML
    private void initialize() {
        NodesTabPreload.start();
        hostIdTakesTheRest();
        TableHeaders.keepWhole(nodeTable);
        EmptyRows.install(nodeTable);
        EmptyRows.install(poolTable);
        EmptyRows.install(cacheTable);
        EmptyRows.install(clientTable);
        schema.keyspaces().addListener((ListChangeListener<Object>) change -> rebuildKeyspaceChooser());
        rebuildKeyspaceChooser();
        nodeTable.setRoot(new TreeItem<>(new NodeTreeRow("", null)));
        nodes.groups().addListener((ListChangeListener<DatacenterGroup>) change -> rebuildNodeTree());
        nodes.selectedProperty().addListener((observable, before, hostId) -> selectInTree(hostId));
        placeColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().getValue().label()));
        rackColumn.setCellValueFactory(node(NodeStatus::rack));
        stateColumn.setCellValueFactory(node(NodeStatus::state));
        stateColumn.setCellFactory(c -> new NodeStateCell());
        loadColumn.setCellValueFactory(node(n -> n.loadBytes() < 0 ? "?" : ByteSizes.format(n.loadBytes())));
        tokensColumn.setCellValueFactory(node(n -> Integer.toString(n.tokens())));
        ownsColumn.setCellValueFactory(node(n -> n.ownership() == null ? "?"
                : String.format(Locale.ROOT, "%.1f%%", n.ownership() * 100)));
        hostIdColumn.setCellValueFactory(node(n -> String.valueOf(n.hostId())));
        // a UUID is cut in the middle at the minimum width (ringside.css): whole in the tooltip and on copy
        hostIdColumn.setCellFactory(ElidedTextCells.inTreeWithWholeTextTooltip());
        copyHostIds();
        versionColumn.setCellValueFactory(node(NodeStatus::version));
        schemaColumn.setCellValueFactory(node(n -> n.schemaVersion() == null ? "?"
                : n.schemaVersion().toString().substring(0, 8) + (n.schemaAgrees() ? "" : " ≠")));
        nodeTable.getSelectionModel().selectedItemProperty().addListener((observable, before, item) -> {
            NodeStatus node = item == null ? null : item.getValue().node();
            if (node != null && !node.hostId().equals(nodes.selectedProperty().get())) {
                nodes.select(node.hostId());
            }
        });
        rebuildNodeTree();
        schemaAgreement.textProperty().bind(nodes.schemaAgreementProperty());
        detailSummary.textProperty().bind(Bindings.createStringBinding(() -> {
            NodeStatus node = nodes.nodes().stream().filter(n -> n.hostId().equals(nodes.selectedProperty().get()))
                    .findFirst().orElse(null);
            String name = node == null ? "No node selected" : node.address() + " (" + node.state() + ")";
            return nodes.detailSummaryProperty().get().isEmpty() ? name : name + " · " + nodes.detailSummaryProperty().get();
        }, nodes.selectedProperty(), nodes.detailSummaryProperty(), nodes.nodes()));

        poolTable.setItems(nodes.threadPools());
        poolNameColumn.setCellValueFactory(text(NodeDetails.ThreadPool::name));
        poolActiveColumn.setCellValueFactory(text(p -> Integer.toString(p.active())));
        poolPendingColumn.setCellValueFactory(text(p -> Integer.toString(p.pending())));
        poolBlockedColumn.setCellValueFactory(text(p -> Long.toString(p.blocked())));
        poolCompletedColumn.setCellValueFactory(text(p -> String.format(Locale.ROOT, "%,d", p.completed())));
        cacheTable.setItems(nodes.caches());
        cacheNameColumn.setCellValueFactory(text(NodeDetails.CacheStats::name));
        cacheEntriesColumn.setCellValueFactory(text(c -> String.format(Locale.ROOT, "%,d", c.entries())));
        cacheSizeColumn.setCellValueFactory(text(c -> ByteSizes.format(c.sizeBytes())));
        cacheCapacityColumn.setCellValueFactory(text(c -> ByteSizes.format(c.capacityBytes())));
        cacheHitColumn.setCellValueFactory(text(c -> Double.isNaN(c.hitRatio()) ? "n/a"
                : String.format(Locale.ROOT, "%.1f%%", c.hitRatio() * 100)));
        clientTable.setItems(nodes.clients());
        clientAddressColumn.setCellValueFactory(text(c -> c.address() + ":" + c.port()));
        clientUserColumn.setCellValueFactory(text(NodeDetails.Client::username));
        clientDriverColumn.setCellValueFactory(text(NodeDetails.Client::driver));
        clientRequestsColumn.setCellValueFactory(text(c -> String.format(Locale.ROOT, "%,d", c.requests())));

        fillWhenFirstShown(poolTable);
        fillWhenFirstShown(cacheTable);
        fillWhenFirstShown(clientTable);
        chartsWaiting.visibleProperty().bind(Bindings.isEmpty(nodes.samples()));
        chartRow.visibleProperty().bind(chartsWaiting.visibleProperty().not());
        SelectedTabContent.attach(detailTabs);
        buildWhenFirstShown();
    }

    /**
     * What the tab shows is put in the scene when the tab is first shown, one piece per pulse: the
     * tab opens with its split pane alone, then come the keyspace chooser, the node table (styled
     * hidden with no column, then given {@value #COLUMNS_PER_STEP} columns per pulse, laid out and
     * shown in the pulse after), its first data centre's row, the others' rows, the first data
     * centre's node rows, the others', the selected node's row selected, the node details, and each
     * chart: made in one pulse, its frame styled hidden in the next, its plot in the one after, then
     * its axes and legend, laid out and shown in the next, then its title and tick labels, then its
     * lines. All at once, the first opening styled and laid out every piece for the first time in
     * the process in one pulse (150-300 ms of FX-thread CPU); piece by piece, no pulse carries more
     * than one piece (a control's first CSS pass, the table's header with its nine columns or a
     * whole chart, was still the longest pulse at 14-20 ms), and the whole is in place about
     * forty-five frames later. Once built, it stays built: the tab shows it again at once ({@link
     * SelectedTabContent}).
     */
    private void buildWhenFirstShown() {
        List<Node> details = List.copyOf(detailsBox.getChildren());
        detailsBox.getChildren().clear();
        VBox tableBox = (VBox) nodeTable.getParent();
        List<Node> keyspaceRow = tableBox.getChildren().stream().filter(node -> node != nodeTable).toList();
        tableBox.getChildren().clear();
        List<Runnable> steps = new ArrayList<>();
        // the keyspace row comes in the pulse that takes the tab left out of the scene (SelectedTabContent)
        steps.add(() -> tableBox.getChildren().setAll(keyspaceRow));
        List<TreeTableColumn<NodeTreeRow, ?>> columns = List.copyOf(nodeTable.getColumns());
        nodeTable.getColumns().clear();
        steps.add(() -> {
            // styled hidden, out of the box's layout (laid out at no size): the table's skin, flow and
            // empty header made and styled here, its columns' headers in the next pulses, laid out after
            nodeTable.setManaged(false);
            nodeTable.setVisible(false);
            tableBox.getChildren().add(nodeTable);
        });
        for (int from = 0; from < columns.size(); from += COLUMNS_PER_STEP) {
            List<TreeTableColumn<NodeTreeRow, ?>> some = columns.subList(from, Math.min(from + COLUMNS_PER_STEP,
                    columns.size()));
            steps.add(() -> nodeTable.getColumns().addAll(some));
        }
        steps.add(() -> {
            // laid out at the widths its header labels were measured for once it had a skin
            // (TableHeaders.keepWhole, run after the last pulse)
            nodeTable.setManaged(true);
            nodeTable.setVisible(true);
        });
        steps.add(() -> showDatacentreRows(1));
        steps.add(() -> showDatacentreRows(Integer.MAX_VALUE));
        steps.add(() -> expandDatacentres(1));
        steps.add(() -> expandDatacentres(Integer.MAX_VALUE));
        steps.add(() -> selectInTree(nodes.selectedProperty().get()));
        steps.add(() -> detailsBox.getChildren().setAll(details));
        for (NodeChartSpec spec : CHARTS) {
            List<NodeChart> made = new ArrayList<>(1);
            steps.add(() -> made.add(new NodeChart(spec.id(), spec.title(), nodes.samples(), spec.lines())));
            steps.add(() -> {
                // styled hidden, out of the row's layout (so laid out at no size): the chart's first
                // CSS pass here, its first real layout in the next pulse
                LineChart<Number, Number> chart = made.get(0).chart();
                chart.setManaged(false);
                chart.setVisible(false);
                HBox.setHgrow(chart, Priority.ALWAYS);
                chartRow.getChildren().add(chart);
            });
            steps.add(() -> made.get(0).showPlot());
            steps.add(() -> made.get(0).showAxes());
            steps.add(() -> {
                made.get(0).chart().setManaged(true);
                made.get(0).chart().setVisible(true);
            });
            steps.add(() -> made.get(0).showLabels());
            steps.add(() -> made.get(0).showLines());
        }
        detailsBox.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> observable, Scene before, Scene scene) {
                if (scene != null) {
                    detailsBox.sceneProperty().removeListener(this);
                    StepsPerPulse.start(steps);
                }
            }
        });
    }

    /**
     * A detail table's first showing, in steps: the pulse its tab is first selected lays out the
     * table and its header with no row, the next one shows its first row, each later one {@value
     * #ROWS_PER_STEP} more until the rows fill the table's height, and then the table takes the
     * view-model's own list again (the same items: the rows made only take them, and those below the
     * viewport make no row). All at once, the first opening of a detail tab made and styled every
     * visible row's cells for the first time in one pulse: 69-124 ms of FX-thread CPU ({@code bench
     * cluster-ui}, load 10-13); with three steps (one row, three, the rest) the last one still made
     * a screenful less four at once (24 ms at load 11). Until then the table holds the view-model's
     * list, as out of the scene it costs nothing.
     */
    private static <S> void fillWhenFirstShown(TableView<S> table) {
        ObservableList<S> live = table.getItems();
        table.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> observable, Scene before, Scene scene) {
                if (scene == null) {
                    return;
                }
                table.sceneProperty().removeListener(this);
                ObservableList<S> shown = FXCollections.observableArrayList();
                table.setItems(shown);
                StepsPerPulse.repeat(() -> {
                    if (shown.size() >= live.size() || shown.size() >= rowsInView(table)) {
                        table.setItems(live);
                        return false;
                    }
                    int rows = shown.isEmpty() ? 1 : ROWS_PER_STEP;
                    shown.addAll(live.subList(shown.size(), Math.min(shown.size() + rows, live.size())));
                    return true;
                });
            }
        });
    }

    /** How many rows fill {@code table}'s height (its header counted as room for rows: one too many at most). */
    private static int rowsInView(TableView<?> table) {
        double rowHeight = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : DEFAULT_ROW_HEIGHT;
        return (int) Math.ceil(table.getHeight() / rowHeight);
    }

    /**
     * Shows the first {@code count} data centres' rows, those not shown yet added in place (a
     * rebuild re-makes every row).
     */
    private void showDatacentreRows(int count) {
        datacentreRows = count;
        List<DatacenterGroup> groups = nodes.groups();
        List<TreeItem<NodeTreeRow>> shown = nodeTable.getRoot().getChildren();
        List<TreeItem<NodeTreeRow>> more = new ArrayList<>();
        for (int i = shown.size(); i < Math.min(count, groups.size()); i++) {
            more.add(datacentreItem(groups.get(i), i));
        }
        shown.addAll(more);
        selectInTree(nodes.selectedProperty().get());
    }

    /** Expands the first {@code count} data centres' items in place. */
    private void expandDatacentres(int count) {
        datacentresExpanded = count;
        // in place: rebuilt, their rows were re-made as well; the selected node's row is selected a
        // pulse later (its row and cells styled again as selected)
        List<TreeItem<NodeTreeRow>> shown = nodeTable.getRoot().getChildren();
        for (int i = 0; i < Math.min(count, shown.size()); i++) {
            shown.get(i).setExpanded(true);
        }
    }

    private TreeItem<NodeTreeRow> datacentreItem(DatacenterGroup group, int index) {
        TreeItem<NodeTreeRow> dc = new TreeItem<>(NodeTreeRow.of(group));
        dc.setExpanded(index < datacentresExpanded);
        group.nodes().forEach(node -> dc.getChildren().add(new TreeItem<>(NodeTreeRow.of(node))));
        return dc;
    }

    /**
     * Data centres, each with its nodes rack by rack (the Rack column says which): one level fewer
     * than a rack level would take, so three nodes in two data centres fit the smallest window.
     * Rebuilt whole at each refresh (a handful of rows), expanded, with the selected node selected again.
     */
    private void rebuildNodeTree() {
        if (datacentreRows == 0) {
            return;
        }
        List<TreeItem<NodeTreeRow>> datacenters = new ArrayList<>();
        List<DatacenterGroup> groups = nodes.groups();
        for (int i = 0; i < Math.min(datacentreRows, groups.size()); i++) {
            datacenters.add(datacentreItem(groups.get(i), i));
        }
        nodeTable.getRoot().getChildren().setAll(datacenters);
        selectInTree(nodes.selectedProperty().get());
    }

    /**
     * The node table's resize policy: every column keeps its width (a dragged one the width dragged
     * to) and the host ID, the last column, takes what they leave, never less than its minimum, below
     * which the table scrolls sideways. Under the constrained policy it had, nine columns did not fit
     * at 1024 px and the table clipped the last ones, out of reach (it never scrolls sideways).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void hostIdTakesTheRest() {
        nodeTable.setColumnResizePolicy(features -> {
            boolean resized = features.getColumn() == null
                    || TreeTableView.UNCONSTRAINED_RESIZE_POLICY.call(features);
            double others = 0;
            for (TreeTableColumn<NodeTreeRow, ?> column : nodeTable.getVisibleLeafColumns()) {
                if (column != hostIdColumn) {
                    others += column.getWidth();
                }
            }
            features.setColumnWidth((TreeTableColumn) hostIdColumn, Math.max(hostIdColumn.getMinWidth(),
                    Math.floor(features.getContentWidth() - others)));
            return resized;
        });
    }

    /**
     * Puts the selected node's whole host ID on the clipboard, with the shortcut (Ctrl+C) or the
     * table's context menu: the column may show it cut in the middle. The menu is made at its first
     * request, not with the tab (whose opening is measured, {@code bench cluster-ui}).
     */
    private void copyHostIds() {
        KeyCombination copy = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        nodeTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (copy.match(event) && copySelectedHostId()) {
                event.consume();
            }
        });
        ContextMenu[] menu = new ContextMenu[1];
        nodeTable.setOnContextMenuRequested(event -> {
            if (menu[0] == null) {
                MenuItem item = new MenuItem("Copy host ID");
                item.setAccelerator(copy);
                item.setOnAction(e -> copySelectedHostId());
                menu[0] = new ContextMenu(item);
            }
            menu[0].getItems().get(0).setDisable(selectedNode() == null);
            menu[0].show(nodeTable, event.getScreenX(), event.getScreenY());
            event.consume();
        });
    }

    /** Copies the selected node's host ID; false when no node (a data centre, nothing) is selected. */
    boolean copySelectedHostId() {
        NodeStatus node = selectedNode();
        if (node == null) {
            return false;
        }
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, node.hostId().toString()));
        return true;
    }

    private NodeStatus selectedNode() {
        TreeItem<NodeTreeRow> item = nodeTable.getSelectionModel().getSelectedItem();
        return item == null || item.getValue() == null ? null : item.getValue().node();
    }

    private void selectInTree(UUID hostId) {
        for (int i = 0; i < nodeTable.getExpandedItemCount(); i++) {
            TreeItem<NodeTreeRow> item = nodeTable.getTreeItem(i);
            NodeStatus node = item == null ? null : item.getValue().node();
            if (node != null && node.hostId().equals(hostId)) {
                if (nodeTable.getSelectionModel().getSelectedIndex() != i) {
                    nodeTable.getSelectionModel().select(i);
                }
                return;
            }
        }
    }

    /** The chooser follows the schema; the keyspace chosen stays chosen while it exists. */
    private void rebuildKeyspaceChooser() {
        List<String> names = new ArrayList<>();
        names.add(PRIMARY_RANGES);
        names.addAll(schema.userKeyspaceNames());
        String current = keyspaceChooser.getValue();
        keyspaceChooser.getItems().setAll(names);
        keyspaceChooser.setValue(current != null && names.contains(current) ? current : PRIMARY_RANGES);
    }

    /** A node's figure; empty on a data centre's or rack's row. */
    private static Callback<TreeTableColumn.CellDataFeatures<NodeTreeRow, String>, ObservableValue<String>> node(
            Function<NodeStatus, String> value) {
        return data -> {
            NodeStatus node = data.getValue().getValue().node();
            return new ReadOnlyStringWrapper(node == null ? "" : value.apply(node));
        };
    }

    private static <S> Callback<TableColumn.CellDataFeatures<S, String>, ObservableValue<String>> text(
            Function<S, String> value) {
        return data -> new ReadOnlyStringWrapper(value.apply(data.getValue()));
    }

    @FXML
    private void onKeyspace() {
        String chosen = keyspaceChooser.getValue();
        if (chosen == null) {
            return;
        }
        String keyspace = PRIMARY_RANGES.equals(chosen) ? null : chosen;
        if (!Objects.equals(keyspace, nodes.keyspaceProperty().get())) {
            nodes.setKeyspace(keyspace);
        }
    }
}
