package io.ringside.ui.util;

import io.ringside.core.NamedThreads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Callback;

/**
 * Sizes every column of a table but one to its content, the header's text or the widest of its
 * cells' texts, whichever is wider; the one left, a name whose length varies most, takes the
 * width they leave ({@link FillColumnResize}). Widths set by hand in the FXML fitted the values one
 * machine showed: at the minimum window the Streams topic table's other columns took 650 px for
 * one-digit counts and short sizes, its 180 px name column cut long topic names, and the table
 * scrolled sideways.
 *
 * <p>After each change of the items, the texts of all of them are made and compared by length, on a
 * thread of their own past {@value #ROWS_SCANNED_AT_ONCE} rows ("1023.99 MiB" and "1, 2, 3" are
 * formatted for every row: 25-30 ms for 2,000 topics on a loaded machine, too long for the FX
 * thread at each 5 s refresh). The longest few of each column are measured on the FX thread just
 * after a layout of the table (so once it has drawn rows), with the font and padding of a drawn
 * cell of the column (the badge's too, for a badge cell). Each instance measures with a
 * {@link Text} node of its own. A column the operator resized by hand keeps that width.
 *
 * @param <S> the table's item type
 */
public final class ContentColumnWidths<S> {

    /** Room for the sort arrow and the header's own padding, beyond the header's label. */
    private static final double HEADER_EXTRA = 12;
    /** How many of a column's longest texts (by length) are measured; glyph widths differ a little. */
    private static final int MEASURED = 3;
    /** Up to this many rows the texts are made on the FX thread at once (well under a millisecond). */
    private static final int ROWS_SCANNED_AT_ONCE = 100;
    /** Layouts to wait for drawn cells before giving up until the next change of the items. */
    private static final int MAX_TRIES = 10;
    /** Makes the texts of every row off the FX thread; one daemon thread for every table, idle mostly. */
    private static final ExecutorService SCANS = Executors.newSingleThreadExecutor(
            NamedThreads.daemons("ringside-column-widths"));

    private final TableView<S> table;
    private final TableColumn<S, ?> fill;
    private final Map<TableColumn<S, ?>, Function<S, String>> texts = new HashMap<>();
    private final Set<TableColumn<?, ?>> resizedByHand = new HashSet<>();

    private final Text measure = new Text();
    private boolean dirty = true;
    private boolean scheduled;
    private int tries;
    /** Counts the changes of the items; a scan's result is taken only for the last one. */
    private int version;
    private int scannedVersion = -1;
    private Map<TableColumn<S, ?>, List<String>> longest = Map.of();
    private boolean anyItem;

    private ContentColumnWidths(TableView<S> table, TableColumn<S, ?> fill) {
        this.table = table;
        this.fill = fill;
    }

    /**
     * Sizes {@code table}'s columns other than {@code fill} to their content from now on; {@code
     * fill} takes the rest, never less than its minimum width. A column whose cells show something
     * other than their value's {@code toString} says how with {@link #text}.
     */
    @SuppressWarnings("rawtypes") // a table's resize policy is typed on the raw ResizeFeatures
    public static <S> ContentColumnWidths<S> apply(TableView<S> table, TableColumn<S, ?> fill) {
        ContentColumnWidths<S> widths = new ContentColumnWidths<>(table, fill);
        FillColumnResize.apply(table, fill);
        Callback<TableView.ResizeFeatures, Boolean> fillPolicy = table.getColumnResizePolicy();
        table.setColumnResizePolicy(features -> {
            if (features.getColumn() != null) {
                widths.resizedByHand.add(features.getColumn()); // a width dragged stays as dragged
            }
            return fillPolicy.call(features);
        });
        InvalidationListener changed = observable -> widths.changed();
        InvalidationListener itemsChanged = new InvalidationListener() {
            private ObservableList<S> watched;

            @Override
            public void invalidated(Observable observable) {
                if (watched != null) {
                    watched.removeListener(changed);
                }
                watched = table.getItems();
                if (watched != null) {
                    watched.addListener(changed);
                }
                widths.changed();
            }
        };
        table.itemsProperty().addListener(itemsChanged);
        itemsChanged.invalidated(table.itemsProperty());
        table.sceneProperty().addListener(changed);
        table.skinProperty().addListener(changed);
        table.needsLayoutProperty().addListener((observable, was, needs) -> {
            if (!needs) {
                widths.laidOut();
            }
        });
        return widths;
    }

    /** The text {@code column}'s cell shows for an item (a badge's text, say), where it is not the value's own. */
    public ContentColumnWidths<S> text(TableColumn<S, ?> column, Function<S, String> text) {
        texts.put(Objects.requireNonNull(column), Objects.requireNonNull(text));
        changed();
        return this;
    }

