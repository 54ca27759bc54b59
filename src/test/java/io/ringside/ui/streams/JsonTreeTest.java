package io.ringside.ui.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.kafka.explorer.KafkaMessage;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/** The detail pane's collapsible JSON: built from the selected message, folded below the first level. */
class JsonTreeTest {

    @Test
    void aSelectedJsonMessageBecomesATreeFoldedBelowTheFirstLevel() {
        MessageSearchViewModel search = new MessageSearchViewModel(null, new CurrentThreadTaskExecutor());
        byte[] value = "{\"job\":\"j1\",\"state\":\"failed\",\"detail\":{\"step\":{\"n\":3},\"tags\":[\"a\",\"b\"]}}"
                .getBytes(StandardCharsets.UTF_8);
        search.selectedProperty().set(new KafkaMessage("orders", 0, 7, Instant.EPOCH, null, value, value.length, List.of()));

        TreeItem<String> root = JsonTree.of(search.jsonProperty().get());
        assertEquals("value {3}", root.getValue());
        assertEquals(List.of("job: \"j1\"", "state: \"failed\"", "detail {2}"),
                root.getChildren().stream().map(TreeItem::getValue).toList());
        TreeItem<String> detail = root.getChildren().get(2);
        assertTrue(root.isExpanded() && detail.isExpanded());
        TreeItem<String> step = detail.getChildren().get(0);
        assertEquals("step {1}", step.getValue());
        assertFalse(step.isExpanded(), "folded below the first level");
        assertEquals("tags [2]", detail.getChildren().get(1).getValue());

        byte[] text = "plain text".getBytes(StandardCharsets.UTF_8);
        search.selectedProperty().set(new KafkaMessage("orders", 0, 8, Instant.EPOCH, null, text, text.length, List.of()));
        assertEquals("", search.jsonProperty().get());
        assertNull(JsonTree.of(search.jsonProperty().get()));
    }
}
