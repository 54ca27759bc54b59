package io.ringside.ui.cluster;

import io.ringside.core.cassandra.ByteSizes;
import io.ringside.core.cassandra.Cell;
import io.ringside.core.cassandra.ColumnInfo;
import io.ringside.core.cassandra.NodeDetails;
import io.ringside.core.cassandra.NodeStatus;
import io.ringside.core.cassandra.RowPage;
import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.Fxml;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** Controller of {@code fxml/cluster/ClusterView.fxml}: binds to {@link ClusterViewModel}, forwards clicks. */
public final class ClusterView {

    public static final String FXML = "/fxml/cluster/ClusterView.fxml";
    private static final List<Integer> PAGE_SIZES = List.of(25, 50, 100, 500, 1000);
    private static final String PRIMARY_RANGES = "(primary ranges)";

    private final ClusterViewModel viewModel;
    private final SchemaViewModel schema;
    private final RowsViewModel rows;
    private final NodesViewModel nodes;
    private final Map<String, TextField> filterFields = new LinkedHashMap<>();

    @FXML
    private Label summary;
    @FXML
    private Button refreshButton;
    @FXML
    private Region replicaBanner;
    @FXML
    private Label replicaBannerText;
    @FXML
    private Label errorText;
    @FXML
    private TreeView<SchemaTreeEntry> schemaTree;
    @FXML
    private Label selectionTitle;
    @FXML
    private Label estimate;
    @FXML
    private Button copyDdlButton;
    @FXML
    private TextArea ddlText;
    @FXML
    private HBox filterBox;
    @FXML
    private Button applyFilterButton;
    @FXML
    private Button clearFilterButton;
    @FXML
    private ComboBox<Integer> pageSizeChooser;
    @FXML
    private Button previousButton;
    @FXML
    private Button nextButton;
    @FXML
    private Label positionText;
    @FXML
    private TableView<RowPage.Row> rowTable;
    @FXML
    private Label detailTitle;
    @FXML
    private TextArea detailText;
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

    /** The screen on its own, outside the shell: for the benchmark and tests. */
    public static Parent load(ClusterViewModel viewModel) {
        return Fxml.load(FXML, new ControllerFactory().register(ClusterView.class, () -> new ClusterView(viewModel)));
    }

