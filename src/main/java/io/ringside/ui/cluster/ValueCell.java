package io.ringside.ui.cluster;

import io.ringside.core.cassandra.Cell;
import io.ringside.core.cassandra.RowPage;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;

/**
 * One value of the row grid: nulls muted, blobs by size only, cut text marked (the detail pane
 * shows all). Pseudo-classes rather than style classes: a new page re-fills every visible cell,
 * and toggling a pseudo-class does not re-resolve the cell's whole style the way a changed style
 * class list does.
 */
final class ValueCell extends TableCell<RowPage.Row, Cell> {

    static final PseudoClass NULL_VALUE = PseudoClass.getPseudoClass(ClusterStyles.NULL_VALUE);
    static final PseudoClass BLOB_VALUE = PseudoClass.getPseudoClass(ClusterStyles.BLOB_VALUE);
    static final PseudoClass TRUNCATED_VALUE = PseudoClass.getPseudoClass(ClusterStyles.TRUNCATED_VALUE);

    @Override
    protected void updateItem(Cell cell, boolean empty) {
        super.updateItem(cell, empty);
        boolean shown = !empty && cell != null;
        setText(shown ? cell.shown() : null);
        pseudoClassStateChanged(NULL_VALUE, shown && cell.kind() == Cell.Kind.NULL);
        pseudoClassStateChanged(BLOB_VALUE, shown && cell.kind() == Cell.Kind.BLOB);
        pseudoClassStateChanged(TRUNCATED_VALUE, shown && cell.truncated());
    }
}
