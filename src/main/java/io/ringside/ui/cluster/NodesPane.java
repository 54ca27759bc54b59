package io.ringside.ui.cluster;

import io.ringside.core.cassandra.ByteSizes;
import io.ringside.core.cassandra.NodeDetails;
import io.ringside.core.cassandra.NodeStatus;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.TableHeaders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
    private TableView<NodeStatus> nodeTable;
    @FXML
    private TableColumn<NodeStatus, String> stateColumn;
    @FXML
    private TableColumn<NodeStatus, String> addressColumn;
    @FXML
    private TableColumn<NodeStatus, String> dcColumn;
    @FXML
    private TableColumn<NodeStatus, String> rackColumn;
    @FXML
    private TableColumn<NodeStatus, String> loadColumn;
    @FXML
    private TableColumn<NodeStatus, String> tokensColumn;
    @FXML
    private TableColumn<NodeStatus, String> ownsColumn;
    @FXML
    private TableColumn<NodeStatus, String> hostIdColumn;
    @FXML
    private TableColumn<NodeStatus, String> versionColumn;
    @FXML
    private TableColumn<NodeStatus, String> schemaColumn;
    @FXML
    private Label detailSummary;
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
        nodeTable.setItems(nodes.nodes());
        stateColumn.setCellValueFactory(text(NodeStatus::state));
        stateColumn.setCellFactory(c -> new NodeStateCell());
        addressColumn.setCellValueFactory(text(NodeStatus::address));
        dcColumn.setCellValueFactory(text(NodeStatus::datacenter));
        rackColumn.setCellValueFactory(text(NodeStatus::rack));
        loadColumn.setCellValueFactory(text(n -> n.loadBytes() < 0 ? "?" : ByteSizes.format(n.loadBytes())));
        tokensColumn.setCellValueFactory(text(n -> Integer.toString(n.tokens())));
        ownsColumn.setCellValueFactory(text(n -> n.ownership() == null ? "?"
                : String.format(Locale.ROOT, "%.1f%%", n.ownership() * 100)));
        hostIdColumn.setCellValueFactory(text(n -> String.valueOf(n.hostId())));
        hostIdColumn.setCellFactory(column -> new TableCell<>() {
            { getStyleClass().add(Styles.ELIDABLE); } // a long UUID may be cut at the minimum width: the tooltip has it whole

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        versionColumn.setCellValueFactory(text(NodeStatus::version));
        schemaColumn.setCellValueFactory(text(n -> n.schemaVersion() == null ? "?"
                : n.schemaVersion().toString().substring(0, 8) + (n.schemaAgrees() ? "" : " ≠")));
        nodeTable.getSelectionModel().selectedItemProperty().addListener((observable, before, node) -> {
            if (node != null && !node.hostId().equals(nodes.selectedProperty().get())) {
                nodes.select(node.hostId());
            }
        });
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
