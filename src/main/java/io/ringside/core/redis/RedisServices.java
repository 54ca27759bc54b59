package io.ringside.core.redis;

import io.ringside.core.connect.ActiveConnection;
import io.ringside.core.kafka.AuditLog;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import redis.clients.jedis.JedisPooled;

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
    private Bound bound;

    public RedisServices(Supplier<JedisPooled> clients, Supplier<AuditLog> audit, BooleanSupplier readOnly) {
        this.clients = clients;
        this.audit = audit;
        this.readOnly = readOnly;
    }

    /**
     * Over the active connection: its Redis, its read-only guard (asked on every action, so a
     * switch to a read-only profile refuses at once) and an audit log of its profile.
     */
    public static RedisServices of(ActiveConnection connection, Path dataFolder) {
        return new RedisServices(connection::redis,
                () -> new AuditLog(dataFolder, connection.kafkaProperties(), connection.profile().id()),
                () -> connection.accessGuard().readOnly());
    }

    private record Bound(JedisPooled redis, KeyScanner scanner, KeyAdmin admin, ValueReader values,
                         ServerStats stats) {
    }

    private synchronized Bound bound() {
        JedisPooled redis = clients.get();
        if (bound == null || bound.redis() != redis) {
            KeyScanner scanner = new KeyScanner(redis);
            bound = new Bound(redis, scanner, new KeyAdmin(redis, scanner, audit.get(), readOnly), new ValueReader(redis),
                    new ServerStats(redis));
        }
        return bound;
    }

    public KeyScanner scanner() {
        return bound().scanner();
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
}
