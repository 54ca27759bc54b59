package io.ringside.core.redis;

import java.time.Duration;

/**
 * Server-wide cache rates between two INFO samples: keyspace hits and misses, evictions and
 * expirations per second. The key browser's own TYPE / PTTL / MEMORY USAGE calls count as hits
 * here, so these figures run high while someone browses; the application-level counters on
 * {@code ringside.cache.stats} do not have that flaw and are shown next to them.
 *
 * @param hitRatio hits / (hits + misses) in the interval, {@code NaN} when there were no lookups
 * @param reset    a counter went backwards (server restarted or CONFIG RESETSTAT): rates are 0
 */
public record HitMissRates(double hitsPerSecond, double missesPerSecond, double hitRatio, double evictedPerSecond,
                           double expiredPerSecond, Duration interval, boolean reset) {

    /** The rates from {@code earlier} to {@code later}; a pure function of the two samples. */
    public static HitMissRates between(InfoSnapshot earlier, InfoSnapshot later) {
        Duration interval = Duration.between(earlier.at(), later.at());
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The second INFO sample must be later than the first (" + earlier.at()
                    + " .. " + later.at() + ")");
        }
        long hits = delta(earlier, later, "keyspace_hits");
        long misses = delta(earlier, later, "keyspace_misses");
        long evicted = delta(earlier, later, "evicted_keys");
        long expired = delta(earlier, later, "expired_keys");
        if (hits < 0 || misses < 0 || evicted < 0 || expired < 0) {
            return new HitMissRates(0, 0, Double.NaN, 0, 0, interval, true);
        }
        double seconds = interval.toNanos() / 1e9;
        double lookups = hits + misses;
        return new HitMissRates(hits / seconds, misses / seconds, lookups == 0 ? Double.NaN : hits / lookups,
                evicted / seconds, expired / seconds, interval, false);
    }

    private static long delta(InfoSnapshot earlier, InfoSnapshot later, String field) {
        return later.number(field) - earlier.number(field);
    }
}
