package io.ringside.ui.util;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * Gives back the width a {@link TextFitCell} column took for figures that are gone: after a running
 * export's seven-digit counts the Jobs table's "Done / total" column stayed wide, and Source, the
 * column that takes the rest, had less room at 1024 px for as long as the page was open.
 *
 * <p>The cells still widen their column at once (a figure is never cut); this narrows it, at most
 * once a {@linkplain #PERIOD second} after the column's cells changed, to the widest text of the
 * table's rows now (all of them, not only those drawn, so scrolling changes nothing), never below
 * the width the column had before its cells first widened it (its FXML width, which keeps its
 * header whole). A text drawn since the last check counts too, so a figure that goes back and forth
 * while a job runs widens the column once and does not have it jump every second; it narrows one
 * period after the wide figure was last drawn. FX thread only.
 */
final class ColumnShrink {

    /** How often at most a column is narrowed. */
    static final Duration PERIOD = Duration.seconds(1);
    /** The longest texts (by length) measured at a check; a column's figures differ little in glyph widths. */
    private static final int MEASURED = 5;
    /** Keys this column's state in its properties. */
    private static final Object KEY = new Object();

    private final TableColumn<?, String> column;
    private final double floor;
    private final PauseTransition timer = new PauseTransition(PERIOD);
    private final Text measure = new Text();
    private Font font;
    private double padding;
    /** The widest text drawn since the last check, with its padding. */
    private double recent;
    /** The width the operator last dragged the column to (0: never): it narrows to no less. */
    private double dragged;

    private ColumnShrink(TableColumn<?, String> column) {
        this.column = column;
        this.floor = Math.max(column.getMinWidth(), column.getPrefWidth());
        timer.setOnFinished(event -> check());
    }

    /** The state of {@code column}, made at its first cell's first layout (before any widening). */
    static ColumnShrink of(TableColumn<?, String> column) {
        return (ColumnShrink) column.getProperties().computeIfAbsent(KEY, key -> new ColumnShrink(column));
    }

    /**
     * The operator dragged {@code column} to its width now: from then on that width is its floor, so a
     * column widened by hand is not narrowed back at its next check, nor one narrowed by hand widened
     * back to its FXML width (its cells still widen it for a text they could not show).
     */
    static void dragged(TableColumn<?, ?> column) {
        if (column.getProperties().get(KEY) instanceof ColumnShrink shrink) {
            shrink.dragged = column.getWidth();
        }
    }

    /**
     * A cell of the column was laid out with {@code text} (null when empty) in {@code font} and
     * {@code insets}; returns the width that text needs (0 for none) and starts the wait for a check.
     */
    double laidOut(String text, Font font, Insets insets) {
        double needed = 0;
        if (text != null && !text.isEmpty()) {
            this.font = font;
            this.padding = insets.getLeft() + insets.getRight();
            needed = needed(text);
            recent = Math.max(recent, needed);
        }
        if (timer.getStatus() != PauseTransition.Status.RUNNING) {
            timer.playFromStart();
        }
        return needed;
    }

    /** One pixel more than the sum: the skin elides text that needs its last sub-pixel. */
    private double needed(String text) {
        measure.setFont(font);
        measure.setText(text);
        return Math.ceil(measure.getLayoutBounds().getWidth() + padding) + 1;
    }

    private void check() {
        TableView<?> table = column.getTableView();
        if (table == null || font == null) {
            return;
        }
        double rows = widestRow(table);
        double least = dragged > 0 ? dragged : floor;
        double target = Math.min(column.getMaxWidth(), Math.max(least, Math.max(rows, recent)));
        recent = 0;
        if (target < column.getPrefWidth() - 0.5) {
            column.setPrefWidth(target);
            FillColumnResize.refit(table);
        }
        if (target > Math.max(least, rows)) {
            timer.playFromStart(); // a text drawn lately kept it wider: look again once it has had its period
        }
    }

    /** The width the widest of the rows' texts in this column needs now. */
    private double widestRow(TableView<?> table) {
        List<String> texts = new ArrayList<>();
        for (Object item : table.getItems()) {
            String text = text(item);
            if (text != null && !text.isEmpty()) {
                texts.add(text);
            }
        }
        texts.sort(Comparator.comparingInt(String::length).reversed());
        double widest = 0;
        for (String text : texts.subList(0, Math.min(MEASURED, texts.size()))) {
            widest = Math.max(widest, needed(text));
        }
        return widest;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String text(Object item) {
        return item == null ? null : ((TableColumn) column).getCellData(item) instanceof String text ? text : null;
    }
}
