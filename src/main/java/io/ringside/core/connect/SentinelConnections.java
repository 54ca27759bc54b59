package io.ringside.core.connect;

import java.util.Map;
import java.util.Set;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.providers.SentineledConnectionProvider;

/**
 * Connections to the master the sentinels name, following failovers: Jedis's sentinel provider
 * asks the sentinels for the master, listens on each of them for {@code +switch-master} and moves
 * its pool to the promoted replica. Wrapped as a {@link PooledConnectionProvider} so that a
 * sentinel profile's client is a {@link redis.clients.jedis.JedisPooled} like every other
 * profile's, and the services, the key browser and the cache-aside built on it need no second
 * kind of client. The sentinels are first asked when a connection is first wanted, and asked
 * again while none answers: until then every command fails as a connection failure does, which
 * the cache-aside takes as Redis being down (reads fall back to Cassandra) rather than an error.
 * The base class's own pool is never borrowed from.
 */
final class SentinelConnections extends PooledConnectionProvider {

    private final String masterName;
    private final JedisClientConfig masterConfig;
    private final Set<HostAndPort> sentinels;
    private final JedisClientConfig sentinelConfig;
    private volatile SentineledConnectionProvider provider;
    private boolean closed;

    SentinelConnections(String masterName, JedisClientConfig masterConfig, Set<HostAndPort> sentinels,
                        JedisClientConfig sentinelConfig) {
        super(sentinels.iterator().next(), masterConfig);
        this.masterName = masterName;
        this.masterConfig = masterConfig;
        this.sentinels = Set.copyOf(sentinels);
        this.sentinelConfig = sentinelConfig;
    }

    private SentineledConnectionProvider provider() {
        SentineledConnectionProvider current = provider;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (closed) {
                throw new JedisConnectionException("The connections of master '" + masterName + "' are closed");
            }
            if (provider == null) {
                try {
                    provider = new SentineledConnectionProvider(masterName, masterConfig, sentinels, sentinelConfig);
                } catch (JedisException e) {
                    throw new JedisConnectionException("No Redis master '" + masterName + "' from the sentinels "
                            + sentinels + ": " + e.getMessage(), e);
                }
            }
            return provider;
        }
    }

    /**
     * The master connections go to now.
     *
     * @throws JedisConnectionException when the sentinels were never reached and none answers now
     */
    HostAndPort currentMaster() {
        return provider().getCurrentMaster();
    }

    @Override
    public Connection getConnection() {
        return provider().getConnection();
    }

    @Override
    public Connection getConnection(CommandArguments args) {
        return provider().getConnection(args);
    }

    @Override
    public Map<?, redis.clients.jedis.util.Pool<Connection>> getConnectionMap() {
        throw new UnsupportedOperationException("A sentinel profile's connections follow the master: ask for one");
    }

    @Override
    public void close() {
        SentineledConnectionProvider open;
        synchronized (this) {
            closed = true;
            open = provider;
            provider = null;
        }
        try {
            if (open != null) {
                open.close();
            }
        } finally {
            super.close();
        }
    }
}
