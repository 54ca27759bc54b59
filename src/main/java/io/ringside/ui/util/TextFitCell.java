package io.ringside.ui.util;

import javafx.application.Platform;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A text cell that widens its column to the widest text it shows, so a figure is never cut
 * ("122,27…"): a fixed width chosen for one kind of job (megabytes) cut another's (row counts). It
 * widens at once; a column that takes the rest of the table's width (see {@link FillColumnResize})
 * gives up what this one takes: the table's resize policy runs again after a widening, in the FX
 * event after the layout pass that updated the cells (once per table however many cells widened).
 * The column narrows again, at most once a second, when the wide texts are gone from the rows
 * ({@link ColumnShrink}): it only ever widened, and a running export's figures left it wide.
 *
 * <p>For tables whose rows change in place (a running job's figures); {@link ContentColumnWidths}
 * fits a table whose items are replaced (the Streams topics).
 * The width comes from the cell's own CSS font and padding, so it holds under any theme.
 */
public class TextFitCell<S> extends TableCell<S, String> {

    /** Marks a table (in its properties) whose resize policy is to run again in the next FX event. */
    private static final Object REFIT = new Object();

    /** A cell factory for a column whose texts should never be cut. */
    public static <S> javafx.util.Callback<TableColumn<S, String>, TableCell<S, String>> factory() {
        return column -> new TextFitCell<>();
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        setText(empty ? null : text); // measured when the changed text is laid out, below
    }

    /**
     * Measures the text when it is laid out, once the cell has its stylesheet's font and padding: a
     * new cell is given its first text before CSS reaches it, when its padding is still none, and a
     * figure measured then fitted without the theme's padding and was drawn cut with it ("12m …").
     * A changed text is always laid out, so this is the one place that measures.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        TableColumn<S, String> column = getTableColumn();
        if (column == null) {
            return;
        }
        String text = isEmpty() ? null : getText();
        double needed = ColumnShrink.of(column).laidOut(text, getFont(), getInsets());
        if (needed > column.getWidth() && needed > column.getPrefWidth()) {
            column.setPrefWidth(Math.min(needed, column.getMaxWidth()));
            refitLater(getTableView());
        }
    }

    private static <S> void refitLater(TableView<S> table) {
        if (table == null || table.getProperties().putIfAbsent(REFIT, Boolean.TRUE) != null) {
            return;
        }
        Platform.runLater(() -> {
            table.getProperties().remove(REFIT);
            FillColumnResize.refit(table);
        });
    }
}
