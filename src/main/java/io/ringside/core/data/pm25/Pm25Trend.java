package io.ringside.core.data.pm25;

import io.ringside.core.data.cache.CacheOutcome;
import java.time.LocalDate;
import java.util.List;

/**
 * A daily series over a date range with how it was served: {@code cache} is {@code hit} only if
 * every year came from Redis, {@code miss} if any year had to be read from Cassandra.
 */
public record Pm25Trend(String location, LocalDate from, LocalDate to, CacheOutcome outcome, long latencyMicros,
                        List<DailyPm25> days) {
}
