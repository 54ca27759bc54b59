package io.ringside.ui.cluster;

import io.ringside.ui.util.Errors;
import io.ringside.core.cassandra.Cell;
import io.ringside.core.cassandra.ColumnInfo;
import io.ringside.core.cassandra.PageCursor;
import io.ringside.core.cassandra.PageQuery;
import io.ringside.core.cassandra.RelationInfo;
import io.ringside.core.cassandra.RowPage;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.TaskExecutor;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The row viewer: one page of one table at a time, forward with the driver's paging state and
 * back through a {@link PageCursor}, an optional partition filter, and the inspection of one cell
 * (a blob's size and hex head, fetched only then; a long text in full). A page replaces the rows
 * in one list change; answers to requests that a later click superseded are dropped.
 */
public final class RowsViewModel {

    static final int DEFAULT_PAGE_SIZE = 100;

    private final ClusterGateway gateway;
    private final TaskExecutor executor;
    private final PageCursor cursor = new PageCursor();
    private final ObservableList<ColumnInfo> columns = FXCollections.observableArrayList();
    private final ObservableList<ColumnInfo> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<RowPage.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<RowPage.Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyIntegerWrapper pageSize = new ReadOnlyIntegerWrapper(DEFAULT_PAGE_SIZE);
    private final ReadOnlyIntegerWrapper pageNumber = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canPrevious = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(NOTHING_OPEN);
    private final ReadOnlyStringWrapper detailTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detailText = new ReadOnlyStringWrapper("");
    private RelationInfo relation;
    private Map<String, String> filter = Map.of();
    private int generation;
    private int inspection;

    static final String NOTHING_OPEN = "Select a table or view in the tree";
    static final String NO_MATCH = "No rows match the filter";
    static final String NO_ROWS = "This table has no rows";
    static final String READING = "Reading rows…";

    public RowsViewModel(ClusterGateway gateway, TaskExecutor executor) {
        this.gateway = gateway;
        this.executor = executor;
    }

    /** Shows the first page of a table or view; null clears the viewer. */
    public void open(RelationInfo opened) {
        relation = opened;
        filter = Map.of();
        columns.setAll(opened == null ? List.of() : opened.columns());
        clearDetail();
        first();
    }

    public void setPageSize(int size) {
        if (size < 1 || size > PageQuery.MAX_PAGE_SIZE) {
            error.set("Page size must be between 1 and " + PageQuery.MAX_PAGE_SIZE);
            return;
        }
        pageSize.set(size);
        first();
    }

    /** Limits the rows to one partition (every partition-key column has a value) or, empty, lifts it. */
    public void setFilter(Map<String, String> partitionKey) {
        Map<String, String> values = new LinkedHashMap<>();
        partitionKey.forEach((column, text) -> {
            if (text != null && !text.isBlank()) {
                values.put(column, text);
            }
        });
        filter = Map.copyOf(values);
        first();
    }

    public void next() {
        if (canNext.get()) {
            fetch(cursor.forward());
        }
    }

    public void previous() {
        if (canPrevious.get()) {
            fetch(cursor.back());
        }
    }

    public void refresh() {
        if (relation != null) {
            fetch(cursor.current());
        }
    }

    private void first() {
        cursor.reset();
        rows.clear();
        if (relation == null) {
            pageNumber.set(0);
            canNext.set(false);
            canPrevious.set(false);
            position.set("");
            emptyText.set(NOTHING_OPEN);
            return;
        }
        fetch(null);
    }

    private void fetch(ByteBuffer state) {
        PageQuery query;
        try {
            query = new PageQuery(relation.keyspace(), relation.name(), pageSize.get(), filter);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        int current = ++generation;
        busy.set(true);
        emptyText.set(READING);
        canNext.set(false);
        canPrevious.set(false);
        error.set("");
        BackgroundTask.wrap(() -> gateway.page(query, state))
                .onSuccess(page -> {
                    if (current != generation) {
                        return;
                    }
                    busy.set(false);
                    cursor.arrived(page);
                    rows.setAll(page.rows());
                    showPosition();
                })
                .onFailure(e -> {
                    if (current != generation) {
                        return;
                    }
                    busy.set(false);
                    error.set(Errors.firstLine(e));
                    showPosition();
                })
                .executeWith(executor);
    }

    private void showPosition() {
        emptyText.set(!error.get().isEmpty() ? error.get() : filter.isEmpty() ? NO_ROWS : NO_MATCH);
        pageNumber.set(cursor.pageNumber());
        canNext.set(cursor.hasNext());
        canPrevious.set(cursor.hasPrevious());
        long firstRow = (long) (cursor.pageNumber() - 1) * pageSize.get() + 1;
        position.set(rows.isEmpty() ? "Page " + cursor.pageNumber() + " · no rows"
                : "Page " + cursor.pageNumber() + " · rows " + firstRow + "–" + (firstRow + rows.size() - 1)
                        + (cursor.hasNext() ? "" : " (last page)"));
    }

    /** Shows one cell in the detail pane: a blob's head is fetched now, text is shown whole. */
    public void inspect(RowPage.Row row, int column) {
        if (row == null || column < 0 || column >= columns.size()) {
            clearDetail();
            return;
        }
        int current = ++inspection;
        ColumnInfo info = columns.get(column);
        Cell cell = row.cells().get(column);
        detailTitle.set(info.name() + " (" + info.type() + ")");
        if (cell.kind() != Cell.Kind.BLOB) {
            detailText.set(cell.full());
            return;
        }
        detailText.set("Reading the blob's head…");
        RelationInfo table = relation;
        BackgroundTask.wrap(() -> gateway.blobHead(table.keyspace(), table.name(), row.primaryKey(), info.name()))
                .onSuccess(head -> {
                    if (current == inspection) {
                        detailText.set(head.describe());
                    }
                })
                .onFailure(e -> {
                    if (current == inspection) {
                        detailText.set("Cannot read the blob: " + Errors.firstLine(e));
                    }
                })
                .executeWith(executor);
    }

    private void clearDetail() {
        inspection++;
        detailTitle.set("");
        detailText.set("");
    }

    public ObservableList<ColumnInfo> columns() {
        return columnsView;
    }

    public ObservableList<RowPage.Row> rows() {
        return rowsView;
    }

    public ReadOnlyIntegerProperty pageSizeProperty() {
        return pageSize.getReadOnlyProperty();
    }

    /** 1-based; 0 while no table is open. */
    public ReadOnlyIntegerProperty pageNumberProperty() {
        return pageNumber.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPreviousProperty() {
        return canPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * What the empty table says: that nothing is open, that the rows are on their way, that the
     * filter matched nothing (not "Select a table": one is selected) or that the table is empty.
     */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailTitleProperty() {
        return detailTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailTextProperty() {
        return detailText.getReadOnlyProperty();
    }

    public Map<String, String> filter() {
        return filter;
    }

    public RelationInfo relation() {
        return relation;
    }
}
