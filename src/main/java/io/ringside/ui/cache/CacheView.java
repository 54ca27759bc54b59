package io.ringside.ui.cache;

import io.ringside.core.cassandra.ByteSizes;
import io.ringside.core.redis.KeyAdmin;
import io.ringside.core.redis.NamespaceTree;
import io.ringside.core.redis.ServerStats;
import io.ringside.core.redis.ValueView;
import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.Fxml;
import io.ringside.ui.util.PreparedTableRows;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.util.Callback;

/** Controller of {@code fxml/cache/CacheView.fxml}: binds to {@link CacheViewModel}, forwards clicks. */
public final class CacheView {

    public static final String FXML = "/fxml/cache/CacheView.fxml";

    /** The text of an empty row ({@link PreparedTableRows}). */
    private static final ObservableValue<String> EMPTY = new ReadOnlyStringWrapper("");
    private static final long TREE_REFRESH_NANOS = 1_000_000_000L;
    private static final String ALL_TYPES = "all types";
    private static final List<String> TYPES = List.of(ALL_TYPES, "string", "hash", "list", "set", "zset", "stream");
    private static final double MIB = 1024.0 * 1024.0;

    private final KeyBrowserViewModel keys;
    private final ValueViewModel value;
    private final EvictionViewModel eviction;
    private final ServerViewModel server;
    private final EvictionPolicyViewModel policy;
    private final Map<String, TreeItem<NamespaceTree.Node>> treeItems = new HashMap<>();
    private final XYChart.Series<Number, Number> hits = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> misses = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> used = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> max = new XYChart.Series<>();
    private NamespaceTree shownTree;
    private long treeRefreshedAt;
    private boolean applyingSelection;

    @FXML
    private Tab serverTab;
    @FXML
    private Label serverSummary;
    @FXML
    private Label errorText;
    @FXML
    private TextField patternField;
    @FXML
    private ComboBox<String> typeChooser;
    @FXML
    private ComboBox<String> policyChooser;
    @FXML
    private Button applyPolicyButton;
    @FXML
    private Label policyMessage;
    @FXML
    private Button scanButton;
    @FXML
    private Button pauseButton;
    @FXML
    private Button resumeButton;
    @FXML
    private Button stopButton;
    @FXML
    private Label scanProgress;
    @FXML
    private TreeView<NamespaceTree.Node> namespaceTree;
    @FXML
    private TableView<KeyRow> keyTable;
    @FXML
    private TableColumn<KeyRow, String> keyColumn;
    @FXML
    private TableColumn<KeyRow, String> typeColumn;
    @FXML
    private TableColumn<KeyRow, String> ttlColumn;
    @FXML
    private TableColumn<KeyRow, String> sizeColumn;
    @FXML
    private Label valueTitle;
    @FXML
    private Label valueDetails;
    @FXML
    private Button loadAnywayButton;
    @FXML
    private Button nextPageButton;
    @FXML
    private Button saveButton;
    @FXML
    private Label valueError;
    @FXML
    private TextArea valueText;
    @FXML
    private TableView<ValueView.Entry> entryTable;
    @FXML
    private TableColumn<ValueView.Entry, String> entryNameColumn;
    @FXML
    private TableColumn<ValueView.Entry, String> entryValueColumn;
    @FXML
    private TextField ttlField;
    @FXML
    private Button setTtlButton;
    @FXML
    private Button persistButton;
    @FXML
    private Button evictButton;
    @FXML
    private Label actionMessage;
    @FXML
    private Label memoryText;
    @FXML
    private LineChart<Number, Number> hitMissChart;
    @FXML
    private LineChart<Number, Number> memoryChart;
    @FXML
    private LineChart<Number, Number> appChart;
    @FXML
    private Label appNote;
    @FXML
    private TableView<ServerStats.SlowEntry> slowTable;
    @FXML
    private TableColumn<ServerStats.SlowEntry, String> slowIdColumn;
    @FXML
    private TableColumn<ServerStats.SlowEntry, String> slowAtColumn;
    @FXML
    private TableColumn<ServerStats.SlowEntry, String> slowMicrosColumn;
    @FXML
    private TableColumn<ServerStats.SlowEntry, String> slowClientColumn;
    @FXML
    private TableColumn<ServerStats.SlowEntry, String> slowCommandColumn;
    @FXML
    private TableView<Map<String, String>> clientTable;
    @FXML
    private TableColumn<Map<String, String>, String> clientAddrColumn;
    @FXML
    private TableColumn<Map<String, String>, String> clientNameColumn;
    @FXML
    private TableColumn<Map<String, String>, String> clientAgeColumn;
    @FXML
    private TableColumn<Map<String, String>, String> clientIdleColumn;
    @FXML
    private TableColumn<Map<String, String>, String> clientDbColumn;
    @FXML
    private TableColumn<Map<String, String>, String> clientCmdColumn;
    @FXML
    private StackPane evictOverlay;
    @FXML
    private TextField evictPatternField;
    @FXML
    private Button previewButton;
    @FXML
    private Label evictSummary;
    @FXML
    private ListView<String> evictSample;
    @FXML
    private TextField evictConfirmField;
    @FXML
    private ProgressBar evictProgress;
    @FXML
    private Label evictError;
    @FXML
    private Button evictPauseButton;
    @FXML
    private Button evictResumeButton;
    @FXML
    private Button evictCancelButton;
    @FXML
    private Button evictCloseButton;
    @FXML
    private Button evictConfirmButton;

