package io.ringside.ui.util;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * <p>Measured on the FX thread just after a layout of the table that follows a change of its items
 * (so once it has drawn rows): the font and padding of a drawn cell of each column (the badge's
 * too, for a badge cell) with the widest of its values' texts; the texts of all items are compared
 * by length and only the longest few are measured, so a refresh of thousands of rows costs a scan
 * of strings. Each instance measures with a {@link Text} node of its own. A column the operator
 * resized by hand keeps that width.
 *
 * @param <S> the table's item type
 */
public final class ContentColumnWidths<S> {

    /** Room for the sort arrow and the header's own padding, beyond the header's label. */
    private static final double HEADER_EXTRA = 12;
    /** How many of a column's longest texts (by length) are measured; glyph widths differ a little. */
    private static final int MEASURED = 3;
    /** Layouts to wait for drawn cells before giving up until the next change of the items. */
    private static final int MAX_TRIES = 10;

    private final TableView<S> table;
    private final TableColumn<S, ?> fill;
    private final Map<TableColumn<S, ?>, Function<S, String>> texts = new HashMap<>();
    private final Set<TableColumn<?, ?>> resizedByHand = new HashSet<>();
    private final Text measure = new Text();
    private boolean dirty = true;
    private boolean scheduled;
    private int tries;

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
        table.requestLayout();
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
        if (dirty && table.getSkin() != null && table.getScene() != null && (fit() || ++tries >= MAX_TRIES)) {
            dirty = false;
        }
    }

    /** Sizes the columns; false when a column with values has no drawn cell yet to measure with. */
    private boolean fit() {
        List<S> items = table.getItems() == null ? List.of()
                : table.getItems().stream().filter(Objects::nonNull).toList();
        boolean measured = true;
        boolean resized = false;
        for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
            if (column == fill || resizedByHand.contains(column)) {
                continue;
            }
            double width = headerWidth(column);
            if (!items.isEmpty()) {
                double cells = cellsWidth(column, items);
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
            table.getColumnResizePolicy().call(new TableView.ResizeFeatures<>(table, null, 0.0));
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
     * The widest of {@code items}' texts in {@code column} with a drawn cell's padding (and a badge's,
     * if the text is in one); -1 when no cell of the column with text is drawn.
     */
    private double cellsWidth(TableColumn<S, ?> column, List<S> items) {
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
        Function<S, String> text = texts.getOrDefault(column, item -> String.valueOf(column.getCellData(item)));
        List<String> longest = longest(items, text);
        double widest = 0;
        for (String value : longest) {
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

    private List<String> longest(List<S> items, Function<S, String> text) {
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
