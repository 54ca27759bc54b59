package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.Backend;
import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ConnectionCheck;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ConnectionTester;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.redis.ClusterNode;
import io.ringside.core.redis.EvictionProgress;
import io.ringside.core.redis.KeyDetail;
import io.ringside.core.redis.KeyInfo;
import io.ringside.core.redis.RedisServices;
import io.ringside.core.redis.ScanRequest;
import io.ringside.testing.Await;
import io.ringside.testing.TempFolders;
import io.ringside.testing.TestPorts;
import io.ringside.ui.testing.MemorySecretStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;

/**
 * {@code stack up --redis-cluster --replicas 1} on a stack of its own: three masters and three
 * replicas that form one cluster, and the stopped-master drill. A master's redis-server is killed
 * (SIGKILL, by the pid the stack state records); once its replica is promoted, the Cache page's
 * services, opened before the failover, list every key exactly once, a pattern eviction removes
 * exactly the matching keys, and the node list shows the promoted replica as master and the dead
 * master as failed. Started again, the old master rejoins as a replica. All gone after down.
 */
class RedisClusterStackTest {

    private static final Duration FAILOVER = Duration.ofSeconds(30);

    @Test
    void aClusterWithReplicasKeepsItsKeysListedAndEvictableWhenAMasterIsKilled() throws Exception {
        Path data = Files.createTempDirectory("ringside-redis-cluster-");
        LocalStack stack = new LocalStack(TestPorts.REDIS_CLUSTER_STACK.stack(data).withRedisCluster(true)
                .withRedisClusterReplicas(1));
        List<Integer> ports;
        try {
            long started = System.nanoTime();
            StackState state = stack.start(event -> {
                if (event.server().equals("redis-cluster") && event.phase() == StackEvent.Phase.READY) {
                    System.out.printf("redis-cluster formed in %.1f s (%s), %.1f s after the stack's start%n",
                            event.elapsedMillis() / 1000.0, event.detail(), (System.nanoTime() - started) / 1e9);
                }
            });
            long drill = System.nanoTime();
            ports = stack.redisClusterPorts();
            assertEquals(6, ports.size());
            assertFalse(ports.contains(state.redis().port()), "the cluster is next to the stack's own Redis");
            assertEquals(List.of("master", "master", "master", "replica", "replica", "replica"),
                    state.redisCluster().stream().map(StackState.RedisClusterNode::role).toList());
            List<ClusterNode> formed = nodesSeenBy(ports.get(1));
            for (int i = 0; i < 3; i++) {
                ClusterNode replica = at(formed, ports.get(3 + i));
                assertEquals(at(formed, ports.get(i)).id(), replica.masterId(), "replica " + (4 + i) + " follows master " + (1 + i));
            }

            Set<String> kept = new HashSet<>();
            Set<String> dropped = new HashSet<>();
            try (JedisCluster cluster = new JedisCluster(new HostAndPort("127.0.0.1", ports.get(0)))) {
                for (int i = 0; i < 300; i++) {
                    cluster.set("stack:" + i, "v");
                    kept.add("stack:" + i);
                    cluster.set("drop:" + i, "v");
                    dropped.add("drop:" + i);
                }
            }
            for (int port : ports.subList(0, 3)) {
                try (Jedis master = new Jedis("127.0.0.1", port)) {
                    assertEquals(1, master.waitReplicas(1, 10_000), "the replica of " + port + " has every write");
                }
            }
            Set<String> all = new HashSet<>(kept);
            all.addAll(dropped);

            ConnectionProfile profile = new ConnectionProfile("cluster-drill", "cluster drill", null, false,
                    new ConnectionProfile.Cassandra(List.of(state.contactPoints()), null, null, null, null),
                    new ConnectionProfile.Redis("127.0.0.1", ports.get(0),
                            ports.stream().map(port -> "127.0.0.1:" + port).toList(), null, 0, ConnectionProfile.Tls.OFF),
                    new ConnectionProfile.Kafka(state.kafka().bootstrap(), null, null, ConnectionProfile.Tls.OFF));
            try (Backends backends = Backends.open(profile, data, new MemorySecretStore())) {
                RedisServices services = new RedisServices(() -> {
                    throw new AssertionError("a cluster profile has no single Redis client");
                }, () -> new AuditLog(data, backends.kafkaProperties(), profile.id()), () -> false)
                        .following(() -> backends);
                assertEquals(all, new HashSet<>(listed(services, "*")), "before the failover");
                // the status bar's probe (pooled clients given) of a cluster profile: a cluster has no
                // single pooled client, so its seed answers, and the Redis dot is green
                ConnectionCheck probe = new ConnectionTester(Duration.ofSeconds(3)).checkAll(backends, backends)
                        .get(Backend.REDIS.ordinal());
                assertTrue(probe.ok(), probe.describe());

                StackState.RedisClusterNode killed = state.redisCluster().get(0);
                try (Jedis master = new Jedis("127.0.0.1", killed.port())) {
                    assertEquals(killed.pid().toString(), master.info("server").lines()
                            .filter(l -> l.startsWith("process_id:")).map(l -> l.substring(11).trim()).findFirst()
                            .orElseThrow(), "the recorded pid is the redis-server's own");
                }
                long killedAt = System.nanoTime();
                assertTrue(ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly());
                int promoted = ports.get(3);
                Await.until("redis-cluster-4 promoted in the place of the killed redis-cluster-1", FAILOVER, () -> {
                    List<ClusterNode> nodes = nodesSeenBy(ports.get(1));
                    return at(nodes, promoted).master() && at(nodes, promoted).slots() > 0
                            && at(nodes, killed.port()).state().equals("failed");
                });
                System.out.printf("redis-cluster-4 promoted %.1f s after redis-cluster-1 was killed%n",
                        (System.nanoTime() - killedAt) / 1e9);
                // Each node clears its own CLUSTERDOWN only once it has learnt of the promotion:
                // scanning the moment one node reports it met another still down.
                Await.until("every live node reports cluster_state:ok", FAILOVER, () -> ports.stream()
                        .filter(port -> port != killed.port())
                        .allMatch(port -> {
                            try (Jedis node = new Jedis("127.0.0.1", port)) {
                                return node.clusterInfo().contains("cluster_state:ok");
                            }
                        }));

                List<String> after = listed(services, "*");
                assertEquals(after.size(), new HashSet<>(after).size(), "no key listed twice: replicas are not scanned");
                assertEquals(all, new HashSet<>(after), "the promoted replica's keys are listed, the dead master is not asked");

                EvictionProgress end = services.admin().evictByPattern("drop:*", "drop:*", p -> { }).await();
                assertEquals("ok", end.outcome());
                assertEquals(dropped.size(), end.removed());
                assertEquals(kept, new HashSet<>(listed(services, "*")), "exactly the matching keys are gone");

                List<ClusterNode> report = services.clusterNodes();
                assertEquals("master", at(report, promoted).role());
                assertEquals("ok", at(report, promoted).state());
                assertEquals("failed", at(report, killed.port()).state());
                assertTrue(services.stats().sample().fields().containsKey("redis_version"),
                        "the Server tab's INFO comes from a live master");
            }

            StackState probed = LocalStack.probe(stack.state());
            assertFalse(probed.redisCluster().get(0).up());
            assertEquals("master", probed.redisCluster().get(3).role(), "stack status shows the promoted replica as master");

            stack.startServer("redis-cluster-1", StackListener.NONE);
            Await.until("redis-cluster-1 back as a replica", FAILOVER,
                    () -> "replica".equals(RedisClusterFormation.role("127.0.0.1", ports.get(0))));
            StackState.RedisClusterNode back = LocalStack.probe(stack.state()).redisCluster().get(0);
            assertTrue(back.up());
            assertNotEquals(state.redisCluster().get(0).pid(), back.pid());
            System.out.printf("the drill after the start took %.1f s%n", (System.nanoTime() - drill) / 1e9);
        } finally {
            stack.close();
            TempFolders.deleteQuietly(data);
        }
        for (int port : ports) {
            assertFalse(PortAllocator.isListening("127.0.0.1", port), "cluster node " + port + " stopped");
        }
    }

    private static List<String> listed(RedisServices services, String pattern) {
        List<KeyInfo> listed = Collections.synchronizedList(new ArrayList<>());
        services.scanner().start(ScanRequest.of(pattern, null, 0), KeyDetail.TYPE_TTL, (page, p) -> listed.addAll(page))
                .await();
        return listed.stream().map(k -> new String(k.key(), StandardCharsets.UTF_8)).toList();
    }

    private static List<ClusterNode> nodesSeenBy(int port) {
        try (Jedis node = new Jedis("127.0.0.1", port)) {
            return ClusterNode.parse(node.clusterNodes());
        }
    }

    private static ClusterNode at(List<ClusterNode> nodes, int port) {
        return nodes.stream().filter(n -> n.address().equals("127.0.0.1:" + port)).findFirst()
                .orElseThrow(() -> new AssertionError("no node on port " + port + " in " + nodes));
    }
}