    private void changed() {
        dirty = true;
        tries = 0;
        int mine = ++version;
        List<S> items = table.getItems() == null ? List.of()
                : table.getItems().stream().filter(Objects::nonNull).toList();
        Map<TableColumn<S, ?>, Function<S, String>> columns = new LinkedHashMap<>();
        for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
            if (column != fill) {
                columns.put(column, texts.getOrDefault(column, item -> String.valueOf(column.getCellData(item))));
            }
        }
        if (items.size() <= ROWS_SCANNED_AT_ONCE) {
            scanned(mine, scan(items, columns), !items.isEmpty());
            return;
        }
        try {
            SCANS.execute(() -> {
                Map<TableColumn<S, ?>, List<String>> found = scan(items, columns);
                Platform.runLater(() -> scanned(mine, found, true));
            });
        } catch (RejectedExecutionException e) {
            // the thread is gone with the JVM's end
        }
    }

    private static <S> Map<TableColumn<S, ?>, List<String>> scan(List<S> items,
                                                                Map<TableColumn<S, ?>, Function<S, String>> columns) {
        Map<TableColumn<S, ?>, List<String>> found = new HashMap<>();
        columns.forEach((column, text) -> found.put(column, longest(items, text)));
        return found;
    }

    private void scanned(int mine, Map<TableColumn<S, ?>, List<String>> found, boolean items) {
        if (mine == version) {
            longest = found;
            anyItem = items;
            scannedVersion = mine;
            table.requestLayout();
        }
    }

    /**
     * After a layout of the table: measures in the FX event after it, once per change of the items
     * (and again at the next layouts while no cell is drawn yet). Not in the layout itself: the
     * widths set would lay the table out again within it.
     */
    private void laidOut() {
        if (dirty && !scheduled) {
            scheduled = true;
            Platform.runLater(this::fitIfChanged);
        }
    }

    private void fitIfChanged() {
        scheduled = false;
        if (dirty && scannedVersion == version && table.getSkin() != null && table.getScene() != null
                && (fit() || ++tries >= MAX_TRIES)) {
            dirty = false;
        }
    }

    /** Sizes the columns; false when a column with values has no drawn cell yet to measure with. */
    private boolean fit() {
        boolean measured = true;
        boolean resized = false;
        for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
            if (column == fill || resizedByHand.contains(column)) {
                continue;
            }
            double width = headerWidth(column);
            List<String> values = longest.get(column);
            if (anyItem && values != null) {
                double cells = cellsWidth(column, values);
                if (cells < 0) {
                    measured = false;
                }
                width = Math.max(width, cells);
            }
            width = Math.ceil(Math.max(width, column.getMinWidth()));
            if (width > 0 && Math.abs(width - column.getPrefWidth()) > 0.5) {
                column.setPrefWidth(width);
                resized = true;
            }
        }
        if (resized) {
            // the policy gives the fill column what the others now leave
            FillColumnResize.refit(table);
        }
        return measured;
    }

    private double headerWidth(TableColumn<S, ?> column) {
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() == column
                    && header.lookup(".label") instanceof Label label && label.getText() != null) {
                return label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset() + HEADER_EXTRA;
            }
        }
        return 0;
    }

    /**
     * The widest of {@code values} (the column's longest texts) with a drawn cell's padding (and a
     * badge's, if the text is in one); -1 when no cell of the column with text is drawn.
     */
    private double cellsWidth(TableColumn<S, ?> column, List<String> values) {
        Labeled shown = null;
        TableCell<?, ?> cell = null;
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> drawn && drawn.getTableColumn() == column && !drawn.isEmpty()
                    && drawn.isVisible()) {
                Labeled holder = textHolder(drawn);
                if (holder != null) {
                    cell = drawn;
                    shown = holder;
                    break;
                }
            }
        }
        if (cell == null) {
            return -1;
        }
        Font font = shown.getFont();
        // a cell's own preferred width is its column's, so its padding is read from its insets
        double padding = cell.snappedLeftInset() + cell.snappedRightInset()
                + (shown == cell ? 0 : shown.prefWidth(-1) - width(shown.getText(), font));
        double widest = 0;
        for (String value : values) {
            widest = Math.max(widest, width(value, font));
        }
        return padding + widest + 1;
    }

    /** The labeled that draws a cell's text: the cell itself, or its graphic (a badge); null when it shows none. */
    private static Labeled textHolder(TableCell<?, ?> cell) {
        if (cell.getText() != null && !cell.getText().isEmpty()) {
            return cell;
        }
        return cell.getGraphic() instanceof Labeled graphic && graphic.getText() != null && !graphic.getText().isEmpty()
                ? graphic : null;
    }

    /** The {@value #MEASURED} longest texts of {@code items}; runs off the FX thread. */
    private static <S> List<String> longest(List<S> items, Function<S, String> text) {
        List<String> kept = new ArrayList<>(MEASURED + 1);
        Comparator<String> byLength = Comparator.comparingInt(String::length);
        for (S item : items) {
            String value = text.apply(item);
            if (value == null) {
                continue;
            }
            if (kept.size() < MEASURED) {
                kept.add(value);
                kept.sort(byLength);
            } else if (value.length() > kept.get(0).length()) {
                kept.set(0, value);
                kept.sort(byLength);
            }
        }
        return kept;
    }

    private double width(String text, Font font) {
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }
}
