package io.ringside.core.data.cache;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Fills the cache ahead of use (before a training session, before analysts open a trend),
 * one rate-limited read at a time so Cassandra keeps serving everyone else.
 */
public final class CacheWarmer {

    /** What a warm-up did: keys already cached, keys loaded, keys with no rows behind them. */
    public record Summary(int alreadyCached, int loaded, int absent) {
        public int total() {
            return alreadyCached + loaded + absent;
        }
    }

    private final RateLimiter limiter;

    public CacheWarmer(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** Reads each key through the cache; {@code progress} gets the number done after each. */
    public Summary warm(List<Supplier<CacheRead<?>>> reads, Consumer<Integer> progress) {
        int cached = 0;
        int loaded = 0;
        int absent = 0;
        int done = 0;
        for (Supplier<CacheRead<?>> read : reads) {
            limiter.acquire();
            CacheRead<?> result = read.get();
            if (result.value().isEmpty()) {
                absent++;
            } else if (result.outcome() == CacheOutcome.HIT) {
                cached++;
            } else {
                loaded++;
            }
            progress.accept(++done);
        }
        return new Summary(cached, loaded, absent);
    }
}
