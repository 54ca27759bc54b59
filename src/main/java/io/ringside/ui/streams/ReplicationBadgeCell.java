package io.ringside.ui.streams;

import io.ringside.core.kafka.TopicInfo;
import io.ringside.ui.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/** A topic's replication as a badge: green in sync, amber under-replicated, red with partitions offline. */
final class ReplicationBadgeCell extends TableCell<TopicInfo, TopicInfo> {

    private final Label badge = new Label();

    ReplicationBadgeCell() {
        badge.getStyleClass().add(Styles.BADGE);
    }

    @Override
    protected void updateItem(TopicInfo topic, boolean empty) {
        super.updateItem(topic, empty);
        String text = empty || topic == null ? "" : StreamsViewModel.replicationHealth(topic);
        if (text.isEmpty()) {
            setGraphic(null);
            return;
        }
        badge.setText(text);
        badge.getStyleClass().removeAll(Styles.toneClasses());
        badge.getStyleClass().add(Styles.of(StreamsViewModel.replicationTone(topic)));
        setGraphic(badge);
    }
}
