package io.ringside.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import io.ringside.core.connect.Backends;
import io.ringside.core.stack.StackState;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        List<InetSocketAddress> contactPoints = state.cassandra().nodes().stream()
                .filter(StackState.CassandraNode::up)
                .map(n -> new InetSocketAddress(n.address(), n.port()))
                .toList();
        return Backends.openCql(contactPoints, state.localDatacenter(), Duration.ofSeconds(30));
    }

    /** The clients the services use, for this stack. */
    public Backends backends() {
        return new Backends(Backends.endpointsOf(state));
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
