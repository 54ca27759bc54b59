package io.ringside.ui.util;

import java.time.Duration;

/**
 * Where view-models send work: background work off the FX thread, results and UI updates onto it.
 * View-models receive one in their constructor, so tests swap the pool for the current thread.
 */
public interface TaskExecutor {

    /** Runs the task's work in the background, then its callback on the FX thread. */
    <T> Cancellable execute(BackgroundTask<T> task);

    /** Like {@link #execute}, once, after a delay: the building block of polling with back-off. */
    Cancellable schedule(Duration delay, BackgroundTask<?> task);

    /** Runs a UI action on the FX thread after a delay (zero: as soon as possible). */
    void runOnUi(Duration delay, Runnable action);

    /** Stops the pools; work in progress is interrupted. */
    void shutdown();
}
