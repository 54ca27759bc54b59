package io.ringside.ui.util;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * A one-column table of strings with a fixed row height that counts the rows it empties: a table
 * that rebuilds its rows empties every visible one before filling it again, one that re-fills them
 * in place empties none. For the tests of how grids take a new page or a new result.
 */
public final class EmptiedRowsTable {

    private final TableView<String> table = new TableView<>();
    private final AtomicInteger emptied = new AtomicInteger();

    public EmptiedRowsTable() {
        table.setFixedCellSize(24);
        TableColumn<String, String> column = new TableColumn<>("Value");
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue()));
        table.getColumns().add(column);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty) {
                    emptied.incrementAndGet();
                }
            }
        });
    }

    public TableView<String> table() {
        return table;
    }

    /** Rows emptied since the last call. */
    public int emptiedSinceLast() {
        return emptied.getAndSet(0);
    }
}
