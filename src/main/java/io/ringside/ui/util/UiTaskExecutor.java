package io.ringside.ui.util;

import io.ringside.core.NamedThreads;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * The console's executor: a small bounded pool of daemon threads for blocking calls (starting the
 * stack blocks for up to a minute and holds one thread), a timer thread for delays, and
 * {@link Platform#runLater} for callbacks. Daemon threads, so a forgotten task never keeps the
 * application alive after the window closed.
 */
public final class UiTaskExecutor implements TaskExecutor {

    private static final int WORKERS = 4;

    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final RunningTasks running = new RunningTasks(this::runOnUi);

    public UiTaskExecutor() {
        workers = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                NamedThreads.numberedDaemons("ringside-ui-worker"));
        workers.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor scheduled = new ScheduledThreadPoolExecutor(1, NamedThreads.numberedDaemons("ringside-ui-timer"));
        scheduled.setRemoveOnCancelPolicy(true);
        timer = scheduled;
    }

    /**
     * Work handed in after {@link #shutdown()} is dropped: the console is closing, and a callback
     * that finishes during the close (a start ending, a poll coming due) must not fail it.
     */
    @Override
    public <T> Cancellable execute(BackgroundTask<T> task) {
        try {
            return submit(task);
        } catch (RejectedExecutionException e) {
            return Cancellable.NONE;
        }
    }

    private <T> Cancellable submit(BackgroundTask<T> task) {
        Future<?> future = workers.submit(() -> {
            Runnable ended = task.title() == null ? () -> { } : running.started(task.title());
            T value;
            try {
                value = task.call();
            } catch (Exception e) {
                ended.run();
                Platform.runLater(() -> task.failed(e));
                return;
            }
            ended.run();
            Platform.runLater(() -> task.succeeded(value));
        });
        return () -> future.cancel(true);
    }

    @Override
    public Cancellable schedule(Duration delay, BackgroundTask<?> task) {
        AtomicReference<Cancellable> running = new AtomicReference<>(Cancellable.NONE);
        ScheduledFuture<?> pending;
        try {
            pending = timer.schedule(() -> running.set(execute(task)), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return Cancellable.NONE;
        }
        return () -> {
            pending.cancel(false);
            running.get().cancel();
        };
    }

    @Override
    public void runOnUi(Duration delay, Runnable action) {
        if (delay.isZero() || delay.isNegative()) {
            Platform.runLater(action);
        } else {
            try {
                timer.schedule(() -> Platform.runLater(action), delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // shut down: the console is closing
            }
        }
    }

    /** Whether no background work is running or queued (delays not counted), for a benchmark's quiet moment. */
    public boolean idle() {
        return workers.getActiveCount() == 0 && workers.getQueue().isEmpty();
    }

    /** The titled tasks running now, for the status bar. */
    public RunningTasks runningTasks() {
        return running;
    }

    @Override
    public void shutdown() {
        workers.shutdownNow();
        timer.shutdownNow();
    }
}
