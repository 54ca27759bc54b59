package io.ringside.ui.stack;

import static io.ringside.ui.testing.StackStates.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.stack.StackEvent;
import io.ringside.core.stack.StackEvent.Phase;
import io.ringside.core.stack.StackException;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FakeStackGateway;
import io.ringside.ui.testing.StackStates;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StartProgressViewModelTest {

    private final FakeStackGateway gateway = new FakeStackGateway();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final StackViewModel stack = new StackViewModel(gateway, executor, new FakeDialogService(),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), true);
    private final StartProgressViewModel dialog = new StartProgressViewModel(stack);

    private ServerRow row(String server) {
        return dialog.rows().stream().filter(r -> r.getName().equals(server)).findFirst().orElseThrow();
    }

    @Test
    void isOpenWithEachServersPhaseAndElapsedWhileStartingAndClosesWhenAllAreReady() {
        gateway.onStart(listener -> {
            assertTrue(dialog.showingProperty().get(), "open as soon as the start begins");
            assertEquals(StartProgressViewModel.STARTING_TITLE, dialog.titleProperty().get());
            listener.onEvent(new StackEvent("cassandra-1", Phase.RESOLVING, "downloading cassandra-all", 2300));
            listener.onEvent(event("kafka", Phase.CONFIGURING, "writing server.properties"));
            listener.onEvent(event("redis", Phase.READY, "ready"));
            assertEquals(ServerStatus.RESOLVING, row("cassandra-1").getStatus());
            assertEquals("downloading cassandra-all", row("cassandra-1").getDetail());
            assertEquals(String.format("%.1f s", 2.3), row("cassandra-1").getElapsed());
            assertEquals(ServerStatus.CONFIGURING, row("kafka").getStatus());
            assertEquals(ServerStatus.READY, row("redis").getStatus());
            assertTrue(dialog.showingProperty().get(), "still open while two servers are not ready");
            return FakeStackGateway.startsEverything(listener);
        });

        stack.activate();

        assertEquals(1, gateway.startCalls.get());
        assertFalse(dialog.showingProperty().get(), "closed by itself once every server is ready");
        assertFalse(dialog.failedProperty().get());
        assertTrue(dialog.rows().stream().allMatch(r -> r.getStatus() == ServerStatus.READY), dialog.rows().toString());
    }

    @Test
    void aFailedStartStaysOpenWithTheReasonAndTheLogTailUntilClosed() {
        gateway.onStart(listener -> {
            listener.onEvent(event("kafka", Phase.FAILED, "exited with code 1"));
            throw new StackException("The local stack did not start; the servers that had started were stopped.\n"
                    + "kafka: exited with code 1. Last lines of server.log:\n  ERROR Invalid cluster.id");
        });

        stack.activate();

        assertTrue(dialog.showingProperty().get());
        assertTrue(dialog.failedProperty().get());
        assertEquals(StartProgressViewModel.FAILED_TITLE, dialog.titleProperty().get());
        assertTrue(dialog.failureProperty().get().contains("kafka: exited with code 1"), dialog.failureProperty().get());
        assertTrue(dialog.failureProperty().get().contains("ERROR Invalid cluster.id"), "the log tail is shown");
        assertEquals(ServerStatus.FAILED, row("kafka").getStatus());

        dialog.close();

        assertFalse(dialog.showingProperty().get());
    }

    @Test
    void aRetryAfterAFailureClearsTheOldReason() {
        gateway.onStart(listener -> {
            throw new StackException("redis: port 6379 taken");
        });
        stack.activate();
        assertTrue(dialog.failedProperty().get());
        gateway.onStart(listener -> {
            assertTrue(dialog.showingProperty().get());
            assertFalse(dialog.failedProperty().get());
            assertEquals("", dialog.failureProperty().get());
            return FakeStackGateway.startsEverything(listener);
        });

        stack.start();

        assertEquals(2, gateway.startCalls.get());
        assertFalse(dialog.showingProperty().get());
    }

    @Test
    void attachingToAStackAnotherProcessSupervisesOpensNoDialog() {
        gateway.foreignSupervisor(4242).status(StackStates.running(4242, 1));

        stack.activate();

        assertEquals(StackMode.ATTACHED, stack.modeProperty().get());
        assertFalse(dialog.showingProperty().get());
        assertEquals(0, gateway.startCalls.get());
    }
}
