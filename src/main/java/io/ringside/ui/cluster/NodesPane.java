package io.ringside.ui.cluster;

import io.ringside.core.cassandra.ByteSizes;
import io.ringside.core.cassandra.NodeDetails;
import io.ringside.core.cassandra.NodeStatus;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.SelectedTabContent;
import io.ringside.ui.util.TableHeaders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;

/**
 * Controller of {@code fxml/cluster/NodesPane.fxml}, the Nodes tab: ring, ownership per keyspace
 * and the selected node's health. Binds to {@link NodesViewModel}; the keyspace choices come from
 * {@link SchemaViewModel}.
 */
public final class NodesPane {

    private static final String PRIMARY_RANGES = "(primary ranges)";

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
    private Label detailSummary;
    @FXML
    private TabPane detailTabs;
    @FXML
    private LineChart<Number, Number> requestsChart;
    @FXML
    private LineChart<Number, Number> latencyChart;
    @FXML
    private LineChart<Number, Number> pendingChart;
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

    public NodesPane(NodesViewModel nodes, SchemaViewModel schema) {
        this.nodes = nodes;
        this.schema = schema;
    }

    @FXML
    private void initialize() {
        TableHeaders.keepWhole(nodeTable);
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
        hostIdColumn.setCellFactory(column -> new TreeTableCell<>() {
            { getStyleClass().add(Styles.ELIDABLE); } // a long UUID may be cut at the minimum width: the tooltip has it whole

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
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
        poolCompletedColumn.setCellValueFactory(text(p -> Long.toString(p.completed())));
        cacheTable.setItems(nodes.caches());
        cacheNameColumn.setCellValueFactory(text(NodeDetails.CacheStats::name));
        cacheEntriesColumn.setCellValueFactory(text(c -> Integer.toString(c.entries())));
        cacheSizeColumn.setCellValueFactory(text(c -> ByteSizes.format(c.sizeBytes())));
        cacheCapacityColumn.setCellValueFactory(text(c -> ByteSizes.format(c.capacityBytes())));
        cacheHitColumn.setCellValueFactory(text(c -> Double.isNaN(c.hitRatio()) ? "n/a"
                : String.format(Locale.ROOT, "%.1f%%", c.hitRatio() * 100)));
        clientTable.setItems(nodes.clients());
        clientAddressColumn.setCellValueFactory(text(c -> c.address() + ":" + c.port()));
        clientUserColumn.setCellValueFactory(text(NodeDetails.Client::username));
        clientDriverColumn.setCellValueFactory(text(NodeDetails.Client::driver));
        clientRequestsColumn.setCellValueFactory(text(c -> Long.toString(c.requests())));

        nodes.samples().addListener((ListChangeListener<NodeSample>) change -> redrawCharts());
        SelectedTabContent.attach(detailTabs);
    }

    /**
     * Data centres, each with its nodes rack by rack (the Rack column says which): one level fewer
     * than a rack level would take, so three nodes in two data centres fit the smallest window.
     * Rebuilt whole at each refresh (a handful of rows), expanded, with the selected node selected again.
     */
    private void rebuildNodeTree() {
        List<TreeItem<NodeTreeRow>> datacenters = new ArrayList<>();
        for (DatacenterGroup group : nodes.groups()) {
            TreeItem<NodeTreeRow> dc = new TreeItem<>(NodeTreeRow.of(group));
            dc.setExpanded(true);
            group.nodes().forEach(node -> dc.getChildren().add(new TreeItem<>(NodeTreeRow.of(node))));
            datacenters.add(dc);
        }
        nodeTable.getRoot().getChildren().setAll(datacenters);
        selectInTree(nodes.selectedProperty().get());
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

    /** At most {@value NodesViewModel#MAX_SAMPLES} points per series, redrawn once per health refresh. */
    private void redrawCharts() {
        List<NodeSample> samples = nodes.samples();
        Instant now = samples.isEmpty() ? Instant.now() : samples.get(samples.size() - 1).at();
        requestsChart.getData().setAll(List.of(series("reads", samples, now, NodeSample::readsPerSecond),
                series("writes", samples, now, NodeSample::writesPerSecond)));
        latencyChart.getData().setAll(List.of(series("read p99", samples, now, NodeSample::readP99Ms),
                series("write p99", samples, now, NodeSample::writeP99Ms)));
        pendingChart.getData().setAll(List.of(series("pending", samples, now, s -> s.pendingTasks())));
    }

    private static XYChart.Series<Number, Number> series(String name, List<NodeSample> samples, Instant now,
                                                         ToDoubleFunction<NodeSample> value) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(samples.size());
        for (NodeSample sample : samples) {
            double minutes = (sample.at().toEpochMilli() - now.toEpochMilli()) / 60_000.0;
            points.add(new XYChart.Data<>(minutes, value.applyAsDouble(sample)));
        }
        series.getData().setAll(points);
        return series;
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
