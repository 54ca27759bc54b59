package io.ringside.ui.util;

import io.ringside.core.cassandra.Cell;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.NestedTableColumnHeader;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.Text;

/**
 * Sizes a row grid's columns (the Cluster page's rows, {@link ValueCell}s) to their header and the
 * values they have shown, and gives the width they leave to the column that needs it most. With
 * every column at a fixed 140 px the grid cut a long text column ("row 12345 of the Cl…") while a
 * blank filler sat right of its last column (60 px at 1024 px for the benchmark's four columns).
 *
 * <ul>
 *   <li>Each column wants its header's width or its widest value's, whichever is wider; it keeps
 *       the widest it has seen for the table shown (browsing pages does not make the columns jump).
 *   <li>The <em>fill</em> column is the one that wants the most (a text column; a blob's size is
 *       short), the last on a tie, or the last column while no value is known. It takes the width
 *       the others leave, down to {@value #FILL_MIN} px (less if its content is narrower), and the
 *       grid scrolls sideways below that.
 *   <li>The others are at most {@value #CAP} px wide, and cut past it; where the grid has room to
 *       spare once the fill column is whole, the cut ones take it first, then the fill column
 *       takes the rest: no filler is left while a value is cut.
 *   <li>A column dragged by hand keeps the width it was dragged to.
 * </ul>
 *
 * <p>Only rows new since the last fit are scanned (a page is a new items list, its first screenful
 * added in steps), their longest few texts per column measured with a drawn cell's font and padding
 * (read once); until a cell is drawn, the fit waits for the grid's next layout. FX thread only.
 *
 * @param <S> the grid's row type
 */
public final class GridColumnWidths<S> {

    /** The most a column other than the fill one takes while the grid has no room to spare. */
    static final double CAP = 300;
    /** The fill column narrows to this (its content's width if less) before the grid scrolls sideways. */
    static final double FILL_MIN = 160;
    /** Room for the sort arrow and the header's own padding, beyond the header's label. */
    private static final double HEADER_EXTRA = 12;
    /** How many of a column's longest texts (by length) are measured; glyph widths differ a little. */
    private static final int MEASURED = 3;

    private final TableView<S> table;
    private final Function<S, List<Cell>> cells;
    private final Text measure = new Text();
    /** The width each column wants for the table shown: its header's or its widest value's. */
    private final Map<TableColumn<S, ?>, Double> wanted = new HashMap<>();
    private final Map<TableColumn<S, ?>, Double> headers = new HashMap<>();
    private final Set<TableColumn<S, ?>> blobs = new HashSet<>();
    private final Set<TableColumn<S, ?>> dragged = new HashSet<>();
    private TableColumn<S, ?> fill;

    private Font font;
    private double padding;
    private Font headerFont;
    private double headerPadding;

    private List<S> scannedList;
    /** The items shown when the columns were last replaced: rows of the table shown before. */
    private List<S> staleRows;
    private int scannedUpTo;
    private boolean waiting;

    private GridColumnWidths(TableView<S> table, Function<S, List<Cell>> cells) {
        this.table = table;
        this.cells = cells;
    }