    public ClusterView(ClusterViewModel viewModel) {
        this.viewModel = viewModel;
        this.schema = viewModel.schema();
        this.rows = viewModel.rows();
        this.nodes = viewModel.nodes();
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(nodes.schemaAgreementProperty());
        replicaBanner.visibleProperty().bind(nodes.bannerShownProperty());
        replicaBanner.managedProperty().bind(nodes.bannerShownProperty());
        replicaBannerText.textProperty().bind(nodes.bannerProperty());
        errorText.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", nonEmpty(
                        viewModel.loadErrorProperty().get(), schema.errorProperty().get(), nodes.errorProperty().get())),
                viewModel.loadErrorProperty(), schema.errorProperty(), nodes.errorProperty()));
        errorText.visibleProperty().bind(errorText.textProperty().isNotEmpty());
        errorText.managedProperty().bind(errorText.visibleProperty());
        initBrowser();
        initRows();
        initNodes();
    }

    private void initBrowser() {
        schema.keyspaces().addListener((ListChangeListener<Object>) change -> rebuildTree());
        rebuildTree();
        schemaTree.getSelectionModel().selectedItemProperty().addListener((observable, before, item) -> {
            if (item != null && item.getValue().selection() != null) {
                schema.select(item.getValue().selection());
            }
        });
        selectionTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            SchemaSelection selected = schema.selectionProperty().get();
            if (selected == null) {
                return "Nothing selected";
            }
            return selected.isRelation() ? selected.keyspace() + "." + selected.relation() : selected.keyspace();
        }, schema.selectionProperty()));
        estimate.textProperty().bind(Bindings.createStringBinding(() -> schema.estimateProperty().get().isEmpty() ? ""
                : "Estimated rows: " + schema.estimateProperty().get(), schema.estimateProperty()));
        ddlText.textProperty().bind(schema.ddlProperty());
        copyDdlButton.disableProperty().bind(schema.ddlProperty().isEmpty());
    }

    private void rebuildTree() {
        schemaTree.setRoot(SchemaTree.build(schema.keyspaces()));
        for (TreeItem<SchemaTreeEntry> keyspace : schemaTree.getRoot().getChildren()) {
            keyspace.setExpanded(!SchemaTree.SYSTEM_GROUP.equals(keyspace.getValue().label()));
        }
        List<String> names = new ArrayList<>();
        names.add(PRIMARY_RANGES);
        names.addAll(schema.userKeyspaceNames());
        String current = keyspaceChooser.getValue();
        keyspaceChooser.getItems().setAll(names);
        keyspaceChooser.setValue(current != null && names.contains(current) ? current : PRIMARY_RANGES);
    }

    private void initRows() {
        pageSizeChooser.getItems().setAll(PAGE_SIZES);
        pageSizeChooser.setValue(rows.pageSizeProperty().get());
        rows.pageSizeProperty().addListener((observable, before, size) -> pageSizeChooser.setValue(size.intValue()));
        previousButton.disableProperty().bind(rows.canPreviousProperty().not());
        nextButton.disableProperty().bind(rows.canNextProperty().not());
        positionText.textProperty().bind(Bindings.createStringBinding(() -> rows.errorProperty().get().isEmpty()
                        ? rows.positionProperty().get() : rows.errorProperty().get(),
                rows.positionProperty(), rows.errorProperty()));
        rows.columns().addListener((ListChangeListener<ColumnInfo>) change -> rebuildColumns());
        rowTable.setItems(rows.rows());
        rowTable.getSelectionModel().setCellSelectionEnabled(true);
        rowTable.getSelectionModel().getSelectedCells().addListener((ListChangeListener<TablePosition>) change -> {
            List<TablePosition> cells = rowTable.getSelectionModel().getSelectedCells();
            if (cells.isEmpty()) {
                rows.inspect(null, -1);
                return;
            }
            TablePosition<?, ?> position = cells.get(0);
            int row = position.getRow();
            if (row >= 0 && row < rowTable.getItems().size()) {
                rows.inspect(rowTable.getItems().get(row), position.getColumn());
            }
        });
        detailTitle.textProperty().bind(rows.detailTitleProperty());
        detailText.textProperty().bind(rows.detailTextProperty());
        applyFilterButton.disableProperty().bind(Bindings.isEmpty(rows.columns()));
        clearFilterButton.disableProperty().bind(Bindings.isEmpty(rows.columns()));
    }

    private void rebuildColumns() {
        List<TableColumn<RowPage.Row, ?>> columns = new ArrayList<>();
        filterBox.getChildren().clear();
        filterFields.clear();
        List<ColumnInfo> infos = rows.columns();
        for (int i = 0; i < infos.size(); i++) {
            ColumnInfo info = infos.get(i);
            int index = i;
            TableColumn<RowPage.Row, Cell> column = new TableColumn<>(info.name());
            column.setSortable(false);
            column.setPrefWidth(info.blob() ? 110 : 140);
            column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().cells().get(index)));
            column.setCellFactory(c -> new ValueCell());
            columns.add(column);
            if (info.role() == io.ringside.core.cassandra.ColumnRole.PARTITION_KEY) {
                TextField field = new TextField();
                field.setPromptText(info.name() + " (" + info.type() + ")");
                field.setPrefColumnCount(10);
                field.setOnAction(e -> onApplyFilter());
                filterFields.put(info.name(), field);
                filterBox.getChildren().add(field);
            }
        }
        rowTable.getColumns().setAll(columns);
    }

    private void initNodes() {
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

    private static <S> javafx.util.Callback<TableColumn.CellDataFeatures<S, String>, ObservableValue<String>> text(
            Function<S, String> value) {
        return data -> new ReadOnlyStringWrapper(value.apply(data.getValue()));
    }

    private static List<String> nonEmpty(String... texts) {
        List<String> kept = new ArrayList<>();
        for (String text : texts) {
            if (text != null && !text.isEmpty() && !kept.contains(text)) {
                kept.add(text);
            }
        }
        return kept;
    }

    @FXML
    private void onRefresh() {
        viewModel.activate();
        rows.refresh();
    }

    @FXML
    private void onCopyDdl() {
        ClipboardContent content = new ClipboardContent();
        content.putString(schema.ddlProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void onApplyFilter() {
        Map<String, String> values = new LinkedHashMap<>();
        filterFields.forEach((column, field) -> values.put(column, field.getText()));
        rows.setFilter(values);
    }

    @FXML
    private void onClearFilter() {
        filterFields.values().forEach(TextField::clear);
        rows.setFilter(Map.of());
    }

    @FXML
    private void onPageSize() {
        Integer size = pageSizeChooser.getValue();
        if (size != null && size != rows.pageSizeProperty().get()) {
            rows.setPageSize(size);
        }
    }

    @FXML
    private void onPrevious() {
        rows.previous();
    }

    @FXML
    private void onNext() {
        rows.next();
    }

    @FXML
    private void onKeyspace() {
        String chosen = keyspaceChooser.getValue();
        if (chosen == null) {
            return;
        }
        String keyspace = PRIMARY_RANGES.equals(chosen) ? null : chosen;
        if (!java.util.Objects.equals(keyspace, nodes.keyspaceProperty().get())) {
            nodes.setKeyspace(keyspace);
        }
    }
}
