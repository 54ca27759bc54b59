package io.ringside.core.connect;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.ringside.core.BackendUnavailableException;
import io.ringside.core.RingsideException;
import io.ringside.core.stack.StackClient;
import io.ringside.core.stack.StackState;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * Clients for the three backends of one profile, opened lazily and closed together. For now the
 * only profile is {@code local}: the local stack found through its state file. Services take the
 * clients they need from here rather than building their own, so timeouts and pools are set once.
 */
public final class Backends implements AutoCloseable {

    private final Endpoints endpoints;
    private CqlSession cql;
    private JedisPooled redis;

    public Backends(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** The endpoints a profile names; contact points as {@code host:port}. */
    public record Endpoints(String profile, List<InetSocketAddress> cassandra, String localDatacenter,
                            String redisHost, int redisPort, String kafkaBootstrap) {
    }

    /** Backends of the local stack in a data folder; fails with exit code 3 if it is not up. */
    public static Backends forProfile(String profile, Path dataFolder) {
        if (!"local".equals(profile)) {
            throw new RingsideException("Unknown profile '" + profile + "': only the built-in 'local' profile "
                    + "exists so far");
        }
        StackState state = new StackClient(dataFolder).status().orElseThrow(() -> new BackendUnavailableException(
                "No local stack in " + dataFolder + "; start one with 'ringside stack up --detach'"));
        // Redis or Kafka being down is survivable (reads degrade, stats wait); no Cassandra node is not
        if (state.cassandra().nodes().stream().noneMatch(StackState.CassandraNode::up)) {
            throw new BackendUnavailableException("The local stack in " + dataFolder + " is not running (no Cassandra "
                    + "node is up); start it with 'ringside stack up --detach'");
        }
        return new Backends(endpointsOf(state));
    }

    public static Endpoints endpointsOf(StackState state) {
        List<InetSocketAddress> contactPoints = state.cassandra().nodes().stream()
                .map(n -> new InetSocketAddress(n.address(), n.port()))
                .toList();
        return new Endpoints("local", contactPoints, "datacenter1", state.redis().host(), state.redis().port(),
                state.kafka().bootstrap());
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public synchronized CqlSession cql() {
        if (cql == null) {
            cql = openCql(endpoints.cassandra(), endpoints.localDatacenter(), Duration.ofSeconds(20));
        }
        return cql;
    }

    /**
     * A session with the timeouts Ringside uses everywhere: {@code requestTimeout} for statements,
     * and generous connect and schema-agreement waits (two shared cores can be slow to answer).
     */
    public static CqlSession openCql(List<InetSocketAddress> contactPoints, String localDatacenter, Duration requestTimeout) {
        try {
            return CqlSession.builder()
                    .addContactPoints(contactPoints)
                    .withLocalDatacenter(localDatacenter)
                    .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, requestTimeout)
                            .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(30))
                            .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(30))
                            .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(30))
                            .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
                            .withInt(DefaultDriverOption.REQUEST_PAGE_SIZE, 1000)
                            .build())
                    .build();
        } catch (RuntimeException e) {
            throw new BackendUnavailableException("Cassandra at " + contactPoints + " is unreachable: " + e.getMessage(), e);
        }
    }

    public synchronized JedisPooled redis() {
        if (redis == null) {
            redis = new JedisPooled(new HostAndPort(endpoints.redisHost(), endpoints.redisPort()),
                    DefaultJedisClientConfig.builder().connectionTimeoutMillis(2000).socketTimeoutMillis(2000).build());
        }
        return redis;
    }

    /** Base properties for Kafka clients of this profile. */
    public Map<String, Object> kafkaProperties() {
        return Map.of("bootstrap.servers", endpoints.kafkaBootstrap());
    }

    @Override
    public synchronized void close() {
        if (cql != null) {
            cql.close();
            cql = null;
        }
        if (redis != null) {
            redis.close();
            redis = null;
        }
    }
}
