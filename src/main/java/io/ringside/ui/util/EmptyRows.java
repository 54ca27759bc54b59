package io.ringside.ui.util;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.TableRowSkin;
import javafx.scene.control.skin.TreeTableRowSkin;
import javafx.util.Callback;

/**
 * Makes a table's empty rows without their cells. A table fills the height its items leave free
 * with empty rows, and each one gets a row skin with a cell and a cell skin per column: for the
 * first item of an empty grid that is a whole screenful of rows and cells made, styled and laid
 * out in one pulse (14-20 rows of 4 cells: 35-45 ms of FX-thread CPU in a fresh table, 150 ms
 * in a fresh JVM, docs/finish-figures.md), where the item's own row is a twentieth of it. The
 * Nodes tab's tables did the same on their first rows: the node tree table's data centre rows
 * made a screenful of nine-cell rows, each detail table's first row twelve rows of five cells.
 * Here a row starts with a skin of no children, which the theme draws like an empty row anyway
 * (transparent, no cell borders), and takes the table's own row skin the first time it shows an
 * item; from then on it is an ordinary row (emptied again, it keeps its cells). So a table's rows
 * are made as items reach them, which {@link StagedRows} (and the Nodes tab's steps) spread over
 * pulses.
 *
 * <p>Only for tables with a fixed cell size (the grids' and the Nodes tab tables' style sets one):
 * the flow then needs no row's own height, and an empty row measures nothing.
 */
public final class EmptyRows {

    private EmptyRows() {
    }

    /** Wraps {@code table}'s row factory (or the default one) so its rows start without cells. */
    public static <S> void install(TableView<S> table) {
        Callback<TableView<S>, TableRow<S>> made = table.getRowFactory();
        table.setRowFactory(view -> {
            TableRow<S> row = made == null ? new TableRow<>() : made.call(view);
            blankUntilFilled(row, view.getFixedCellSize());
            return row;
        });
    }

    /** The same for a tree table's rows (the Nodes tab's data centres and nodes). */
    public static <S> void install(TreeTableView<S> table) {
        Callback<TreeTableView<S>, TreeTableRow<S>> made = table.getRowFactory();
        table.setRowFactory(view -> {
            TreeTableRow<S> row = made == null ? new TreeTableRow<>() : made.call(view);
            blankUntilFilled(row, view.getFixedCellSize());
            return row;
        });
    }

    /** {@code fixedHeight}: the table's, read there, as a new row knows no table yet. */
    private static void blankUntilFilled(IndexedCell<?> row, double fixedHeight) {
        if (row.getSkin() != null || fixedHeight <= 0) {
            return;
        }
        row.setSkin(new Blank<>(row));
        row.emptyProperty().addListener(new FirstItem(row));
    }

    /** The row height the row's table fixes, or 0 when it fixes none (or the row has no table). */
    private static double fixedHeight(IndexedCell<?> row) {
        if (row instanceof TableRow<?> tableRow && tableRow.getTableView() != null) {
            return tableRow.getTableView().getFixedCellSize();
        }
        if (row instanceof TreeTableRow<?> treeRow && treeRow.getTreeTableView() != null) {
            return treeRow.getTreeTableView().getFixedCellSize();
        }
        return 0;
    }

    private static <T> Skin<?> tableRowSkin(TableRow<T> row) {
        return new TableRowSkin<>(row);
    }

    private static <T> Skin<?> treeTableRowSkin(TreeTableRow<T> row) {
        return new TreeTableRowSkin<>(row);
    }

    /**
     * Gives a row its table's row skin when it first shows an item. A class, not a lambda: a
     * lambda is linked on its first run, in the pulse of the grid's first row, and this class is
     * loaded before that by {@link GridClassPreload}.
     */
    static final class FirstItem implements ChangeListener<Boolean> {

        private final IndexedCell<?> row;

        FirstItem(IndexedCell<?> row) {
            this.row = row;
        }

        @Override
        public void changed(ObservableValue<? extends Boolean> observable, Boolean was, Boolean empty) {
            if (!empty && row.getSkin() instanceof Blank) {
                row.setSkin(row instanceof TreeTableRow<?> treeRow ? treeTableRowSkin(treeRow)
                        : tableRowSkin((TableRow<?>) row));
            }
        }
    }

    /** An empty row's skin: no children, the height the flow gives every row. */
    static final class Blank<R extends IndexedCell<?>> extends SkinBase<R> {

        Blank(R row) {
            super(row);
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            double fixed = fixedHeight(getSkinnable());
            return fixed > 0 ? fixed : super.computePrefHeight(width, top, right, bottom, left);
        }
    }
}
