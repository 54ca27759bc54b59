package io.ringside.ui.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringside.core.stack.StackEvent;
import io.ringside.core.stack.StackEvent.Phase;
import org.junit.jupiter.api.Test;

class ServerRowTest {

    @Test
    void elapsedMovesOnBetweenEventsOnlyWhileAnActionIsInProgress() {
        ServerRow row = new ServerRow("cassandra-1");
        row.applyEvent(new StackEvent("cassandra-1", Phase.STARTING, "launching process", 100), 10_000);
        row.tick(15_000);
        assertEquals(String.format("%.1f s", 5.1), row.getElapsed());

        row.applyEvent(new StackEvent("cassandra-1", Phase.READY, "ready", 13_400), 23_300);
        row.tick(60_000);
        assertEquals(String.format("%.1f s", 13.4), row.getElapsed(), "a finished start keeps its time");
    }

    @Test
    void aPendingServerDoesNotCountTimeItHasNotStarted() {
        ServerRow row = new ServerRow("cassandra-2");
        row.applyEvent(new StackEvent("cassandra-2", Phase.PENDING, "joins after cassandra-1", 0), 1_000);
        row.tick(30_000);
        assertEquals(String.format("%.1f s", 0.0), row.getElapsed());
    }
}
