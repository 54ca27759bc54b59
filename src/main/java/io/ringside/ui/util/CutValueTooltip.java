package io.ringside.ui.util;

import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * The whole value of a grid's cut cell ({@link ValueCell}) in a tooltip, for a grid with no detail
 * pane beside it (the CQL page's results): a long text value ("Hyderabad US Consulate, India
 * (…)") is cut at its column's width, and a person needs some way to read all of it. One tooltip
 * for the grid, given to the cell the mouse moves over only when that cell is cut: a grid's first
 * page is drawn against a budget ({@code bench cql-ui}), so nothing here runs while cells are made
 * or filled, only as the mouse moves. Not {@link HoverTooltip}, which the other tables' text cells
 * use: it adds a hover listener to every cell as the cell is made, and shows the text whether cut
 * or not.
 */
public final class CutValueTooltip {

    /** The key under which a grid's properties hold its tooltip; a grid with it may show cut values. */
    public static final String KEY = CutValueTooltip.class.getName();

    private CutValueTooltip() {
    }

    /** Gives {@code table}'s cut value cells the whole value on hover; call on the FX thread, once. */
    public static void install(TableView<?> table) {
        Tooltip whole = new Tooltip();
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        table.getProperties().put(KEY, whole);
        // a filter, so the cell has its tooltip before this very move reaches it
        table.addEventFilter(MouseEvent.MOUSE_MOVED, event -> {
            ValueCell<?> cell = cellOf(event.getPickResult().getIntersectedNode());
            if (cell == null) {
                return;
            }
            boolean cut = !cell.value().isEmpty() && !cell.shownText().equals(cell.value());
            if (cut) {
                whole.setText(cell.value());
                if (cell.getTooltip() != whole) {
                    cell.setTooltip(whole);
                }
            } else if (cell.getTooltip() != null) {
                cell.setTooltip(null);
            }
        });
    }

    /** Whether {@code table}'s cut values show whole on hover. */
    public static boolean installedOn(TableView<?> table) {
        return table != null && table.getProperties().get(KEY) instanceof Tooltip;
    }

    private static ValueCell<?> cellOf(Node node) {
        for (Node up = node; up != null && !(up instanceof TableView<?>); up = up.getParent()) {
            if (up instanceof ValueCell<?> cell) {
                return cell;
            }
        }
        return null;
    }
}
