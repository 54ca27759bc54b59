package io.ringside.ui.util;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * A column resize policy under which every column keeps its own width and one column (a name,
 * whose text varies most) takes the width the others leave: a wide window shows no blank filler
 * right of the last column, and a narrow one shrinks that column down to its minimum width and then
 * scrolls sideways rather than squeezing every column.
 * JavaFX 21's constrained policies flex the last, the next or every column, never a chosen one.
 * The table calls its policy whenever the width its rows get changes (a window resized, the
 * vertical scroll bar shown or hidden), with exactly that width.
 */
public final class FillColumnResize implements Callback<TableView.ResizeFeatures, Boolean> {

    private final TableColumn<?, ?> fill;

    private FillColumnResize(TableColumn<?, ?> fill) {
        this.fill = fill;
    }

    /** Lets {@code fill} take the width {@code table}'s other columns leave, never less than its minimum width. */
    public static <S> void apply(TableView<S> table, TableColumn<S, ?> fill) {
        table.setColumnResizePolicy(new FillColumnResize(fill));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Boolean call(TableView.ResizeFeatures features) {
        // a column dragged by the user is resized as the unconstrained policy does it
        boolean resized = features.getColumn() == null || TableView.UNCONSTRAINED_RESIZE_POLICY.call(features);
        double others = 0;
        for (TableColumn<?, ?> column : (Iterable<TableColumn<?, ?>>) features.getTable().getVisibleLeafColumns()) {
            if (column != fill) {
                others += column.getWidth();
            }
        }
        features.setColumnWidth((TableColumn) fill, Math.max(fill.getMinWidth(),
                Math.floor(features.getContentWidth() - others)));
        return resized;
    }
}
