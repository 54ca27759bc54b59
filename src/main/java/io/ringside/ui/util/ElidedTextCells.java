package io.ringside.ui.util;

import io.ringside.ui.theme.Styles;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;

/**
 * Text cells of a column that may cut its text, a name longer than the column is wide at the
 * minimum window: each says it may ({@link Styles#ELIDABLE}) and has the whole text in a tooltip.
 * One tooltip for the column, given the text of the cell the mouse enters: a tooltip is a popup
 * window of its own, and one per cell would be made at every update of every row. (Set as the
 * tooltip shows, from its owner node, it stayed empty: a tooltip is shown with the window as its
 * owner, not the cell.)
 */
public final class ElidedTextCells {

    private ElidedTextCells() {
    }

    /** A cell factory for {@code column}'s text cells; call on the FX thread. */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> withWholeTextTooltip() {
        Tooltip whole = new Tooltip();
        return column -> new TableCell<>() {
            {
                getStyleClass().add(Styles.ELIDABLE);
                hoverProperty().addListener((observable, was, hovered) -> {
                    if (hovered && getItem() != null) {
                        whole.setText(getItem());
                    }
                });
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : whole);
            }
        };
    }
}
