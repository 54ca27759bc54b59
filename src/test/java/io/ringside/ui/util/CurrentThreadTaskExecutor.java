package io.ringside.ui.util;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs work and callbacks on the calling thread, so view-model tests need neither a toolkit nor
 * waiting. Scheduled work (polls) only runs when the test says {@link #runScheduled()}; otherwise
 * a poll that reschedules itself would never return.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private record Scheduled(Duration delay, BackgroundTask<?> task) {
    }

    private final List<Scheduled> scheduled = new ArrayList<>();

    @Override
    public <T> Cancellable execute(BackgroundTask<T> task) {
        T value;
        try {
            value = task.call();
        } catch (Exception e) {
            task.failed(e);
            return Cancellable.NONE;
        }
        task.succeeded(value);
        return Cancellable.NONE;
    }

    @Override
    public Cancellable schedule(Duration delay, BackgroundTask<?> task) {
        Scheduled entry = new Scheduled(delay, task);
        scheduled.add(entry);
        return () -> scheduled.remove(entry);
    }

    /** At once, on the calling thread; one at a time, as on the FX thread, when core threads send them. */
    @Override
    public synchronized void runOnUi(Duration delay, Runnable action) {
        action.run();
    }

    @Override
    public void shutdown() {
        scheduled.clear();
    }

    /** The delays of the work scheduled and not yet run, oldest first. */
    public List<Duration> scheduledDelays() {
        return scheduled.stream().map(Scheduled::delay).toList();
    }

    /** Runs what is scheduled now; what that schedules waits for the next call. */
    public void runScheduled() {
        List<Scheduled> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(entry -> execute(entry.task()));
    }
}
