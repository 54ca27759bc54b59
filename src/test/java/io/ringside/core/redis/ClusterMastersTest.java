package io.ringside.core.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.BackendUnavailableException;
import io.ringside.core.stack.PortAllocator;
import io.ringside.testing.TestPorts;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;

/** Which nodes of a {@code CLUSTER NODES} answer count as reachable masters, and what is said when none does. */
class ClusterMastersTest {

    private static final HostAndPort SEED = new HostAndPort("10.0.0.5", 7000);

    @Test
    void theReachableMastersAreListedWithTheSlotsTheyServeNow() {
        String nodes = String.join("\n",
                "a1 10.0.0.5:7000@17000 myself,master - 0 0 1 connected 0-5460 [5461->-b2]",
                "b2 10.0.0.6:7001@17001,node-b master - 0 1700000000000 2 connected 5461-10922 16383",
                "c3 10.0.0.7:7002@17002 master,fail - 0 1700000000000 3 disconnected 10923-16382",
                "d4 10.0.0.8:7003@17003 slave a1 0 1700000000000 1 connected",
                "");

        List<ClusterMasters.Master> masters = ClusterMasters.parse(SEED, nodes);

        assertEquals(List.of(new HostAndPort("10.0.0.5", 7000), new HostAndPort("10.0.0.6", 7001)),
                masters.stream().map(ClusterMasters.Master::address).toList());
        assertEquals(1, masters.get(0).slotRanges().size(), "a migrating slot stays with its current master");
        assertArrayEquals(new int[] {0, 5460}, masters.get(0).slotRanges().get(0));
        assertArrayEquals(new int[] {5461, 10922}, masters.get(1).slotRanges().get(0));
        assertArrayEquals(new int[] {16383, 16383}, masters.get(1).slotRanges().get(1));
    }

    @Test
    void afterAFailoverThePromotedReplicaIsScannedAndItsDeadMasterAndTheOtherReplicasAreNot() {
        String nodes = String.join("\n",
                "a1 127.0.0.1:6380@16380 master,fail - 0 0 1 disconnected",
                "b2 127.0.0.1:6381@16381 myself,master - 0 0 2 connected 5461-10922",
                "c3 127.0.0.1:6382@16382 master - 0 0 3 connected 10923-16383",
                "d4 127.0.0.1:6383@16383 master - 0 0 7 connected 0-5460",
                "e5 127.0.0.1:6384@16384 slave b2 0 0 2 connected",
                "f6 127.0.0.1:6385@16385 slave c3 0 0 3 connected");

        List<ClusterMasters.Master> masters = ClusterMasters.parse(SEED, nodes);

        assertEquals(List.of(6381, 6382, 6383), masters.stream().map(m -> m.address().getPort()).toList());
        assertArrayEquals(new int[] {0, 5460}, masters.get(2).slotRanges().get(0));
        List<ClusterNode> listed = ClusterNode.parse(nodes);
        assertEquals(List.of("failed", "ok", "ok", "ok", "ok", "ok"), listed.stream().map(ClusterNode::state).toList());
        assertEquals(List.of("master", "master", "master", "master", "replica", "replica"),
                listed.stream().map(ClusterNode::role).toList());
        assertEquals(16_384, listed.stream().mapToInt(ClusterNode::slots).sum());
    }

    @Test
    void aClusterWithNoReachableMasterIsUnavailableNamingTheSeedAndWhatItListed() {
        String nodes = String.join("\n",
                "a1 10.0.0.5:7000@17000 myself,slave c3 0 0 1 connected",
                "c3 10.0.0.7:7002@17002 master,fail - 0 1700000000000 3 disconnected 0-16383",
                "e5 :0@0 master,noaddr - 0 1700000000000 4 disconnected");

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> ClusterMasters.parse(SEED, nodes));

        assertTrue(e.getMessage().contains("seed 10.0.0.5:7000 lists no reachable master"), e.getMessage());
        assertTrue(e.getMessage().contains("10.0.0.5:7000 myself,slave; 10.0.0.7:7002 master,fail; :0 master,noaddr"),
                e.getMessage());
    }

    @Test
    void anEmptyAnswerSaysItListedNoNodes() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> ClusterMasters.parse(SEED, ""));
        assertTrue(e.getMessage().contains("(no nodes at all)"), e.getMessage());
    }

    @Test
    void whenNoSeedAnswersTheErrorNamesEverySeedAndWhatEachSaid() {
        List<Integer> closed = List.of(
                PortAllocator.choose(TestPorts.CLUSTER_MASTERS_DEAD_SEEDS.ports().redisPort(), List.of("127.0.0.1")),
                PortAllocator.choose(TestPorts.CLUSTER_MASTERS_DEAD_SEEDS.ports().kafkaPort(), List.of("127.0.0.1")));
        try {
            List<HostAndPort> seeds = closed.stream().map(port -> new HostAndPort("127.0.0.1", port)).toList();
            BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                    () -> ClusterMasters.open(seeds, DefaultJedisClientConfig.builder().connectionTimeoutMillis(2000).build()));
            for (HostAndPort seed : seeds) {
                assertTrue(e.getMessage().contains("Redis at " + seed + " is unreachable"), e.getMessage());
            }
        } finally {
            closed.forEach(PortAllocator::release);
        }
    }
}
