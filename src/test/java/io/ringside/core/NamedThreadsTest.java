package io.ringside.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class NamedThreadsTest {

    @Test
    void threadsAreNamedDaemons() {
        Thread single = NamedThreads.daemon("ringside-test", () -> { });
        Thread pooled = NamedThreads.daemons("ringside-pool").newThread(() -> { });
        ThreadFactory numbered = NamedThreads.numberedDaemons("ringside-worker");
        Thread first = numbered.newThread(() -> { });
        Thread second = numbered.newThread(() -> { });

        assertEquals("ringside-test", single.getName());
        assertEquals("ringside-pool", pooled.getName());
        assertEquals("ringside-worker-1", first.getName());
        assertEquals("ringside-worker-2", second.getName());
        assertTrue(single.isDaemon() && pooled.isDaemon() && first.isDaemon() && second.isDaemon());
    }
}