    /**
     * Sizes {@code table}'s columns from now on (its resize policy is replaced); {@code cells} gives
     * a row's cells, one per column in the order of the table's columns.
     */
    public static <S> void apply(TableView<S> table, Function<S, List<Cell>> cells) {
        GridColumnWidths<S> widths = new GridColumnWidths<>(table, cells);
        table.setColumnResizePolicy(widths::resize);
        ItemsWatch.follow(table, widths::fit);
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) change -> {
            boolean replaced = false;
            while (change.next()) {
                replaced |= change.wasRemoved();
            }
            widths.columnsChanged(replaced);
        });
        table.needsLayoutProperty().addListener((observable, was, needs) -> {
            if (!needs && widths.waiting) {
                widths.waiting = false;
                Platform.runLater(widths::fit);
            }
        });
    }

    /**
     * The columns changed; {@code replaced}: some were removed, a table of other columns is shown,
     * and the rows still shown until its first page comes are the last table's (their cells do not
     * match the new columns), so they are not scanned.
     */
    private void columnsChanged(boolean replaced) {
        if (replaced) {
            staleRows = table.getItems();
        }
        List<TableColumn<S, ?>> columns = table.getColumns();
        wanted.keySet().retainAll(columns);
        headers.keySet().retainAll(columns);
        blobs.retainAll(columns);
        dragged.retainAll(columns);
        scannedList = null; // a new column has seen no row: scan them all again
        fit();
    }

    /**
     * Takes in the rows new since the last fit, then sizes the columns. Before a header is drawn
     * nothing is known; before a cell with a value is drawn, only the headers.
     */
    private void fit() {
        if (table.getColumns().isEmpty()) {
            fill = null;
            return;
        }
        if (!headersStyled()) {
            waiting = true;
            return;
        }
        for (TableColumn<S, ?> column : table.getColumns()) {
            headers.computeIfAbsent(column, c -> Math.ceil(width(c.getText(), headerFont) + headerPadding));
            wanted.merge(column, headers.get(column), Math::max);
        }
        List<S> items = table.getItems() == null ? List.of() : table.getItems();
        if (items != scannedList || scannedUpTo > items.size()) {
            scannedList = items;
            scannedUpTo = 0;
        }
        if (scannedUpTo < items.size() && items != staleRows) {
            if (cellsStyled()) {
                scan(items.subList(scannedUpTo, items.size()));
                scannedUpTo = items.size();
            } else {
                waiting = true;
            }
        }
        fill = choose();
        for (TableColumn<S, ?> column : table.getColumns()) {
            if (column != fill && !dragged.contains(column)) {
                double width = Math.min(CAP, wanted.get(column));
                if (Math.abs(width - column.getPrefWidth()) > 0.5) {
                    column.setPrefWidth(width);
                }
            }
        }
        // the policy gives the fill column what the others now leave (a width unchanged sets nothing)
        table.getColumnResizePolicy().call(new TableView.ResizeFeatures<>(table, null, 0.0));
    }

    /** Measures the longest texts of {@code rows} per column; a column wants the widest it has seen. */
    private void scan(List<S> rows) {
        List<TableColumn<S, ?>> columns = table.getColumns();
        for (int i = 0; i < columns.size(); i++) {
            List<Cell> longest = new ArrayList<>(MEASURED + 1);
            for (S row : rows) {
                List<Cell> all = row == null ? List.of() : cells.apply(row);
                Cell cell = i < all.size() ? all.get(i) : null;
                if (cell != null && (longest.size() < MEASURED
                        || cell.shown().length() > longest.get(0).shown().length())) {
                    if (longest.size() == MEASURED) {
                        longest.remove(0);
                    }
                    longest.add(cell);
                    longest.sort(Comparator.comparingInt(c -> c.shown().length()));
                }
            }
            double widest = 0;
            for (Cell cell : longest) {
                widest = Math.max(widest, width(cell.shown(), fontOf(cell)));
                if (cell.kind() == Cell.Kind.BLOB) {
                    blobs.add(columns.get(i));
                }
            }
            if (!longest.isEmpty()) {
                // one pixel more: a text that needs its last sub-pixel is cut
                wanted.merge(columns.get(i), Math.ceil(widest + padding) + 1, Math::max);
            }
        }
    }

    /** The column that wants the most, blobs and columns dragged by hand last; the last column on a tie. */
    private TableColumn<S, ?> choose() {
        TableColumn<S, ?> chosen = null;
        for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
            if (chosen == null || rank(column) > rank(chosen)
                    || rank(column) == rank(chosen) && wanted.get(column) >= wanted.get(chosen)) {
                chosen = column;
            }
        }
        return chosen == null ? table.getColumns().get(table.getColumns().size() - 1) : chosen;
    }

    private int rank(TableColumn<S, ?> column) {
        return (dragged.contains(column) ? 0 : 2) + (blobs.contains(column) ? 0 : 1);
    }

    /**
     * The grid's resize policy, run whenever the width its rows get changes, a column is dragged,
     * or {@link #fit} changed a width: the others at their widths, a cut one widened while there
     * is room to spare beyond what the fill column wants, the fill column taking the rest.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Boolean resize(TableView.ResizeFeatures features) {
        boolean resized = true;
        TableColumn<S, ?> moved = (TableColumn<S, ?>) features.getColumn();
        if (moved != null) {
            resized = TableView.UNCONSTRAINED_RESIZE_POLICY.call(features);
            if (resized && moved != fill) {
                dragged.add(moved);
                moved.setPrefWidth(moved.getWidth());
            }
        }
        if (fill == null || !table.getVisibleLeafColumns().contains(fill)) {
            return resized;
        }
        double room = features.getContentWidth();
        double spare = room - fillWanted();
        for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
            if (column != fill) {
                spare -= column.getPrefWidth();
            }
        }
        for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
            if (column != fill) {
                double cut = dragged.contains(column) ? 0
                        : Math.max(0, wanted.getOrDefault(column, 0.0) - column.getPrefWidth());
                double give = Math.max(0, Math.min(spare, cut));
                spare -= give;
                features.setColumnWidth((TableColumn) column, column.getPrefWidth() + give);
            }
        }
        features.setColumnWidth((TableColumn) fill, fillWidth(room));
        return resized;
    }

    /** The fill column's width in {@code room}: what the others leave, never below its least. */
    private double fillWidth(double room) {
        double others = 0;
        for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
            if (column != fill) {
                others += column.getWidth();
            }
        }
        double least = Math.max(headers.getOrDefault(fill, 0.0), Math.min(FILL_MIN, fillWanted()));
        return Math.max(least, Math.floor(room - others));
    }

    private double fillWanted() {
        return wanted.getOrDefault(fill, 0.0);
    }

    /** Reads a drawn header label's font and its and the header's padding, once. */
    private boolean headersStyled() {
        if (headerFont == null && table.getSkin() != null && table.getScene() != null
                && table.lookup(".nested-column-header") instanceof NestedTableColumnHeader headers) {
            for (TableColumnHeader header : headers.getColumnHeaders()) {
                if (header.lookup(".label") instanceof Label label && label.getText() != null && label.getWidth() > 0) {
                    headerFont = label.getFont();
                    headerPadding = label.snappedLeftInset() + label.snappedRightInset() + header.snappedLeftInset()
                            + header.snappedRightInset() + HEADER_EXTRA;
                    break;
                }
            }
        }
        return headerFont != null;
    }

    /** Reads a drawn value cell's font and padding (one showing a value, not a blob or null), once. */
    private boolean cellsStyled() {
        if (font == null && table.lookup(".table-row-cell") instanceof Parent row) {
            for (Node node : row.getChildrenUnmodifiable()) {
                if (node instanceof ValueCell<?> cell && cell.getWidth() > 0 && !cell.isEmpty()
                        && !cell.getPseudoClassStates().contains(ValueCell.BLOB_VALUE)
                        && !cell.getPseudoClassStates().contains(ValueCell.NULL_VALUE)) {
                    font = cell.getFont();
                    padding = cell.snappedLeftInset() + cell.snappedRightInset();
                    break;
                }
            }
        }
        return font != null;
    }

    /** The font a value cell draws {@code cell} in: monospaced for a blob, italic for null (ringside.css). */
    private Font fontOf(Cell cell) {
        return switch (cell.kind()) {
            case BLOB -> Font.font("Monospaced", font.getSize());
            case NULL -> Font.font(font.getFamily(), FontPosture.ITALIC, font.getSize());
            case VALUE -> font;
        };
    }

    private double width(String text, Font in) {
        measure.setFont(in);
        measure.setText(text == null ? "" : text);
        return measure.getLayoutBounds().getWidth();
    }
}
