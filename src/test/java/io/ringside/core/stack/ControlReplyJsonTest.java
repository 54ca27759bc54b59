package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringside.core.Json;
import org.junit.jupiter.api.Test;

/** A progress line from the supervisor, as it crosses the control socket. */
class ControlReplyJsonTest {

    @Test
    void anEventKeepsTheTimeItHappenedAcrossTheSocket() throws Exception {
        StackEvent event = new StackEvent("kafka", StackEvent.Phase.READY, "ready (pid 2000)", 8_700, 1_765_000_000_000L);

        ControlReply read = Json.mapper().readValue(Json.mapper().writeValueAsString(ControlReply.progress(event)),
                ControlReply.class);

        assertEquals(event, read.event());
    }
}
