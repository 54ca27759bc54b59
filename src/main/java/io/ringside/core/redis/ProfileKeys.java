package io.ringside.core.redis;

import io.ringside.core.connect.Backends;
import io.ringside.core.kafka.AuditLog;
import java.util.List;
import java.util.function.BooleanSupplier;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * The key services of a profile's Redis, wired once for the {@code keys}, {@code evict} and
 * {@code ttl} commands and the Cache page: its one server, or, when the profile names cluster
 * seeds, every master of the Redis Cluster (each scanned on a client of its own; TTL edits,
 * evictions and value reads routed by slot). Closing it closes the masters' clients; the
 * profile's own clients stay with {@link Backends}.
 */
public final class ProfileKeys implements AutoCloseable {

    private final boolean cluster;
    /** The single server; unused on a cluster, whose first master may change. */
    private final JedisPooled server;
    private final JedisCluster routed;
    private final KeyScanner scanner;
    private final ClusterMasters masters;

    private ProfileKeys(boolean cluster, JedisPooled server, JedisCluster routed, KeyScanner scanner,
                        ClusterMasters masters) {
        this.cluster = cluster;
        this.server = server;
        this.routed = routed;
        this.scanner = scanner;
        this.masters = masters;
    }

    /**
     * Over the profile's Redis as its settings name it.
     *
     * @throws io.ringside.core.BackendUnavailableException when a cluster's first seed does not
     *         answer or lists no reachable master
     */
    public static ProfileKeys of(Backends backends) {
        if (!backends.redisIsCluster()) {
            return of(backends.redis());
        }
        JedisCluster routed = backends.redisCluster();
        ClusterMasters masters = ClusterMasters.open(backends.redisClusterSeeds(), backends.redisClientConfig());
        return new ProfileKeys(true, masters.clients().get(0), routed, KeyScanner.forCluster(masters), masters);
    }

    /** Over one Redis server. */
    public static ProfileKeys of(JedisPooled redis) {
        return new ProfileKeys(false, redis, null, new KeyScanner(redis), null);
    }

    public boolean cluster() {
        return cluster;
    }

    public KeyScanner scanner() {
        return scanner;
    }

    public KeyAdmin admin(AuditLog audit, BooleanSupplier readOnly) {
        return cluster ? KeyAdmin.forCluster(routed, scanner, audit, readOnly)
                : new KeyAdmin(server, scanner, audit, readOnly);
    }

    /** The client for commands on one key at a time: the server, or the cluster client routing by slot. */
    public UnifiedJedis keyClient() {
        return cluster ? routed : server;
    }

    /**
     * The server whose INFO stands for the profile's Redis: the server, or the cluster's first
     * master as the last reading of its topology lists them (a promoted replica after a failover).
     */
    public JedisPooled infoServer() {
        return cluster ? masters.clients().get(0) : server;
    }

    /**
     * The cluster's nodes, replicas and failed ones included, read now (which also makes the next
     * scans follow a failover); empty for a single server.
     */
    public List<ClusterNode> clusterNodes() {
        return cluster ? masters.refresh() : List.of();
    }

    @Override
    public void close() {
        if (masters != null) {
            masters.close();
        }
    }
}
