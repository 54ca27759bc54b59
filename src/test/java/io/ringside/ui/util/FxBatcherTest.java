package io.ringside.ui.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FxBatcherTest {

    private static final Duration INTERVAL = Duration.ofMillis(50);

    private final ExecutorService fakeFxThread = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopThreads() {
        fakeFxThread.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void tenThousandEventsArriveInOrderInFewUpdates() {
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        AtomicInteger updates = new AtomicInteger();
        FxBatcher.UiScheduler onFakeFxThread = (delay, action) ->
                timer.schedule(() -> fakeFxThread.execute(action), delay.toNanos(), TimeUnit.NANOSECONDS);
        FxBatcher<Integer> batcher = new FxBatcher<>(INTERVAL, onFakeFxThread, System::nanoTime, batch -> {
            updates.incrementAndGet();
            delivered.addAll(batch);
        });

        long started = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            batcher.add(i);
            if (i % 100 == 0) {
                LockSupport.parkNanos(1_000_000);
            }
        }
        long producingMillis = (System.nanoTime() - started) / 1_000_000;
        Await.until("all 10,000 items", Duration.ofSeconds(5), () -> delivered.size() == 10_000);

        assertEquals(IntStream.range(0, 10_000).boxed().toList(), delivered);
        long allowed = producingMillis / INTERVAL.toMillis() + 2;
        assertTrue(updates.get() <= allowed,
                updates.get() + " updates for " + producingMillis + " ms of events; at most " + allowed + " expected");
        assertTrue(updates.get() < 100, updates.get() + " updates for 10,000 events");
    }

    @Test
    void nextUpdateWaitsForTheIntervalSinceTheLastOne() {
        long[] now = {0};
        List<Duration> delays = new ArrayList<>();
        List<Runnable> pending = new ArrayList<>();
        List<List<String>> batches = new ArrayList<>();
        FxBatcher<String> batcher = new FxBatcher<>(INTERVAL, (delay, action) -> {
            delays.add(delay);
            pending.add(action);
        }, () -> now[0], batches::add);

        batcher.add("a");
        batcher.add("b");
        assertEquals(List.of(Duration.ZERO), delays, "first batch goes at once, one flush for both items");
        runPending(pending);
        assertEquals(List.of(List.of("a", "b")), batches);

        now[0] = Duration.ofMillis(10).toNanos();
        batcher.add("c");
        assertEquals(Duration.ofMillis(40), delays.get(1), "waits out the rest of the interval");
        now[0] = Duration.ofMillis(50).toNanos();
        runPending(pending);
        assertEquals(List.of(List.of("a", "b"), List.of("c")), batches);

        now[0] = Duration.ofMillis(500).toNanos();
        batcher.add("d");
        assertEquals(Duration.ZERO, delays.get(2), "after a quiet spell the next batch goes at once");
    }

    private static void runPending(List<Runnable> pending) {
        List<Runnable> due = new ArrayList<>(pending);
        pending.clear();
        due.forEach(Runnable::run);
    }
}
