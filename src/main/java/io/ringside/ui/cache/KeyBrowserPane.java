package io.ringside.ui.cache;

import static io.ringside.ui.cache.CacheBindings.EMPTY;
import static io.ringside.ui.cache.CacheBindings.bindRunControls;
import static io.ringside.ui.cache.CacheBindings.text;

import io.ringside.core.cassandra.ByteSizes;
import io.ringside.core.redis.NamespaceTree;
import io.ringside.core.redis.ReadableKey;
import io.ringside.ui.util.PreparedTableRows;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;

/**
 * Controller of {@code fxml/cache/KeyBrowserPane.fxml}, the Keys tab: pattern and type filter,
 * namespace tree, key table and the actions on the selected keys. Binds to {@link KeyBrowserViewModel};
 * the row picked in the table goes to the {@link ValueViewModel} of the included value pane.
 */
public final class KeyBrowserPane {

    private static final long TREE_REFRESH_NANOS = 1_000_000_000L;
    private static final String ALL_TYPES = "all types";
    private static final List<String> TYPES = List.of(ALL_TYPES, "string", "hash", "list", "set", "zset", "stream");

    private final KeyBrowserViewModel keys;
    private final ValueViewModel value;
    private final Map<String, TreeItem<NamespaceTree.Node>> treeItems = new HashMap<>();
    private NamespaceTree shownTree;
    private long treeRefreshedAt;
    private boolean applyingSelection;
    private Runnable evictPattern = () -> { };

    @FXML
    private TextField patternField;
    @FXML
    private ComboBox<String> typeChooser;
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
    private TableColumn<KeyRow, ReadableKey> keyColumn;
    @FXML
    private TableColumn<KeyRow, String> typeColumn;
    @FXML
    private TableColumn<KeyRow, String> ttlColumn;
    @FXML
    private TableColumn<KeyRow, String> sizeColumn;
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

    public KeyBrowserPane(KeyBrowserViewModel keys, ValueViewModel value) {
        this.keys = keys;
        this.value = value;
    }

    /** What "Evict by pattern…" does: the page opens its eviction dialog. */
    void onEvictPattern(Runnable action) {
        this.evictPattern = action;
    }

    @FXML
    private void initialize() {
        initBrowser();
        initActions();
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
        scanProgress.setTooltip(new Tooltip());
        scanProgress.getTooltip().textProperty().bind(scanProgress.textProperty());

        PreparedTableRows.show(keyTable, keys.rows());
        keyTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        keyColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue() == null ? null : cell.getValue().readableKey()));
        keyColumn.setCellFactory(column -> new KeyCell());
        MenuItem copyKeys = new MenuItem("Copy key");
        copyKeys.setOnAction(e -> copy(ReadableKey::raw));
        MenuItem copyNames = new MenuItem("Copy readable name");
        copyNames.setOnAction(e -> copy(ReadableKey::text));
        keyTable.setContextMenu(new ContextMenu(copyKeys, copyNames));
        typeColumn.setCellValueFactory(text(KeyRow::type));
        sizeColumn.setCellValueFactory(cell -> cell.getValue() == null ? EMPTY : Bindings.createStringBinding(
                () -> keys.sizeText(cell.getValue()), keys.sizesVersionProperty()));
        ttlColumn.setCellValueFactory(cell -> cell.getValue() == null ? EMPTY : Bindings.createStringBinding(
                () -> cell.getValue().ttlText(keys.nowProperty().get()), keys.nowProperty()));
        keyTable.setSortPolicy(table -> keys.sort(table.getSortOrder().stream().map(this::rowOrder).toList()));
        for (TableColumn<KeyRow, ?> column : List.<TableColumn<KeyRow, ?>>of(keyColumn, typeColumn, ttlColumn, sizeColumn)) {
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
                String label = empty || node == null ? null : ReadableKey.namespaceLabel(node.prefix());
                setText(label == null ? null : node.bytes() > 0
                        ? String.format(Locale.ROOT, "%s  (%,d · %s)", label, node.keys(), ByteSizes.format(node.bytes()))
                        : String.format(Locale.ROOT, "%s  (%,d)", label, node.keys()));
                if (label != null && !label.equals(node.name())) {
                    Tooltip raw = getTooltip() == null ? new Tooltip() : getTooltip();
                    raw.setText(node.pattern());
                    setTooltip(raw);
                } else {
                    setTooltip(null);
                }
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

    /** Adds the namespaces new in {@code node} under {@code item} and drops those it no longer has (evicted). */
    private void addChildren(NamespaceTree.Node node, TreeItem<NamespaceTree.Node> item) {
        item.getChildren().removeIf(childItem -> {
            NamespaceTree.Node child = childItem.getValue();
            boolean gone = node.child(child.name()) != child;
            if (gone) {
                forget(childItem);
            }
            return gone;
        });
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

    private void forget(TreeItem<NamespaceTree.Node> item) {
        treeItems.remove(item.getValue().pattern());
        item.getChildren().forEach(this::forget);
    }

    /** Puts the selected rows' keys on the clipboard, one a line. */
    private void copy(Function<ReadableKey, String> text) {
        String keysText = keyTable.getSelectionModel().getSelectedItems().stream()
                .map(row -> text.apply(row.readableKey())).collect(Collectors.joining("\n"));
        if (!keysText.isEmpty()) {
            Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, keysText));
        }
    }

    /** A key cell: the readable name, the escaped key in a tooltip when the two differ. */
    private static final class KeyCell extends TableCell<KeyRow, ReadableKey> {

        private final Tooltip raw = new Tooltip();

        @Override
        protected void updateItem(ReadableKey key, boolean empty) {
            super.updateItem(key, empty);
            setText(empty || key == null ? null : key.text());
            if (!empty && key != null && key.readable()) {
                raw.setText(key.raw());
                setTooltip(raw);
            } else {
                setTooltip(null);
            }
        }
    }

    private void initActions() {
        ttlField.setText(String.valueOf(keys.ttlSecondsProperty().get()));
        var none = Bindings.isEmpty(keys.selection());
        setTtlButton.disableProperty().bind(none);
        persistButton.disableProperty().bind(none);
        evictButton.disableProperty().bind(none);
        actionMessage.textProperty().bind(keys.messageProperty());
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
        evictPattern.run();
    }
}
