package io.ringside.core.redis;

import io.ringside.core.connect.Backends;
import io.ringside.core.connect.RedisMaster;
import io.ringside.core.data.cache.CacheStatsMessage;
import io.ringside.core.data.dataset.DatasetStore;
import io.ringside.core.kafka.AuditLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis services over whatever client is current, as {@code CassandraServices} does for the
 * session: the supplier is asked on every call, so a profile switch takes effect without
 * rebuilding the callers, and the services are rebuilt only when the client changes. Lets the
 * console hold them without depending on Jedis itself.
 */
public final class RedisServices {

    private final Supplier<JedisPooled> clients;
    private final Supplier<AuditLog> audit;
    private final BooleanSupplier readOnly;
    private final Supplier<DatasetStore> datasets;
    private final Supplier<Map<String, Object>> kafka;
    private Supplier<Backends> backends;
    private Bound bound;
    private RedisConsole console;
    private Backends consoleOf;
    private RedisMaster consoleMaster;

    public RedisServices(Supplier<JedisPooled> clients, Supplier<AuditLog> audit, BooleanSupplier readOnly) {
        this(clients, audit, readOnly, null, null);
    }

    /**
     * With {@code datasets}, cached dataset chunks are shown with their manifest entry; with
     * {@code kafka}, {@link #cacheStats} follows the application's cache counters.
     */
    public RedisServices(Supplier<JedisPooled> clients, Supplier<AuditLog> audit, BooleanSupplier readOnly,
                         Supplier<DatasetStore> datasets, Supplier<Map<String, Object>> kafka) {
        this.clients = clients;
        this.audit = audit;
        this.readOnly = readOnly;
        this.datasets = datasets;
        this.kafka = kafka;
    }

    /** Follows {@code ringside.cache.stats} from now on; close it when the page is hidden. */
    public CacheStatsFeed cacheStats(Consumer<CacheStatsMessage> listener) {
        if (kafka == null) {
            throw new IllegalStateException("No Kafka given for the application's cache statistics");
        }
        return new CacheStatsFeed(kafka.get(), listener);
    }

    /**
     * Asks {@code backends} first on every call: when they name a Redis Cluster, the services work
     * on it instead of the single client (scanning every master, admin and values routed by slot,
     * server stats from the first master).
     */
    public RedisServices following(Supplier<Backends> backends) {
        this.backends = backends;
        return this;
    }

    private record Bound(Object source, ProfileKeys keys, KeyAdmin admin, ValueReader values, ServerStats stats) {
    }

    private synchronized Bound bound() {
        Backends profile = backends == null ? null : backends.get();
        if (profile != null && profile.redisIsCluster()) {
            return bound(profile, () -> ProfileKeys.of(profile));
        }
        JedisPooled redis = clients.get();
        return bound(redis, () -> ProfileKeys.of(redis));
    }

    private Bound bound(Object source, Supplier<ProfileKeys> wiring) {
        if (bound == null || bound.source() != source) {
            release();
            ProfileKeys keys = wiring.get();
            bound = new Bound(source, keys, keys.admin(audit.get(), readOnly), values(keys.keyClient()),
                    new ServerStats(keys::infoServer, java.time.Clock.systemUTC()));
        }
        return bound;
    }

    private ValueReader values(UnifiedJedis redis) {
        return datasets == null ? new ValueReader(redis) : ValueReader.withDatasets(redis, datasets);
    }

    private void release() {
        if (bound != null) {
            bound.keys().close();
            bound = null;
        }
    }

    /**
     * The command console over the profile's Redis (server or cluster), with connections of its
     * own, this profile's guard and audit log; a new one when the profile's backends change, or
     * when the sentinels of a sentinel profile name another master.
     *
     * @throws IllegalStateException when these services were not told the profile's backends
     */
    public synchronized RedisConsole console() {
        Backends profile = backends == null ? null : backends.get();
        if (profile == null) {
            throw new IllegalStateException("The Redis console needs the profile's backends (see following)");
        }
        RedisMaster master = profile.redisIsCluster() ? null : profile.redisMaster();
        if (console == null || consoleOf != profile || !java.util.Objects.equals(consoleMaster, master)) {
            closeConsole();
            console = RedisConsole.of(profile, audit);
            consoleOf = profile;
            consoleMaster = master;
        }
        return console;
    }

    private void closeConsole() {
        if (console != null) {
            console.close();
            console = null;
            consoleOf = null;
        }
    }

    /**
     * Closes the connections of the bound keys (a cluster's masters) and of the console; the
     * clients are their owner's to close.
     */
    public synchronized void close() {
        release();
        closeConsole();
    }

    /**
     * The server commands go to now, when it is worth showing: for a sentinel profile the master
     * the sentinels name (it changes with a failover); empty for a single server named directly, a
     * cluster, or services not told the profile's backends.
     */
    public Optional<RedisMaster> sentinelMaster() {
        Backends profile = backends == null ? null : backends.get();
        if (profile == null || !profile.redisIsSentinel()) {
            return Optional.empty();
        }
        return Optional.of(profile.redisMaster());
    }

    /** Whether the profile is read-only now (mutating calls of {@link #admin()} then refuse). */
    public boolean readOnly() {
        return readOnly.getAsBoolean();
    }

    public KeyScanner scanner() {
        return bound().keys().scanner();
    }

    public KeyAdmin admin() {
        return bound().admin();
    }

    public ValueReader values() {
        return bound().values();
    }

    public ServerStats stats() {
        return bound().stats();
    }

    /** The Redis Cluster's nodes with their roles, read now; empty for a single server. */
    public List<ClusterNode> clusterNodes() {
        return bound().keys().clusterNodes();
    }
}
