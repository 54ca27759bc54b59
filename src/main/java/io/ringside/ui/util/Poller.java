package io.ringside.ui.util;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A poll loop of a view-model: work in the background every period, its result on the FX thread,
 * and a delay that doubles up to a ceiling while the rounds fail and falls back to the period after
 * one that worked. Pages had written this loop by hand, each with its own generation counter so
 * that a round finishing after a stop does not start the loop again; here a round that was
 * overtaken ({@link #stop}, {@link #pollNow}) is dropped before its callbacks run.
 *
 * <p>Every round goes through the {@link TaskExecutor} ({@link TaskExecutor#schedule} for the
 * waits), so a test drives the loop one round at a time with its current-thread executor.
 * Callbacks run on the FX thread and may stop the loop or start a round at once; the loop then
 * does not schedule another round itself. Not thread-safe: call it on the FX thread only.
 *
 * @param <T> what one round produces
 */
public final class Poller<T> {

    private final TaskExecutor executor;
    private final Duration period;
    private final Supplier<? extends Callable<T>> rounds;
    private Duration maxBackOff;
    private Predicate<? super T> healthy = value -> true;
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<? super Exception> onFailure = e -> { };
    private Duration delay;
    private Cancellable pending = Cancellable.NONE;
    private boolean running;
    private int generation;

    private Poller(TaskExecutor executor, Duration period, Supplier<? extends Callable<T>> rounds) {
        this.executor = Objects.requireNonNull(executor);
        this.period = Objects.requireNonNull(period);
        this.rounds = Objects.requireNonNull(rounds);
        this.maxBackOff = period;
        this.delay = period;
    }

    /** Runs {@code work} every {@code period}; without {@link #backingOffTo} failures do not slow it. */
    public static <T> Poller<T> polling(TaskExecutor executor, Duration period, Callable<T> work) {
        Objects.requireNonNull(work);
        return new Poller<>(executor, period, () -> work);
    }

    /**
     * Like {@link #polling}, but each round's work is prepared on the FX thread when the round is
     * planned, so it can take the view-model's state of that moment with it to the background.
     */
    public static <T> Poller<T> preparing(TaskExecutor executor, Duration period, Supplier<? extends Callable<T>> round) {
        return new Poller<>(executor, period, round);
    }

    /** A tick on the FX thread every {@code period}, with no background work. */
    public static Poller<Void> ticking(TaskExecutor executor, Duration period, Runnable tick) {
        Objects.requireNonNull(tick);
        return Poller.<Void>polling(executor, period, () -> null).onSuccess(nothing -> tick.run());
    }

    /** After a failed round the delay doubles, up to {@code max}. */
    public Poller<T> backingOffTo(Duration max) {
        this.maxBackOff = Objects.requireNonNull(max);
        return this;
    }

    /** A round whose result fails {@code test} backs off like a failed one (it still reaches {@link #onSuccess}). */
    public Poller<T> healthyWhen(Predicate<? super T> test) {
        this.healthy = Objects.requireNonNull(test);
        return this;
    }

    /** Runs on the FX thread with each round's result, after the next delay was set. */
    public Poller<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /** Runs on the FX thread with what a round threw, after the delay was backed off ({@link #delay()}). */
    public Poller<T> onFailure(Consumer<? super Exception> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    /**
     * Runs a round now (dropping the one pending or in flight); the loop goes on from there. A
     * round started here is not interrupted by a later stop, only dropped.
     */
    public void pollNow() {
        Callable<T> work = restart();
        executor.execute(round(work, generation));
    }

    /** Runs the next round after the current {@link #delay()} (dropping the one pending or in flight). */
    public void pollLater() {
        pollAfter(delay);
    }

    /** Runs the next round after {@code wait}; the rounds after it keep the loop's delay. */
    public void pollAfter(Duration wait) {
        Callable<T> work = restart();
        pending = executor.schedule(wait, round(work, generation));
    }

    /** Ends the loop; a round in flight is dropped. */
    public void stop() {
        running = false;
        generation++;
        pending.cancel();
        pending = Cancellable.NONE;
    }

    /** Back to the period, as after a round that worked. */
    public void resetDelay() {
        delay = period;
    }

    /** The wait before the next round: the period, or longer after failures. */
    public Duration delay() {
        return delay;
    }

    public boolean running() {
        return running;
    }

    private Callable<T> restart() {
        stop();
        running = true;
        return rounds.get();
    }

    /**
     * One round; the next is planned even when a callback throws (the exception still goes to the
     * FX thread's handler): planned after it, a single failing update of a page ended its polling for
     * good, and the page kept showing that round's state.
     */
    private BackgroundTask<T> round(Callable<T> work, int mine) {
        return BackgroundTask.wrap(work)
                .onSuccess(value -> {
                    if (mine != generation) {
                        return;
                    }
                    delay = healthy.test(value) ? period : backOff(delay);
                    try {
                        onSuccess.accept(value);
                    } finally {
                        next(mine);
                    }
                })
                .onFailure(e -> {
                    if (mine != generation) {
                        return;
                    }
                    delay = backOff(delay);
                    try {
                        onFailure.accept(e);
                    } finally {
                        next(mine);
                    }
                });
    }

    private void next(int mine) {
        if (mine == generation && running) {
            Callable<T> work = rounds.get();
            pending = executor.schedule(delay, round(work, mine));
        }
    }

    private Duration backOff(Duration current) {
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(maxBackOff) > 0 ? maxBackOff : doubled;
    }
}
