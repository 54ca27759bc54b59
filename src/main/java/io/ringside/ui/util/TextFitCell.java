package io.ringside.ui.util;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

/**
 * A text cell that widens its column to the widest text it has shown, so a figure is never cut
 * ("122,27…"): a fixed width chosen for one kind of job (megabytes) cut another's (row counts). It
 * only ever widens, so a column does not jump back and forth as rows scroll or a running job's
 * figures change; a column that takes the rest of the table's width (see {@link FillColumnResize})
 * gives up what this one takes: the table's resize policy runs again after a widening, in the FX
 * event after the layout pass that updated the cells (once per table however many cells widened).
 *
 * <p>For tables whose rows change in place (a running job's figures); {@link ContentColumnWidths}
 * fits a table whose items are replaced (the Streams topics), where a column may narrow again.
 * The width comes from the cell's own CSS font and padding, so it holds under any theme.
 */
public class TextFitCell<S> extends TableCell<S, String> {

    /** Measures on the FX thread only, where every cell is updated. */
    private static final Text MEASURE = new Text();
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
        String text = getText();
        if (!isEmpty() && text != null && !text.isEmpty()) {
            widenColumnFor(text);
        }
    }

    private void widenColumnFor(String text) {
        TableColumn<S, String> column = getTableColumn();
        if (column == null) {
            return;
        }
        MEASURE.setFont(getFont());
        MEASURE.setText(text);
        Insets insets = getInsets();
        // one pixel more than the sum: the skin elides text that needs its last sub-pixel
        double needed = Math.ceil(MEASURE.getLayoutBounds().getWidth() + insets.getLeft() + insets.getRight()) + 1;
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
