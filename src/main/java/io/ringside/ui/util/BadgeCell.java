package io.ringside.ui.util;

import io.ringside.ui.theme.Styles;
import io.ringside.ui.theme.Tone;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/**
 * A table cell that shows its value as a coloured badge: the text and the tone come from the
 * value, the colour from the tone's style class. An empty text shows no badge. A badge that
 * abbreviates may say what it stands for in a tooltip, one for the column ({@link HoverTooltip}).
 */
public final class BadgeCell<S, T> extends TableCell<S, T> {

    private final Label badge = new Label();
    private final Function<T, String> text;
    private final Function<T, Tone> tone;
    private final HoverTooltip tooltip;
    private final Function<T, String> tooltipText;

    public BadgeCell(Function<T, String> text, Function<T, Tone> tone) {
        this(text, tone, null, null);
    }

    /** A badge cell whose badge has {@code tooltipText} in the column's {@code tooltip} (none where that is empty). */
    public BadgeCell(Function<T, String> text, Function<T, Tone> tone, HoverTooltip tooltip,
                     Function<T, String> tooltipText) {
        this.text = text;
        this.tone = tone;
        this.tooltip = tooltip;
        this.tooltipText = tooltipText;
        badge.getStyleClass().add(Styles.BADGE);
        if (tooltip != null) {
            tooltip.install(this, () -> isEmpty() || getItem() == null ? null : tooltipText.apply(getItem()));
        }
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
        // The graphic itself comes and goes: a badge kept as the graphic and only hidden was left
        // unsized by the cell's skin once shown again (an empty "In sync" column).
        setGraphic(shown ? badge : null);
        if (tooltip != null) {
            tooltip.update(this, shown ? tooltipText.apply(value) : null);
        }
    }
}
