package io.ringside.core.redis;

import io.ringside.core.connect.Backends;
import io.ringside.core.kafka.AuditLog;
import java.util.List;
import java.util.function.BooleanSupplier;
import redis.clients.jedis.JedisPooled;

/**
 * The key scanner and key admin of a profile's Redis for the {@code keys}, {@code evict} and
 * {@code ttl} commands: its one server, or, when the profile names cluster seeds, every master of
 * the Redis Cluster (each scanned on a client of its own; TTL edits and evictions routed by slot).
 * Closing it closes the masters' clients; the profile's own clients stay with {@link Backends}.
 */
public final class ProfileKeys implements AutoCloseable {

    private final Backends backends;
    private final List<JedisPooled> masters;

    private ProfileKeys(Backends backends, List<JedisPooled> masters) {
        this.backends = backends;
        this.masters = masters;
    }

    public static ProfileKeys of(Backends backends) {
        if (!backends.redisIsCluster()) {
            return new ProfileKeys(backends, List.of());
        }
        return new ProfileKeys(backends,
                ClusterMasters.clients(backends.redisClusterSeeds().get(0), backends.redisClientConfig()));
    }

    public boolean cluster() {
        return !masters.isEmpty();
    }

    public KeyScanner scanner() {
        return cluster() ? KeyScanner.forCluster(masters) : new KeyScanner(backends.redis());
    }

    public KeyAdmin admin(AuditLog audit, BooleanSupplier readOnly) {
        return cluster() ? KeyAdmin.forCluster(backends.redisCluster(), masters, audit, readOnly)
                : new KeyAdmin(backends.redis(), scanner(), audit, readOnly);
    }

    @Override
    public void close() {
        masters.forEach(JedisPooled::close);
    }
}
