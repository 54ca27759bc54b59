package io.ringside.ui.cluster;

import io.ringside.core.cassandra.Cell;
import io.ringside.core.cassandra.ColumnInfo;
import io.ringside.core.cassandra.ColumnRole;
import io.ringside.core.cassandra.RowPage;
import io.ringside.ui.util.GridClassPreload;
import io.ringside.ui.util.PageItems;
import io.ringside.ui.util.StagedColumns;
import io.ringside.ui.util.StepsPerPulse;
import io.ringside.ui.util.ValueCell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;

/**
 * Controller of {@code fxml/cluster/RowsPane.fxml}: the paged rows of the selected table, their
 * partition-key filter and the cell detail. Binds to {@link RowsViewModel}.
 */
public final class RowsPane {

    private static final List<Integer> PAGE_SIZES = List.of(25, 50, 100, 500, 1000);
    /** Narrow enough for three key columns beside the tree at the minimum window, wide enough for "version (int)". */
    private static final double FILTER_FIELD_MIN_WIDTH = 100;

    private final RowsViewModel rows;
    private final Map<String, TextField> filterFields = new LinkedHashMap<>();
    private StagedColumns<RowPage.Row> stagedColumns;

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

    public RowsPane(RowsViewModel rows) {
        this.rows = rows;
    }

    @FXML
    private void initialize() {
        GridClassPreload.start();
        pageSizeChooser.getItems().setAll(PAGE_SIZES);
        pageSizeChooser.setValue(rows.pageSizeProperty().get());
        rows.pageSizeProperty().addListener((observable, before, size) -> pageSizeChooser.setValue(size.intValue()));
        previousButton.disableProperty().bind(rows.canPreviousProperty().not());
        nextButton.disableProperty().bind(rows.canNextProperty().not());
        positionText.textProperty().bind(Bindings.createStringBinding(() -> rows.errorProperty().get().isEmpty()
                        ? rows.positionProperty().get() : rows.errorProperty().get(),
                rows.positionProperty(), rows.errorProperty()));
        stagedColumns = new StagedColumns<>(rowTable);
        rows.columns().addListener((ListChangeListener<ColumnInfo>) change -> rebuildColumns());
        rebuildColumns();
        PageItems.follow(rowTable, rows.rows());
        if (rowTable.getPlaceholder() instanceof Label placeholder) {
            placeholder.textProperty().bind(rows.emptyTextProperty());
        }
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
        showDetailWhileInspecting();
        applyFilterButton.disableProperty().bind(Bindings.isEmpty(rows.columns()));
        clearFilterButton.disableProperty().bind(Bindings.isEmpty(rows.columns()));
    }

    /**
     * The cell detail takes room from the rows only while a cell is chosen: at the minimum window
     * the grid showed five rows above an empty detail box. Once it shows, the chosen row is scrolled
     * back into view if the detail now covers it (a row chosen near the grid's bottom).
     */
    private void showDetailWhileInspecting() {
        BooleanBinding inspecting = rows.detailTitleProperty().isNotEmpty();
        for (Node part : List.of(detailTitle, detailText)) {
            part.visibleProperty().bind(inspecting);
            part.managedProperty().bind(inspecting);
        }
        inspecting.addListener((observable, was, now) -> {
            if (now) {
                // the pulse after the next: the next one lays the grid out shorter
                StepsPerPulse.start(List.of(this::keepChosenRowInView));
            }
        });
    }

    private void keepChosenRowInView() {
        int row = rowTable.getSelectionModel().getSelectedIndex();
        if (row >= 0 && rowTable.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(row);
        }
    }

    private void rebuildColumns() {
        List<TableColumn<RowPage.Row, ?>> columns = new ArrayList<>();
        List<TextField> fields = new ArrayList<>();
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
            column.setCellFactory(c -> new ValueCell<>());
            columns.add(column);
            if (info.role() == ColumnRole.PARTITION_KEY) {
                TextField field = new TextField();
                field.setPromptText(info.name() + " (" + info.type() + ")");
                field.setPrefColumnCount(8);
                field.setMinWidth(FILTER_FIELD_MIN_WIDTH);
                field.setOnAction(e -> onApplyFilter());
                filterFields.put(info.name(), field);
                fields.add(field);
            }
        }
        stagedColumns.setAll(columns, () -> filterBox.getChildren().setAll(fields));
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
}
