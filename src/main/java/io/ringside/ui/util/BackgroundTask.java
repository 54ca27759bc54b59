package io.ringside.ui.util;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that must not run on the FX thread, with callbacks that must. Keeping the two apart in one
 * small type lets view-models describe "do this, then show that" without knowing whether a real
 * pool or a test's current thread runs it (the {@link TaskExecutor} decides).
 *
 * @param <T> what the work produces
 */
public final class BackgroundTask<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);

    private final Callable<T> work;
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<? super Exception> onFailure = e -> LOG.warn("Background task failed", e);
    private Runnable onFinished = () -> { };
    private String title;

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> wrap(Runnable work) {
        Objects.requireNonNull(work);
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    /** Runs on the FX thread with the result. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /** Runs on the FX thread with what the work threw; the default only logs. */
    public BackgroundTask<T> onFailure(Consumer<? super Exception> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    /**
     * Runs on the FX thread when the work ended either way, before {@link #onSuccess} or
     * {@link #onFailure}: the place to clear a busy flag, so neither branch can forget it.
     */
    public BackgroundTask<T> onFinished(Runnable callback) {
        this.onFinished = Objects.requireNonNull(callback);
        return this;
    }

    /**
     * Names the task for the status bar's task list ("Starting the local stack"); untitled tasks
     * (polls, small reads) are not listed.
     */
    public BackgroundTask<T> withTitle(String title) {
        this.title = title;
        return this;
    }

    /** The title, or null for a task the status bar does not list. */
    public String title() {
        return title;
    }

    public Cancellable executeWith(TaskExecutor executor) {
        return executor.execute(this);
    }

    /** The work itself; executors call it off the FX thread. */
    public T call() throws Exception {
        return work.call();
    }

    /** Executors call this on the FX thread. */
    public void succeeded(T value) {
        onFinished.run();
        onSuccess.accept(value);
    }

    /** Executors call this on the FX thread. */
    public void failed(Exception error) {
        onFinished.run();
        onFailure.accept(error);
    }
}
