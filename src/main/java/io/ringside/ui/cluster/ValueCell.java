package io.ringside.ui.cluster;

import io.ringside.core.cassandra.Cell;
import io.ringside.core.cassandra.RowPage;
import javafx.scene.control.TableCell;

/** One value of the row grid: nulls muted, blobs by size only, cut text marked (the detail pane shows all). */
final class ValueCell extends TableCell<RowPage.Row, Cell> {

    @Override
    protected void updateItem(Cell cell, boolean empty) {
        super.updateItem(cell, empty);
        getStyleClass().removeAll(ClusterStyles.valueClasses());
        if (empty || cell == null) {
            setText(null);
            return;
        }
        setText(cell.shown());
        if (cell.kind() == Cell.Kind.NULL) {
            getStyleClass().add(ClusterStyles.NULL_VALUE);
        } else if (cell.kind() == Cell.Kind.BLOB) {
            getStyleClass().add(ClusterStyles.BLOB_VALUE);
        } else if (cell.truncated()) {
            getStyleClass().add(ClusterStyles.TRUNCATED_VALUE);
        }
    }
}
