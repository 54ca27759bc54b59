package io.ringside.core.data.cache;

import java.time.Duration;

/**
 * How a namespace is cached. TTLs get +/-10% jitter so keys written together do not expire
 * together; a reader that finds another reader's lease waits up to the lease time for its value
 * ({@code waitForLeaseHolder}) — the "one Cassandra read per expiry" mode — or reads through.
 */
public record CachePolicy(Duration ttl, Duration negativeTtl, Duration lease, double jitter, boolean waitForLeaseHolder) {

    public static CachePolicy of(Duration ttl) {
        return new CachePolicy(ttl, Duration.ofSeconds(30), Duration.ofSeconds(5), 0.10, true);
    }

    public CachePolicy readThrough() {
        return new CachePolicy(ttl, negativeTtl, lease, jitter, false);
    }

    public CachePolicy withLease(Duration lease) {
        return new CachePolicy(ttl, negativeTtl, lease, jitter, waitForLeaseHolder);
    }
}
