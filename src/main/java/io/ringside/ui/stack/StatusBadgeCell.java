package io.ringside.ui.stack;

import io.ringside.ui.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/** Shows a server's status as a coloured badge; the colour comes from the tone's style class. */
final class StatusBadgeCell extends TableCell<ServerRow, ServerStatus> {

    private final Label badge = new Label();

    StatusBadgeCell() {
        badge.getStyleClass().add(Styles.BADGE);
    }

    @Override
    protected void updateItem(ServerStatus status, boolean empty) {
        super.updateItem(status, empty);
        if (empty || status == null) {
            setGraphic(null);
            return;
        }
        badge.setText(status.label());
        badge.getStyleClass().removeAll(Styles.toneClasses());
        badge.getStyleClass().add(Styles.of(status.tone()));
        setGraphic(badge);
    }
}
