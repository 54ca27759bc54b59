package io.ringside.ui.util;

import io.ringside.core.cassandra.Cell;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;

/**
 * One value of a row grid (the Cluster page's rows, the CQL page's results): nulls muted, blobs
 * by size only, cut text marked (a detail pane shows all). Pseudo-classes rather than style
 * classes: a new page re-fills every visible cell, and toggling a pseudo-class does not re-resolve
 * the cell's whole style the way a changed style class list does (the rules are in ringside.css).
 *
 * @param <S> the grid's row type
 */
public final class ValueCell<S> extends TableCell<S, Cell> {

    public static final PseudoClass NULL_VALUE = PseudoClass.getPseudoClass("null-value");
    public static final PseudoClass BLOB_VALUE = PseudoClass.getPseudoClass("blob-value");
    public static final PseudoClass TRUNCATED_VALUE = PseudoClass.getPseudoClass("cut-value");

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
