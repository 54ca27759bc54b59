package io.ringside.ui.util;

import java.util.function.Supplier;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * One tooltip shared by the cells of a column, given the text of the cell the mouse enters (and
 * again when that cell is updated under the mouse). A tooltip is a popup window of its own: one per
 * cell would be made at every update of every row. Its text is not set as it shows: a tooltip is
 * shown with the window as its owner, not the cell, so the cell it belongs to is unknown then, and
 * tooltips set that way showed empty (the Streams topic names, the Nodes tab's host IDs).
 */
public final class HoverTooltip {

    private final Tooltip shared = new Tooltip();

    /**
     * Has {@code cell} show the shared tooltip with the text {@code text} gives for it now; call once
     * as the cell is made, then {@link #update} from its {@code updateItem}. On the FX thread.
     */
    public void install(Control cell, Supplier<String> text) {
        cell.hoverProperty().addListener((observable, was, hovered) -> {
            if (hovered) {
                update(cell, text.get());
            }
        });
    }

    /** The cell now shows {@code text} (none for null or empty): the tooltip follows, now if the cell is hovered. */
    public void update(Control cell, String text) {
        boolean any = text != null && !text.isEmpty();
        cell.setTooltip(any ? shared : null);
        if (any && cell.isHover()) {
            shared.setText(text);
        }
    }
}
