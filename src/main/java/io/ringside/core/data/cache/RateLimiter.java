package io.ringside.core.data.cache;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Holds work to a rate so it never floods Cassandra: at most {@code permitsPerSecond} permits a
 * second, evenly spaced, and time left idle is not saved up for a burst. A cache warm-up takes one
 * permit per read; a dataset load takes one per byte of each slice it writes. Time comes from an
 * injected ticker so the spacing is testable without waiting.
 */
public final class RateLimiter {

    /** Sleeps for the given nanoseconds; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos);
    }

    private final double nanosPerPermit;
    private final LongSupplier ticker;
    private final Sleeper sleeper;
    private long nextFree;

    public RateLimiter(double permitsPerSecond) {
        this(permitsPerSecond, System::nanoTime, LockSupport::parkNanos);
    }

    RateLimiter(double permitsPerSecond, LongSupplier ticker, Sleeper sleeper) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, not " + permitsPerSecond);
        }
        this.nanosPerPermit = TimeUnit.SECONDS.toNanos(1) / permitsPerSecond;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.nextFree = ticker.getAsLong();
    }

    /** Blocks until the next permit is due. */
    public synchronized void acquire() {
        long now = waitForTurn();
        nextFree = Math.max(nextFree, now) + (long) nanosPerPermit;
    }

    /**
     * Blocks until {@code permits} may start (the ones taken before have had their time), and books
     * their time for whoever comes next.
     *
     * @throws InterruptedException when the thread is interrupted while it waits
     */
    public synchronized void acquire(long permits) throws InterruptedException {
        long now = waitForTurn();
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting for " + permits + " permits");
        }
        nextFree = Math.max(nextFree, now) + (long) (permits * nanosPerPermit);
    }

    private long waitForTurn() {
        long now = ticker.getAsLong();
        if (nextFree > now) {
            sleeper.sleepNanos(nextFree - now);
            now = nextFree;
        }
        return now;
    }
}
