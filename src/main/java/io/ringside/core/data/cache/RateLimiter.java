package io.ringside.core.data.cache;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Spaces out the reads of a warm-up so filling the cache never floods Cassandra: at most
 * {@code permitsPerSecond} acquisitions a second, evenly spaced, no bursts. Time comes from an
 * injected ticker so the spacing is testable without waiting.
 */
public final class RateLimiter {

    /** Sleeps for the given nanoseconds; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos);
    }

    private final long intervalNanos;
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
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / permitsPerSecond);
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.nextFree = ticker.getAsLong();
    }

    /** Blocks until the next permit is due. */
    public synchronized void acquire() {
        long now = ticker.getAsLong();
        if (nextFree > now) {
            sleeper.sleepNanos(nextFree - now);
            now = nextFree;
        }
        nextFree = Math.max(nextFree, now) + intervalNanos;
    }
}
