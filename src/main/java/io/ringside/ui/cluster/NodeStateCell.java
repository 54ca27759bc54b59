package io.ringside.ui.cluster;

import io.ringside.ui.theme.Styles;
import io.ringside.ui.theme.Tone;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableCell;

/** A node's two-letter state as a badge: green when up and normal, red when down, amber otherwise. */
final class NodeStateCell extends TreeTableCell<NodeTreeRow, String> {

    private final Label badge = new Label();

    NodeStateCell() {
        badge.getStyleClass().add(Styles.BADGE);
    }

    @Override
    protected void updateItem(String state, boolean empty) {
        super.updateItem(state, empty);
        if (empty || state == null || state.isEmpty()) { // a data centre's or rack's row has no state
            setGraphic(null);
            return;
        }
        badge.setText(state);
        badge.getStyleClass().removeAll(Styles.toneClasses());
        badge.getStyleClass().add(Styles.of(tone(state)));
        setGraphic(badge);
    }

    static Tone tone(String state) {
        if (state.startsWith("D")) {
            return Tone.BAD;
        }
        return state.equals("UN") ? Tone.OK : Tone.WARN;
    }
}
