package io.ringside.ui.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollerTest {

    private static final Duration PERIOD = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofSeconds(10);

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @Test
    void failuresDoubleTheDelayUpToTheCeilingAndOneSuccessResetsIt() {
        AtomicBoolean failing = new AtomicBoolean(true);
        List<Duration> shownOnFailure = new ArrayList<>();
        Poller<String> poller = Poller.polling(executor, PERIOD, () -> {
            if (failing.get()) {
                throw new IllegalStateException("down");
            }
            return "up";
        }).backingOffTo(MAX);
        poller.onFailure(e -> shownOnFailure.add(poller.delay()));

        poller.pollNow();
        executor.runScheduled();
        executor.runScheduled();
        executor.runScheduled();
        assertEquals(List.of(Duration.ofSeconds(4), Duration.ofSeconds(8), MAX, MAX), shownOnFailure);
        assertEquals(List.of(MAX), executor.scheduledDelays());

        failing.set(false);
        executor.runScheduled();
        assertEquals(List.of(PERIOD), executor.scheduledDelays());
    }

    @Test
    void anUnhealthyResultBacksOffButStillReachesTheCallback() {
        List<Boolean> seen = new ArrayList<>();
        Poller<Boolean> poller = Poller.polling(executor, PERIOD, () -> false)
                .backingOffTo(MAX)
                .healthyWhen(ok -> ok)
                .onSuccess(seen::add);

        poller.pollAfter(Duration.ZERO);
        executor.runScheduled();

        assertEquals(List.of(false), seen);
        assertEquals(List.of(Duration.ofSeconds(4)), executor.scheduledDelays());
    }

    /** A page's update that throws once must not end its polling: the next round is still planned. */
    @Test
    void aCallbackThatThrowsLeavesTheNextRoundPlanned() {
        AtomicInteger calls = new AtomicInteger();
        Poller<String> poller = Poller.polling(executor, PERIOD, () -> "up").onSuccess(value -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("an update failed");
            }
        });

        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, poller::pollNow);
        assertEquals(List.of(PERIOD), executor.scheduledDelays(), "the loop goes on");
        executor.runScheduled();
        assertEquals(2, calls.get());
        assertEquals(List.of(PERIOD), executor.scheduledDelays());
    }

    @Test
    void withoutACeilingFailuresKeepThePeriod() {
        Poller<Void> poller = Poller.polling(executor, PERIOD, () -> {
            throw new IllegalStateException("down");
        });

        poller.pollNow();
        executor.runScheduled();

        assertEquals(List.of(PERIOD), executor.scheduledDelays());
    }

    @Test
    void aRoundOvertakenByAStopIsDroppedAndTheLoopEnds() {
        AtomicInteger results = new AtomicInteger();
        List<Runnable> finishLater = new ArrayList<>();
        TaskExecutor slow = new TaskExecutor() {
            @Override
            public <T> Cancellable execute(BackgroundTask<T> task) {
                finishLater.add(() -> executor.execute(task));
                return Cancellable.NONE;
            }

            @Override
            public Cancellable schedule(Duration delay, BackgroundTask<?> task) {
                return executor.schedule(delay, task);
            }

            @Override
            public void runOnUi(Duration delay, Runnable action) {
                action.run();
            }

            @Override
            public void shutdown() {
            }
        };
        Poller<Integer> poller = Poller.polling(slow, PERIOD, () -> 1).onSuccess(value -> results.incrementAndGet());

        poller.pollNow();
        poller.stop();
        finishLater.forEach(Runnable::run);

        assertEquals(0, results.get());
        assertEquals(List.of(), executor.scheduledDelays());
        assertFalse(poller.running());
    }

    @Test
    void aCallbackThatStopsTheLoopIsNotOverruled() {
        AtomicInteger ticks = new AtomicInteger();
        Poller<Void>[] poller = new Poller[1];
        poller[0] = Poller.ticking(executor, PERIOD, () -> {
            if (ticks.incrementAndGet() == 2) {
                poller[0].stop();
            }
        });

        poller[0].pollLater();
        executor.runScheduled();
        executor.runScheduled();
        executor.runScheduled();

        assertEquals(2, ticks.get());
        assertEquals(List.of(), executor.scheduledDelays());
    }

    @Test
    void aCallbackThatRestartsTheLoopLeavesOneRoundPending() {
        AtomicInteger rounds = new AtomicInteger();
        Poller<Void>[] poller = new Poller[1];
        poller[0] = Poller.ticking(executor, PERIOD, () -> {
            if (rounds.incrementAndGet() == 1) {
                poller[0].pollAfter(Duration.ofSeconds(7));
            }
        });

        poller[0].pollLater();
        executor.runScheduled();

        assertEquals(List.of(Duration.ofSeconds(7)), executor.scheduledDelays());
    }
}
