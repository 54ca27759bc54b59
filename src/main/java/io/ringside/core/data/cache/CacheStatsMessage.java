package io.ringside.core.data.cache;

import java.time.Instant;

/**
 * One second of one cache namespace in one process, as published on {@code ringside.cache.stats}
 * (JSON, snake_case): deltas, not totals, so consumers can sum instances.
 */
public record CacheStatsMessage(Instant ts, String instance, String namespace, long hits, long misses, long errors,
                                long p50Us, long p99Us) {
}
