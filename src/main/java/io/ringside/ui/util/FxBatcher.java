package io.ringside.ui.util;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Carries items produced on any thread to the FX thread in batches, at most one batch per
 * interval. A first download of the servers emits hundreds of progress events within a second;
 * one {@code Platform.runLater} each would flood the FX queue and re-layout the table every time.
 * Items keep their order (per producer thread).
 *
 * <p>The scheduler is injected so this class is tested without a toolkit. It must run the actions
 * it is given on a single thread, as the FX thread does.
 *
 * @param <T> the items
 */
public final class FxBatcher<T> {

    /** Runs an action on the UI thread after a delay. */
    @FunctionalInterface
    public interface UiScheduler {
        void runOnUi(Duration delay, Runnable action);
    }

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushPending = new AtomicBoolean();
    private final long intervalNanos;
    private final UiScheduler scheduler;
    private final LongSupplier nanoTime;
    private final Consumer<List<T>> sink;
    private volatile long nextFlushAllowed;

    public FxBatcher(Duration interval, UiScheduler scheduler, LongSupplier nanoTime, Consumer<List<T>> sink) {
        this.intervalNanos = interval.toNanos();
        this.scheduler = Objects.requireNonNull(scheduler);
        this.nanoTime = Objects.requireNonNull(nanoTime);
        this.sink = Objects.requireNonNull(sink);
        this.nextFlushAllowed = nanoTime.getAsLong();
    }

    /** A batcher on the given executor's UI thread with the system clock. */
    public static <T> FxBatcher<T> onUi(TaskExecutor executor, Duration interval, Consumer<List<T>> sink) {
        return new FxBatcher<>(interval, executor::runOnUi, System::nanoTime, sink);
    }

    /** Thread-safe; never blocks. */
    public void add(T item) {
        queue.add(item);
        if (flushPending.compareAndSet(false, true)) {
            long wait = Math.max(0, nextFlushAllowed - nanoTime.getAsLong());
            scheduler.runOnUi(Duration.ofNanos(wait), this::flush);
        }
    }

    private void flush() {
        nextFlushAllowed = nanoTime.getAsLong() + intervalNanos;
        flushPending.set(false);
        List<T> batch = new ArrayList<>();
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
