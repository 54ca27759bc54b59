package io.ringside.ui.util;

import io.ringside.ui.theme.Styles;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.util.Callback;

/**
 * Text cells of a column that may cut its text, a name longer than the column is wide at the
 * minimum window: each says it may ({@link Styles#ELIDABLE}) and has the whole text in a tooltip,
 * one for the column ({@link HoverTooltip}).
 */
public final class ElidedTextCells {

    private ElidedTextCells() {
    }

    /** A cell factory for {@code column}'s text cells; call on the FX thread. */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> withWholeTextTooltip() {
        HoverTooltip whole = new HoverTooltip();
        return column -> new TableCell<>() {
            { elidable(this, whole); }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                show(this, whole, empty ? null : item);
            }
        };
    }

    /** The same for a tree table's column (the Nodes tab's host IDs); call on the FX thread. */
    public static <S> Callback<TreeTableColumn<S, String>, TreeTableCell<S, String>> inTreeWithWholeTextTooltip() {
        HoverTooltip whole = new HoverTooltip();
        return column -> new TreeTableCell<>() {
            { elidable(this, whole); }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                show(this, whole, empty ? null : item);
            }
        };
    }

    private static void show(IndexedCell<String> cell, HoverTooltip whole, String text) {
        cell.setText(text);
        whole.update(cell, text);
    }

    private static void elidable(IndexedCell<String> cell, HoverTooltip whole) {
        cell.getStyleClass().add(Styles.ELIDABLE);
        whole.install(cell, () -> cell.isEmpty() ? null : cell.getItem());
    }
}
