package io.ringside.ui.util;

import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
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
            blankUntilFilled(row, view::getFixedCellSize, () -> new TableRowSkin<>(row));
            return row;
        });
    }

    /** The same for a tree table's rows (the Nodes tab's data centres and nodes). */
    public static <S> void install(TreeTableView<S> table) {
        Callback<TreeTableView<S>, TreeTableRow<S>> made = table.getRowFactory();
        table.setRowFactory(view -> {
            TreeTableRow<S> row = made == null ? new TreeTableRow<>() : made.call(view);
            blankUntilFilled(row, view::getFixedCellSize, () -> new TreeTableRowSkin<>(row));
            return row;
        });
    }

    private static <R extends IndexedCell<?>> void blankUntilFilled(R row, DoubleSupplier fixedHeight,
                                                                    Supplier<Skin<?>> ownSkin) {
        if (row.getSkin() != null || fixedHeight.getAsDouble() <= 0) {
            return;
        }
        row.setSkin(new Blank<>(row, fixedHeight));
        row.emptyProperty().addListener((observable, was, empty) -> {
            if (!empty && row.getSkin() instanceof Blank) {
                row.setSkin(ownSkin.get());
            }
        });
    }

    /** An empty row's skin: no children, the height the flow gives every row. */
    static final class Blank<R extends IndexedCell<?>> extends SkinBase<R> {

        private final DoubleSupplier fixedHeight;

        Blank(R row, DoubleSupplier fixedHeight) {
            super(row);
            this.fixedHeight = fixedHeight;
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            double fixed = fixedHeight.getAsDouble();
            return fixed > 0 ? fixed : super.computePrefHeight(width, top, right, bottom, left);
        }
    }
}
