package io.ringside.ui.util;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Sets a row grid's columns, those of an empty grid on screen one per pulse. The header of each
 * new column (a {@code TableColumnHeader}, its label, skin and first CSS) is made in the pulse that
 * lays it out; for the first result of a page that is every column at once with code still cold:
 * the pulse that set the Cluster page's four columns (and its filter field) took 20-49 ms of
 * FX-thread CPU ({@code bench cluster-ui}, docs/finish-figures.md), the longest of the first page
 * once {@link StagedRows} spread the rows. Here the grid takes its first column at once and one
 * more at each later pulse; {@code whenShown} runs at the pulse after the last one (the Cluster
 * page adds its partition-key filter fields then, a text field's skin being cold too). A grid that shows rows,
 * or is not laid out in a scene yet, takes its columns at once: a column change rebuilds every
 * row, which must happen once, not per column (so once the grid shows more than a few rows, the
 * columns still pending come at once).
 *
 * <p>FX thread only.
 *
 * @param <S> the grid's row type
 */
public final class StagedColumns<S> {

    /** Rows a column change may rebuild per step (the first rows of a result come a few per pulse too). */
    private static final int FEW_ROWS = 4;

    private final TableView<S> table;
    private final List<TableColumn<S, ?>> pending = new ArrayList<>();
    private Runnable whenShown = () -> { };
    private boolean firstLaidOut;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            step();
        }
    };

    public StagedColumns(TableView<S> table) {
        this.table = table;
    }

    /** Makes {@code columns} the grid's columns, one per pulse if the grid is on screen and empty; then runs {@code whenShown}. */
    public void setAll(List<? extends TableColumn<S, ?>> columns, Runnable whenShown) {
        finish();
        if (columns.size() < 2 || !table.getItems().isEmpty() || table.getScene() == null || table.getSkin() == null) {
            table.getColumns().setAll(columns);
            whenShown.run();
            return;
        }
        table.getColumns().setAll(List.of(columns.get(0)));
        pending.addAll(columns.subList(1, columns.size()));
        this.whenShown = whenShown;
        firstLaidOut = false;
        timer.start();
    }

    private void step() {
        if (!firstLaidOut) {
            // this pulse lays out the header with its first column and nothing more
            firstLaidOut = true;
            return;
        }
        if (table.getItems().size() > FEW_ROWS) {
            // a screenful of rows came: a column change now rebuilds them all, so once
            finish();
            return;
        }
        if (pending.isEmpty()) {
            // the pulse after the last column's
            finish();
            return;
        }
        table.getColumns().add(pending.remove(0));
    }

    /** Adds what is pending at once. */
    private void finish() {
        timer.stop();
        if (!pending.isEmpty()) {
            table.getColumns().addAll(pending);
            pending.clear();
        }
        Runnable shown = whenShown;
        whenShown = () -> { };
        shown.run();
    }
}
