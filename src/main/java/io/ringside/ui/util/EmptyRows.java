package io.ringside.ui.util;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableRowSkin;
import javafx.util.Callback;

/**
 * Makes a grid's empty rows without their cells. A table fills the height its items leave free
 * with empty rows, and each one gets a row skin with a cell and a cell skin per column: for the
 * first item of an empty grid that is a whole screenful of rows and cells made, styled and laid
 * out in one pulse (14-20 rows of 4 cells: 35-45 ms of FX-thread CPU in a fresh table, 150 ms
 * in a fresh JVM, docs/finish-figures.md), where the item's own row is a twentieth of it. Here a
 * row starts with a skin of no children, which the theme draws like an empty row anyway
 * (transparent, no cell borders), and takes the table's own row skin the first time it shows an
 * item; from then on it is an ordinary row (emptied again, it keeps its cells). So a grid's rows
 * are made as items reach them, which {@link StagedRows} spreads over pulses.
 *
 * <p>Only for tables with a fixed cell size (the row grids' style sets one): the flow then needs
 * no row's own height, and an empty row measures nothing.
 */
final class EmptyRows {

    private EmptyRows() {
    }

    /** Wraps {@code table}'s row factory (or the default one) so its rows start without cells. */
    static <S> void install(TableView<S> table) {
        Callback<TableView<S>, TableRow<S>> made = table.getRowFactory();
        table.setRowFactory(view -> {
            TableRow<S> row = made == null ? new TableRow<>() : made.call(view);
            if (row.getSkin() == null && view.getFixedCellSize() > 0) {
                row.setSkin(new Blank<>(row));
                row.emptyProperty().addListener(new FirstItem<>(row));
            }
            return row;
        });
    }

    /**
     * Gives a row the table's row skin when it first shows an item. A class, not a lambda: a
     * lambda is linked on its first run, in the pulse of the grid's first row, and this class is
     * loaded before that by {@link GridClassPreload}.
     */
    static final class FirstItem<S> implements ChangeListener<Boolean> {

        private final TableRow<S> row;

        FirstItem(TableRow<S> row) {
            this.row = row;
        }

        @Override
        public void changed(ObservableValue<? extends Boolean> observable, Boolean was, Boolean empty) {
            if (!empty && row.getSkin() instanceof Blank) {
                row.setSkin(new TableRowSkin<>(row));
            }
        }
    }

    /** An empty row's skin: no children, the height the flow gives every row. */
    static final class Blank<S> extends SkinBase<TableRow<S>> {

        Blank(TableRow<S> row) {
            super(row);
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            TableView<S> table = getSkinnable().getTableView();
            return table != null && table.getFixedCellSize() > 0 ? table.getFixedCellSize()
                    : super.computePrefHeight(width, top, right, bottom, left);
        }
    }
}
