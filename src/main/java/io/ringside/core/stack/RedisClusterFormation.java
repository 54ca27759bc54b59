package io.ringside.core.stack;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * Joins cluster-enabled redis-server processes into one Redis Cluster of masters, as
 * {@code redis-cli --cluster create} does (not needed on the PATH): the 16384 hash slots split
 * evenly with CLUSTER ADDSLOTS (ADDSLOTSRANGE is Redis 7 only; the embedded server is 6.2), every
 * node MEETs the first, then wait until every node says {@code cluster_state:ok} and knows all the
 * masters. A cluster that already has its slots (a restart: the nodes keep {@code nodes.conf}) is
 * only waited for.
 */
final class RedisClusterFormation {

    static final int SLOTS = 16_384;
    static final int MASTERS = 3;

    private RedisClusterFormation() {
    }

    static void form(String host, List<Integer> ports, Duration timeout) {
        boolean fresh;
        try (Jedis first = new Jedis(host, ports.get(0), 10_000)) {
            fresh = first.clusterInfo().contains("cluster_slots_assigned:0");
        }
        if (fresh) {
            for (int i = 0; i < ports.size(); i++) {
                try (Jedis node = new Jedis(host, ports.get(i), 10_000)) {
                    String[] command = IntStream.range(i * SLOTS / ports.size(), (i + 1) * SLOTS / ports.size())
                            .mapToObj(String::valueOf).toArray(String[]::new);
                    String[] withVerb = new String[command.length + 1];
                    withVerb[0] = "ADDSLOTS";
                    System.arraycopy(command, 0, withVerb, 1, command.length);
                    node.sendCommand(Protocol.Command.CLUSTER, withVerb);
                    if (i > 0) {
                        node.clusterMeet(host, ports.get(0));
                    }
                }
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int port : ports) {
            try (Jedis node = new Jedis(host, port, 10_000)) {
                while (!formed(node, ports.size())) {
                    if (System.nanoTime() > deadline) {
                        throw new StackException("The Redis Cluster on " + host + " ports " + ports + " did not form within "
                                + timeout.toSeconds() + " s; CLUSTER INFO of " + port + ":\n" + node.clusterInfo());
                    }
                    ManagedServer.pause(Duration.ofMillis(100));
                }
            }
        }
    }

    private static boolean formed(Jedis node, int masters) {
        String info = node.clusterInfo();
        return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + masters)
                && info.contains("cluster_size:" + masters);
    }
}