    /** The page on its own, outside the shell: for tests. */
    public static Parent load(CacheViewModel viewModel) {
        return Fxml.load(FXML, new ControllerFactory().register(CacheView.class, () -> new CacheView(viewModel)));
    }

    public CacheView(CacheViewModel viewModel) {
        this.keys = viewModel.keys();
        this.value = viewModel.value();
        this.eviction = viewModel.eviction();
        this.server = viewModel.server();
        this.policy = viewModel.policy();
    }

    @FXML
    private void applyPolicy() {
        policy.apply();
    }

    @FXML
    private void initialize() {
        serverSummary.textProperty().bind(server.summaryTextProperty());
        errorText.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", nonEmpty(
                        keys.errorProperty().get(), server.errorProperty().get())),
                keys.errorProperty(), server.errorProperty()));
        show(errorText, errorText.textProperty().isNotEmpty());
        initBrowser();
        initValue();
        initActions();
        initServer();
        initEviction();
        inSceneOnlyWhileSelected(serverTab);
    }

    /**
     * Keeps a tab's content out of the scene while another tab is shown. A hidden tab's nodes are
     * still laid out and styled whenever they change, and the Server tab's charts and tables change
     * with every poll, on the FX thread that the key table needs while a listing streams in.
     */
    private static void inSceneOnlyWhileSelected(Tab tab) {
        Node content = tab.getContent();
        tab.setContent(tab.isSelected() ? content : null);
        tab.selectedProperty().addListener((obs, was, selected) -> tab.setContent(selected ? content : null));
    }

    private void initBrowser() {
        patternField.textProperty().bindBidirectional(keys.patternProperty());
        typeChooser.getItems().setAll(TYPES);
        typeChooser.getSelectionModel().select(keys.typeFilterProperty().get() == null ? ALL_TYPES
                : keys.typeFilterProperty().get());
        typeChooser.valueProperty().addListener((obs, old, type) ->
                keys.typeFilterProperty().set(type == null || ALL_TYPES.equals(type) ? null : type));
        ObservableValue<KeyBrowserViewModel.ScanState> state = keys.stateProperty();
        bindRunControls(state, KeyBrowserViewModel.ScanState.RUNNING, KeyBrowserViewModel.ScanState.PAUSED,
                pauseButton, resumeButton, stopButton);
        scanProgress.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                        "%,d listed · %,d of %,d examined (DBSIZE)%s", keys.listedProperty().get(), keys.examinedProperty().get(),
                        keys.dbSizeProperty().get(), stateSuffix(state.getValue())),
                keys.listedProperty(), keys.examinedProperty(), keys.dbSizeProperty(), state));

        PreparedTableRows.show(keyTable, keys.rows());
        keyTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        keyColumn.setCellValueFactory(text(KeyRow::displayKey));
        typeColumn.setCellValueFactory(text(KeyRow::type));
        sizeColumn.setCellValueFactory(cell -> cell.getValue() == null ? EMPTY : Bindings.createStringBinding(
                () -> keys.sizeText(cell.getValue()), keys.sizesVersionProperty()));
        ttlColumn.setCellValueFactory(cell -> cell.getValue() == null ? EMPTY : Bindings.createStringBinding(
                () -> cell.getValue().ttlText(keys.nowProperty().get()), keys.nowProperty()));
        keyTable.setSortPolicy(table -> keys.sort(table.getSortOrder().stream().map(this::rowOrder).toList()));
        for (TableColumn<KeyRow, String> column : List.of(keyColumn, typeColumn, ttlColumn, sizeColumn)) {
            column.sortableProperty().bind(keys.sortableProperty());
        }
        keys.sortableProperty().addListener((obs, was, sortable) -> {
            if (!sortable) {
                keyTable.getSortOrder().clear();
            }
        });
        keyTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<KeyRow>) change -> {
            if (!applyingSelection) {
                keys.select(List.copyOf(keyTable.getSelectionModel().getSelectedItems()));
            }
        });
        keyTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!applyingSelection) {
                value.show(row);
            }
        });
        keys.selectionRequestProperty().addListener((obs, old, rows) -> select(rows));

        namespaceTree.setRoot(new TreeItem<>());
        namespaceTree.setCellFactory(tree -> new TreeCell<>() {
            @Override
            protected void updateItem(NamespaceTree.Node node, boolean empty) {
                super.updateItem(node, empty);
                setText(empty || node == null ? null : node.bytes() > 0
                        ? String.format(Locale.ROOT, "%s  (%,d · %s)", node.name(), node.keys(), ByteSizes.format(node.bytes()))
                        : String.format(Locale.ROOT, "%s  (%,d)", node.name(), node.keys()));
            }
        });
        namespaceTree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue() != null) {
                keys.browse(item.getValue().pattern());
            }
        });
        keys.treeVersionProperty().addListener((obs, old, version) -> updateTree());
        keys.stateProperty().addListener((obs, old, now) -> {
            if (now == KeyBrowserViewModel.ScanState.DONE) {
                refreshTreeCounts(true);
            }
        });
    }

    private RowOrder rowOrder(TableColumn<KeyRow, ?> column) {
        RowOrder.Column by = column == keyColumn ? RowOrder.Column.KEY : column == typeColumn ? RowOrder.Column.TYPE
                : column == ttlColumn ? RowOrder.Column.TTL : RowOrder.Column.SIZE;
        return new RowOrder(by, column.getSortType() == TableColumn.SortType.ASCENDING);
    }

    private static String stateSuffix(KeyBrowserViewModel.ScanState state) {
        return switch (state) {
            case RUNNING -> " · scanning";
            case PAUSED -> " · paused";
            case DONE, IDLE -> "";
        };
    }

    private void select(List<KeyRow> rows) {
        applyingSelection = true;
        try {
            keyTable.getSelectionModel().clearSelection();
            int[] indices = keys.indicesOf(rows);
            if (indices.length > 0) {
                keyTable.getSelectionModel().selectIndices(indices[0], Arrays.copyOfRange(indices, 1, indices.length));
            }
        } finally {
            applyingSelection = false;
        }
        keys.select(List.copyOf(keyTable.getSelectionModel().getSelectedItems()));
    }

    /** Adds the namespaces the last batches brought, in place, so expanded branches stay open. */
    private void updateTree() {
        NamespaceTree tree = keys.tree();
        if (tree != shownTree) {
            shownTree = tree;
            treeItems.clear();
            namespaceTree.getRoot().getChildren().clear();
        }
        addChildren(tree.root(), namespaceTree.getRoot());
        refreshTreeCounts(false);
    }

    /**
     * Redraws the counts of the namespaces shown. A refresh recreates every tree cell (CSS, skin),
     * so while a scan streams in it runs at most once a second, and once more when the scan ends.
     */
    private void refreshTreeCounts(boolean force) {
        long now = System.nanoTime();
        if (force || now - treeRefreshedAt > TREE_REFRESH_NANOS) {
            treeRefreshedAt = now;
            namespaceTree.refresh();
        }
    }

    private void addChildren(NamespaceTree.Node node, TreeItem<NamespaceTree.Node> item) {
        int index = 0;
        for (NamespaceTree.Node child : node.children()) {
            TreeItem<NamespaceTree.Node> childItem = treeItems.get(child.pattern());
            if (childItem == null) {
                childItem = new TreeItem<>(child);
                treeItems.put(child.pattern(), childItem);
                item.getChildren().add(index, childItem);
            }
            addChildren(child, childItem);
            index++;
        }
    }

    private void initValue() {
        valueTitle.textProperty().bind(Bindings.when(value.titleProperty().isEmpty())
                .then("Select a key to see its value").otherwise(value.titleProperty()));
        valueDetails.textProperty().bind(value.detailsProperty());
        valueText.textProperty().bind(value.textProperty());
        valueError.textProperty().bind(value.errorProperty());
        show(valueError, value.errorProperty().isNotEmpty());
        show(loadAnywayButton, value.guardedProperty());
        show(nextPageButton, value.hasNextPageProperty());
        saveButton.disableProperty().bind(value.titleProperty().isEmpty());
        valueText.visibleProperty().bind(value.collectionProperty().not());
        entryTable.visibleProperty().bind(value.collectionProperty());
        entryTable.setItems(value.entries());
        entryNameColumn.setCellValueFactory(text(ValueView.Entry::name));
        entryValueColumn.setCellValueFactory(text(ValueView.Entry::value));
    }

    private void initActions() {
        ttlField.setText(String.valueOf(keys.ttlSecondsProperty().get()));
        var none = Bindings.isEmpty(keys.selection());
        setTtlButton.disableProperty().bind(none);
        persistButton.disableProperty().bind(none);
        evictButton.disableProperty().bind(none);
        actionMessage.textProperty().bind(keys.messageProperty());
    }

    private void initServer() {
        memoryText.textProperty().bind(server.memoryTextProperty());
        policyChooser.getItems().setAll(KeyAdmin.POLICIES);
        policyChooser.valueProperty().bindBidirectional(policy.chosenProperty());
        policyChooser.disableProperty().bind(policy.readOnlyProperty().or(policy.applyingProperty()));
        applyPolicyButton.disableProperty().bind(policy.readOnlyProperty().or(policy.applyingProperty())
                .or(policy.chosenProperty().isEqualTo(policy.currentProperty())));
        policyMessage.textProperty().bind(Bindings.when(policy.readOnlyProperty())
                .then("read-only profile: the policy cannot be changed").otherwise(policy.messageProperty()));
        hits.setName("hits/s");
        misses.setName("misses/s");
        used.setName("used");
        max.setName("maxmemory");
        hitMissChart.getData().setAll(List.of(hits, misses));
        memoryChart.getData().setAll(List.of(used, max));
        server.points().addListener((ListChangeListener<ServerViewModel.Point>) change -> redrawCharts());
        server.appPoints().addListener((ListChangeListener<ServerViewModel.AppPoint>) change -> redrawAppChart());
        appNote.textProperty().bind(server.appNoteProperty());
        slowTable.setItems(server.slowlog());
        slowIdColumn.setCellValueFactory(text(entry -> String.valueOf(entry.id())));
        slowAtColumn.setCellValueFactory(text(entry -> entry.at().toString()));
        slowMicrosColumn.setCellValueFactory(text(entry -> String.format(Locale.ROOT, "%,d", entry.micros())));
        slowClientColumn.setCellValueFactory(text(ServerStats.SlowEntry::client));
        slowCommandColumn.setCellValueFactory(text(ServerStats.SlowEntry::command));
        clientTable.setItems(server.clients());
        clientAddrColumn.setCellValueFactory(field("addr"));
        clientNameColumn.setCellValueFactory(field("name"));
        clientAgeColumn.setCellValueFactory(field("age"));
        clientIdleColumn.setCellValueFactory(field("idle"));
        clientDbColumn.setCellValueFactory(field("db"));
        clientCmdColumn.setCellValueFactory(field("cmd"));
    }

    private void redrawCharts() {
        List<XYChart.Data<Number, Number>> hitPoints = new ArrayList<>();
        List<XYChart.Data<Number, Number>> missPoints = new ArrayList<>();
        List<XYChart.Data<Number, Number>> usedPoints = new ArrayList<>();
        List<XYChart.Data<Number, Number>> maxPoints = new ArrayList<>();
        for (ServerViewModel.Point p : server.points()) {
            hitPoints.add(new XYChart.Data<>(p.seconds(), p.hitsPerSecond()));
            missPoints.add(new XYChart.Data<>(p.seconds(), p.missesPerSecond()));
            usedPoints.add(new XYChart.Data<>(p.seconds(), p.usedMemory() / MIB));
            if (p.maxMemory() > 0) {
                maxPoints.add(new XYChart.Data<>(p.seconds(), p.maxMemory() / MIB));
            }
        }
        hits.getData().setAll(hitPoints);
        misses.getData().setAll(missPoints);
        used.getData().setAll(usedPoints);
        max.getData().setAll(maxPoints);
    }

    private void redrawAppChart() {
        Map<String, List<XYChart.Data<Number, Number>>> byNamespace = new TreeMap<>();
        for (ServerViewModel.AppPoint p : server.appPoints()) {
            if (!Double.isNaN(p.hitRatioPercent())) {
                byNamespace.computeIfAbsent(p.namespace(), n -> new ArrayList<>())
                        .add(new XYChart.Data<>(p.seconds(), p.hitRatioPercent()));
            }
        }
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        byNamespace.forEach((namespace, data) -> {
            XYChart.Series<Number, Number> one = new XYChart.Series<>();
            one.setName(namespace);
            one.getData().setAll(data);
            series.add(one);
        });
        appChart.getData().setAll(series);
    }

    private void initEviction() {
        evictOverlay.setVisible(false);
        evictPatternField.textProperty().bindBidirectional(eviction.patternProperty());
        evictConfirmField.textProperty().bindBidirectional(eviction.typedProperty());
        evictSummary.textProperty().bind(eviction.summaryProperty());
        evictError.textProperty().bind(eviction.errorProperty());
        evictSample.setItems(eviction.sample());
        evictProgress.progressProperty().bind(eviction.progressProperty());
        evictConfirmButton.disableProperty().bind(eviction.confirmableProperty().not());
        ObservableValue<EvictionViewModel.Phase> phase = eviction.phaseProperty();
        bindRunControls(phase, EvictionViewModel.Phase.EVICTING, EvictionViewModel.Phase.PAUSED,
                evictPauseButton, evictResumeButton, evictCancelButton);
        evictCloseButton.disableProperty().bind(evictCancelButton.disableProperty().not());
        previewButton.disableProperty().bind(evictCloseButton.disableProperty());
        evictPatternField.disableProperty().bind(evictCloseButton.disableProperty());
        phase.addListener((obs, old, now) -> {
            if (now == EvictionViewModel.Phase.ENDED) {
                keys.scan();
            }
        });
    }

    @FXML
    private void onScan() {
        keys.scan();
    }

    @FXML
    private void onPause() {
        keys.pause();
    }

    @FXML
    private void onResume() {
        keys.resume();
    }

    @FXML
    private void onStop() {
        keys.stop();
    }

    @FXML
    private void onLoadAnyway() {
        value.loadAnyway();
    }

    @FXML
    private void onNextPage() {
        value.nextPage();
    }

    @FXML
    private void onSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the value of " + value.titleProperty().get());
        File file = chooser.showSaveDialog(saveButton.getScene().getWindow());
        if (file != null) {
            value.save(file.toPath());
        }
    }

    @FXML
    private void onSetTtl() {
        try {
            int seconds = Integer.parseInt(ttlField.getText().strip());
            if (seconds <= 0) {
                throw new NumberFormatException();
            }
            keys.ttlSecondsProperty().set(seconds);
            keys.setTtl();
        } catch (NumberFormatException e) {
            actionMessage.textProperty().unbind();
            actionMessage.setText("TTL must be a whole number of seconds above 0, not '" + ttlField.getText() + "'");
            actionMessage.textProperty().bind(keys.messageProperty());
        }
    }

    @FXML
    private void onPersist() {
        keys.persist();
    }

    @FXML
    private void onEvict() {
        keys.evictSelection();
    }

    @FXML
    private void onEvictPattern() {
        eviction.open(keys.patternProperty().get());
        evictOverlay.setVisible(true);
        evictConfirmField.requestFocus();
    }

    @FXML
    private void onPreview() {
        eviction.showPreview();
    }

    @FXML
    private void onEvictConfirm() {
        eviction.evict();
    }

    @FXML
    private void onEvictPause() {
        eviction.pause();
    }

    @FXML
    private void onEvictResume() {
        eviction.resume();
    }

    @FXML
    private void onEvictCancel() {
        eviction.cancel();
    }

    @FXML
    private void onEvictClose() {
        evictOverlay.setVisible(false);
    }

    /** Pause only while running, resume only while paused, stop (or cancel) while either. */
    private static <T> void bindRunControls(ObservableValue<T> state, T running, T paused, Button pause,
                                            Button resume, Button stop) {
        pause.disableProperty().bind(Bindings.createBooleanBinding(() -> state.getValue() != running, state));
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> state.getValue() != paused, state));
        stop.disableProperty().bind(Bindings.createBooleanBinding(
                () -> state.getValue() != running && state.getValue() != paused, state));
    }

    private static void show(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }

    private static <S> Callback<TableColumn.CellDataFeatures<S, String>, ObservableValue<String>> text(
            Function<S, String> getter) {
        return cell -> cell.getValue() == null ? EMPTY : new ReadOnlyStringWrapper(getter.apply(cell.getValue()));
    }

    private static Callback<TableColumn.CellDataFeatures<Map<String, String>, String>,
            ObservableValue<String>> field(String name) {
        return text(fields -> fields.getOrDefault(name, ""));
    }

    private static List<String> nonEmpty(String... texts) {
        List<String> out = new ArrayList<>();
        for (String text : texts) {
            if (text != null && !text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }
}
