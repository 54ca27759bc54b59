package io.ringside.ui.util;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Skin;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;
import javafx.util.Callback;

/**
 * A column resize policy under which every column keeps its own width and one column (a name,
 * whose text varies most) takes the width the others leave: a wide window shows no blank filler
 * right of the last column, and a narrow one shrinks that column down to its minimum width and then
 * scrolls sideways rather than squeezing every column.
 * JavaFX 21's constrained policies flex the last, the next or every column, never a chosen one.
 * The table calls its policy whenever the width its rows get changes (a window resized, the
 * vertical scroll bar shown or hidden), with exactly that width. A table that shows its menu button
 * (to show or hide columns) draws it right of the headers, over the last one's text where no
 * vertical scroll bar takes that place; there the fill column leaves the button its width. The
 * button and the scroll bar are looked up once per skin of the table and kept: the policy runs at
 * every resize pulse, and a lookup walks every header and cell of the table.
 */
public final class FillColumnResize implements Callback<TableView.ResizeFeatures, Boolean> {

    private final TableColumn<?, ?> fill;
    /** The skin {@link #verticalBar} and {@link #button} were found in; null until both were. */
    private Skin<?> foundIn;
    private ScrollBar verticalBar;
    private Region button;

    private FillColumnResize(TableColumn<?, ?> fill) {
        this.fill = fill;
    }

    /** Lets {@code fill} take the width {@code table}'s other columns leave, never less than its minimum width. */
    public static <S> void apply(TableView<S> table, TableColumn<S, ?> fill) {
        table.setColumnResizePolicy(new FillColumnResize(fill));
    }

    /**
     * Runs {@code table}'s resize policy again after code changed a column's width: the table calls
     * it by itself only when the width its rows get changes or the operator drags a column, so the
     * fill column would keep the width it had and the table would scroll sideways. Not within a
     * layout pass of the table: the widths it sets lay the table out again.
     */
    public static <S> void refit(TableView<S> table) {
        table.getColumnResizePolicy().call(new TableView.ResizeFeatures<>(table, null, 0.0));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Boolean call(TableView.ResizeFeatures features) {
        // a column dragged by the user is resized as the unconstrained policy does it
        boolean resized = features.getColumn() == null || TableView.UNCONSTRAINED_RESIZE_POLICY.call(features);
        if (features.getColumn() != null && resized) {
            ColumnShrink.dragged(features.getColumn());
        }
        double others = 0;
        for (TableColumn<?, ?> column : (Iterable<TableColumn<?, ?>>) features.getTable().getVisibleLeafColumns()) {
            if (column != fill) {
                others += column.getWidth();
            }
        }
        features.setColumnWidth((TableColumn) fill, Math.max(fill.getMinWidth(),
                Math.floor(features.getContentWidth() - menuButton(features.getTable()) - others)));
        return resized;
    }

    /**
     * The width the table's menu button takes from the rows where no vertical scroll bar is shown:
     * its own, and where the table stands near the scene's left edge, as much again as the table's x
     * in the scene. JavaFX 21 cuts the last header's text by the button's width when the button's x
     * in the header row falls within that header's x in the scene (it compares the two), which the
     * button's width alone leaves true for a table at the scene's left edge.
     */
    private double menuButton(TableView<?> table) {
        if (!table.isTableMenuButtonVisible() || !find(table) || verticalBar.isVisible()) {
            return 0;
        }
        List<? extends TableColumn<?, ?>> columns = table.getVisibleLeafColumns();
        double last = columns.isEmpty() ? 0 : columns.get(columns.size() - 1).getWidth();
        double x = Math.ceil(table.localToScene(table.snappedLeftInset(), 0).getX());
        return button.getWidth() + (x > 0 && x <= last ? x : 0);
    }

    /**
     * Finds the table's vertical scroll bar and menu button, once for each skin (a new skin makes
     * new ones); false while the table has no skin or they are not there yet.
     */
    private boolean find(TableView<?> table) {
        Skin<?> skin = table.getSkin();
        if (skin == null) {
            return false;
        }
        if (skin != foundIn) {
            verticalBar = null;
            button = null;
            for (Node node : table.lookupAll(".scroll-bar")) {
                if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL
                        && bar.getParent() instanceof VirtualFlow) {
                    verticalBar = bar;
                    break;
                }
            }
            if (table.lookup(".show-hide-columns-button") instanceof Region region) {
                button = region;
            }
            foundIn = verticalBar != null && button != null ? skin : null;
        }
        return foundIn != null;
    }
}
