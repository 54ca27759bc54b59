package io.ringside.ui.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.Json;
import io.ringside.core.jobs.JobKind;
import io.ringside.core.jobs.JobState;
import io.ringside.core.jobs.JobUnit;
import io.ringside.core.jobs.ProgressEvent;
import io.ringside.core.kafka.Topics;
import io.ringside.core.kafka.explorer.KafkaMessage;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/** The detail pane's collapsible JSON: built from the selected message, folded below the first level. */
class JsonTreeTest {

    @Test
    void aSelectedJsonMessageBecomesATreeFoldedBelowTheFirstLevel() throws Exception {
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

        // a job progress message is shown in words in the text pane, and still as its JSON in the tree
        ProgressEvent event = new ProgressEvent(UUID.fromString("12345678-aaaa-bbbb-cccc-1234567890ab"), 5,
                Instant.EPOCH, JobKind.values()[0], List.of("a.csv"), "ana", JobState.SUCCEEDED, "complete",
                JobUnit.BYTES, 100, 100, null, 2.0, 0, List.of(), null, null, "done");
        byte[] progress = Json.mapper().writeValueAsBytes(event);
        search.selectedProperty().set(new KafkaMessage(Topics.JOB_PROGRESS, 3, 5, Instant.EPOCH, null, progress,
                progress.length, List.of()));
        assertTrue(search.detailProperty().get().contains("job progress"), search.detailProperty().get());
        TreeItem<String> tree = JsonTree.of(search.jsonProperty().get());
        assertTrue(tree != null && tree.getChildren().stream().anyMatch(item -> item.getValue().equals("seq: 5")),
                search.jsonProperty().get());

        byte[] text = "plain text".getBytes(StandardCharsets.UTF_8);
        search.selectedProperty().set(new KafkaMessage("orders", 0, 8, Instant.EPOCH, null, text, text.length, List.of()));
        assertEquals("", search.jsonProperty().get());
        assertNull(JsonTree.of(search.jsonProperty().get()));
    }
}
