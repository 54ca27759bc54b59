package io.ringside.ui.util;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Keeps every column of a table at least as wide as its header's text. A constrained resize policy
 * shares a narrow table's width out in proportion to the preferred widths and shrinks a short
 * header ("Elapsed", "Errors") to "Elaps…" long before the free column runs out of room; a minimum
 * width per column makes the policy take the width from the free column instead, and a table
 * narrower than all its headers scrolls sideways rather than eliding them.
 *
 * <p>Measured from the header labels themselves once they are laid out, so the theme's font and
 * padding count; measured again whenever the columns change.
 */
public final class TableHeaders {

    /** Room for the sort arrow and the header's own padding, beyond the label. */
    private static final double HEADER_EXTRA = 12;
    /**
     * A column that cannot be sorted shows no arrow: two pixels beyond the label for rounding. The
     * arrow's room on all nine columns of the Nodes tab's node table took ~100 px at 1024 px.
     */
    private static final double UNSORTABLE_EXTRA = 2;

    private TableHeaders() {
    }

    public static void keepWhole(TableView<?> table) {
        keepWhole(table, table.getColumns(), () -> shareOut(table));
    }

    /** The same for a tree table (the Nodes tab's data centres and racks). */
    public static void keepWhole(TreeTableView<?> table) {
        keepWhole(table, table.getColumns(), () -> shareOut(table));
    }

    private static void keepWhole(Control table, ObservableList<? extends TableColumnBase<?, ?>> columns,
                                  Runnable shareOut) {
        Runnable measure = () -> Platform.runLater(() -> fit(table, shareOut));
        table.skinProperty().addListener((obs, old, skin) -> measure.run());
        columns.addListener((ListChangeListener<TableColumnBase<?, ?>>) change -> measure.run());
        table.sceneProperty().addListener((obs, old, scene) -> measure.run());
        measure.run();
    }

    private static void fit(Control table, Runnable shareOut) {
        if (table.getSkin() == null || table.getScene() == null) {
            return;
        }
        table.applyCss();
        boolean changed = false;
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.getTableColumn().getColumns().isEmpty()
                    && header.lookup(".label") instanceof Label label && label.getText() != null) {
                TableColumnBase<?, ?> column = header.getTableColumn();
                double whole = Math.ceil(label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset()
                        + (column.isSortable() ? HEADER_EXTRA : UNSORTABLE_EXTRA));
                if (column.getMinWidth() < whole) {
                    column.setMinWidth(whole);
                    changed = true;
                }
            }
        }
        if (changed) {
            // a grown minimum widens its column past the table; the policy shares the width out again
            shareOut.run();
        }
    }

    private static <S> void shareOut(TableView<S> table) {
        table.getColumnResizePolicy().call(new TableView.ResizeFeatures<>(table, null, 0.0));
    }

    private static <S> void shareOut(TreeTableView<S> table) {
        table.getColumnResizePolicy().call(new TreeTableView.ResizeFeatures<>(table, null, 0.0));
    }
}
