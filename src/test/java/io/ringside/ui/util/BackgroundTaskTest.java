package io.ringside.ui.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @Test
    void onFinishedRunsBeforeEitherOutcome() {
        List<String> calls = new ArrayList<>();
        BackgroundTask.wrap(() -> "value")
                .onFinished(() -> calls.add("finished"))
                .onSuccess(value -> calls.add("success " + value))
                .executeWith(executor);
        BackgroundTask.wrap(() -> {
                    throw new IllegalStateException("broken");
                })
                .onFinished(() -> calls.add("finished"))
                .onFailure(e -> calls.add("failure " + e.getMessage()))
                .executeWith(executor);

        assertEquals(List.of("finished", "success value", "finished", "failure broken"), calls);
    }
}
