package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ringside.core.redis.ClusterMasters;
import io.ringside.core.redis.KeyInfo;
import io.ringside.core.redis.KeyScanner;
import io.ringside.core.redis.ScanRequest;
import io.ringside.testing.TempFolders;
import io.ringside.testing.TestPorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;

/** {@code stack up --redis-cluster} on a stack of its own: three masters that form one cluster, gone after down. */
class RedisClusterStackTest {

    @Test
    void theLocalStackStartsAThreeMasterClusterThatTheScannerListsWhole() throws Exception {
        Path data = Files.createTempDirectory("ringside-redis-cluster-");
        LocalStack stack = new LocalStack(TestPorts.REDIS_CLUSTER_STACK.stack(data).withRedisCluster(true));
        List<Integer> ports;
        try {
            StackState state = stack.start(StackListener.NONE);
            ports = stack.redisClusterPorts();
            assertEquals(3, ports.size());
            assertFalse(ports.contains(state.redis().port()), "the cluster is next to the stack's own Redis");
            HostAndPort seed = new HostAndPort("127.0.0.1", ports.get(0));
            Set<String> written = new HashSet<>();
            try (JedisCluster cluster = new JedisCluster(seed)) {
                for (int i = 0; i < 300; i++) {
                    cluster.set("stack:" + i, "v");
                    written.add("stack:" + i);
                }
            }
            try (ClusterMasters masters = ClusterMasters.open(seed, DefaultJedisClientConfig.builder().build())) {
                assertEquals(3, masters.clients().size());
                List<KeyInfo> listed = Collections.synchronizedList(new ArrayList<>());
                KeyScanner.forCluster(masters).scan(ScanRequest.of("stack:*", null, 0), (page, p) -> listed.addAll(page));
                assertEquals(written, listed.stream().map(k -> new String(k.key(), StandardCharsets.UTF_8))
                        .collect(Collectors.toSet()));
            }
        } finally {
            stack.close();
            TempFolders.deleteQuietly(data);
        }
        for (int port : ports) {
            assertFalse(PortAllocator.isListening("127.0.0.1", port), "cluster master " + port + " stopped");
        }
    }
}
