package io.ringside.core.data.cache;

import java.util.Optional;

/**
 * A value read through the cache with how it was served and what it cost.
 *
 * @param value   empty when the backing store has no such rows
 * @param latencyNanos the whole read as the caller saw it
 */
public record CacheRead<T>(Optional<T> value, CacheOutcome outcome, long latencyNanos) {
}
