package io.ringside.ui.util;

import io.ringside.ui.theme.Styles;
import io.ringside.ui.theme.Tone;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/**
 * A table cell that shows its value as a coloured badge: the text and the tone come from the
 * value, the colour from the tone's style class. An empty text shows no badge.
 */
public final class BadgeCell<S, T> extends TableCell<S, T> {

    private final Label badge = new Label();
    private final Function<T, String> text;
    private final Function<T, Tone> tone;

    public BadgeCell(Function<T, String> text, Function<T, Tone> tone) {
        this.text = text;
        this.tone = tone;
        badge.getStyleClass().add(Styles.BADGE);
        // The badge is the cell's graphic from the start, hidden while there is nothing to show:
        // set only with the first value, it was a node added to the scene (skin made, CSS matched)
        // for every visible row in the pulse that filled the table.
        badge.setVisible(false);
        badge.setManaged(false);
        setGraphic(badge);
    }

    @Override
    protected void updateItem(T value, boolean empty) {
        super.updateItem(value, empty);
        String label = empty || value == null ? "" : text.apply(value);
        boolean shown = !label.isEmpty();
        String toneClass = shown ? Styles.of(tone.apply(value)) : null;
        // The tone's class changes only when the tone does: each change has the badge's CSS matched again.
        if (toneClass == null || !badge.getStyleClass().contains(toneClass)) {
            badge.getStyleClass().removeAll(Styles.toneClasses());
            if (toneClass != null) {
                badge.getStyleClass().add(toneClass);
            }
        }
        badge.setText(label);
        badge.setManaged(shown);
        badge.setVisible(shown);
    }
}
