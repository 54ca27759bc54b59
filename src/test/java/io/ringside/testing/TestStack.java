package io.ringside.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.ringside.core.stack.StackState;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import redis.clients.jedis.Jedis;

/** Endpoints of a running test stack and clients for them, with generous timeouts (2 shared cores). */
public record TestStack(Path dataFolder, StackState state) {

    public CqlSession cql() {
        return cql(state);
    }

    public static CqlSession cql(StackState state) {
        CqlSessionBuilder builder = CqlSession.builder();
        state.cassandra().nodes().stream().filter(StackState.CassandraNode::up)
                .forEach(n -> builder.addContactPoint(new InetSocketAddress(n.address(), n.port())));
        return builder
                .withLocalDatacenter("datacenter1")
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(30))
                        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(30))
                        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(30))
                        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
                        .build())
                .build();
    }

    /** The clients the services use, for this stack. */
    public io.ringside.core.connect.Backends backends() {
        return new io.ringside.core.connect.Backends(io.ringside.core.connect.Backends.endpointsOf(state));
    }

    public Jedis redis() {
        return new Jedis(state.redis().host(), state.redis().port(), 10_000);
    }

    public Admin kafkaAdmin() {
        return kafkaAdmin(state);
    }

    public static Admin kafkaAdmin(StackState state) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, state.kafka().bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000));
    }
}
