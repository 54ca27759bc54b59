package io.ringside.core.stack;

import io.ringside.core.DataFolder;
import io.ringside.testing.TestPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Three real redis-server processes joined into a Redis Cluster of three masters, the way
 * {@code stack up --redis-cluster} does ({@link RedisServer#clusterNode}, {@link RedisClusterFormation}).
 */
final class RedisClusterFixture implements AutoCloseable {

    final List<Integer> ports = new ArrayList<>();
    private final List<RedisServer> servers = new ArrayList<>();

    /** On the Redis Cluster ports of {@code slot}, where a stack's cluster would run. */
    RedisClusterFixture(Path data, TestPorts slot) {
        try {
            for (int i = 0; i < RedisClusterFormation.MASTERS; i++) {
                int port = PortAllocator.chooseRedisClusterPort(slot.ports().redisClusterPort(i + 1));
                ports.add(port);
                StackState.Redis spec = new StackState.Redis("127.0.0.1", port, false, null, null, null);
                RedisServer server = RedisServer.clusterNode(i + 1, data.resolve("redis-" + i), () -> spec,
                        new ServerArtifacts(), DataFolder.cache());
                server.start(StackListener.NONE, Duration.ofSeconds(60));
                servers.add(server);
            }
            RedisClusterFormation.form("127.0.0.1", ports, Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(StackListener.NONE));
        ports.forEach(PortAllocator::release);
    }
}
