package io.ringside.core.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * Joins cluster-enabled redis-server processes into one Redis Cluster, as
 * {@code redis-cli --cluster create --cluster-replicas N} does (not needed on the PATH): the 16384
 * hash slots split evenly over the masters with CLUSTER ADDSLOTS (ADDSLOTSRANGE is Redis 7 only;
 * the embedded server is 6.2), every node MEETs the first, each replica is told CLUSTER REPLICATE
 * a master that has none yet (its own, {@code redis-cluster-(N+3)} of {@code redis-cluster-N}, on a
 * new cluster), then wait until every node says {@code cluster_state:ok}, knows all the others and
 * lists every replica as one, and every replica's link to its master is up. A cluster that
 * already has its slots (a restart: the nodes keep {@code nodes.conf}, roles swapped by a failover
 * included) is only waited for, and replicas it did not have yet join it.
 */
final class RedisClusterFormation {

    static final int SLOTS = 16_384;
    static final int MASTERS = 3;

    private RedisClusterFormation() {
    }

    static void form(String host, List<Integer> ports, Duration timeout) {
        form(host, ports, List.of(), timeout);
    }

    /**
     * @param masters  the ports of the nodes that get the slots on a new cluster
     * @param replicas the ports of the nodes that follow one master each, in the masters' order
     */
    static void form(String host, List<Integer> masters, List<Integer> replicas, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Integer> all = new ArrayList<>(masters);
        all.addAll(replicas);
        boolean fresh;
        try (Jedis first = new Jedis(host, masters.get(0), 10_000)) {
            fresh = first.clusterInfo().contains("cluster_slots_assigned:0");
        }
        if (fresh) {
            for (int i = 0; i < masters.size(); i++) {
                try (Jedis node = new Jedis(host, masters.get(i), 10_000)) {
                    String[] command = IntStream.range(i * SLOTS / masters.size(), (i + 1) * SLOTS / masters.size())
                            .mapToObj(String::valueOf).toArray(String[]::new);
                    String[] withVerb = new String[command.length + 1];
                    withVerb[0] = "ADDSLOTS";
                    System.arraycopy(command, 0, withVerb, 1, command.length);
                    node.sendCommand(Protocol.Command.CLUSTER, withVerb);
                    if (i > 0) {
                        node.clusterMeet(host, masters.get(0));
                    }
                }
            }
        }
        for (int port : replicas) {
            try (Jedis node = new Jedis(host, port, 10_000)) {
                if (node.clusterInfo().contains("cluster_known_nodes:1\r")) {
                    node.clusterMeet(host, masters.get(0));
                }
            }
        }
        awaitAll(host, all, deadline, timeout, node -> formed(node, all.size()));
        if (!replicas.isEmpty()) {
            assignReplicas(host, masters, replicas);
            awaitAll(host, all, deadline, timeout, node -> replicating(node, replicas.size()));
        }
    }

    /**
     * Each replica port that is still a master without slots follows a master without a replica,
     * its own one ({@code masters[i]} for {@code replicas[i]}) when that one has none yet.
     */
    private static void assignReplicas(String host, List<Integer> masters, List<Integer> replicas) {
        List<Node> nodes;
        try (Jedis first = new Jedis(host, masters.get(0), 10_000)) {
            nodes = Node.parse(first.clusterNodes());
        }
        Map<String, Node> followed = new TreeMap<>();
        for (Node node : nodes) {
            if (!node.master()) {
                followed.put(node.masterId(), node);
            }
        }
        for (int i = 0; i < replicas.size(); i++) {
            Node replica = byPort(nodes, host, replicas.get(i));
            if (replica == null || !replica.master() || replica.hasSlots()) {
                continue;
            }
            List<Node> candidates = new ArrayList<>();
            Node own = i < masters.size() ? byPort(nodes, host, masters.get(i)) : null;
            if (own != null) {
                candidates.add(own);
            }
            candidates.addAll(nodes);
            Node master = candidates.stream()
                    .filter(n -> n.master() && n.hasSlots() && !followed.containsKey(n.id()))
                    .findFirst().orElse(null);
            if (master == null) {
                continue;
            }
            try (Jedis node = new Jedis(host, replicas.get(i), 10_000)) {
                node.clusterReplicate(master.id());
            }
            followed.put(master.id(), replica);
        }
    }

    /**
     * What formation needs of a {@code CLUSTER NODES} line (the console's full reading is
     * {@code core.redis.ClusterNode}, a layer above the stack).
     */
    private record Node(String id, String address, boolean master, boolean hasSlots, String masterId) {

        static List<Node> parse(String clusterNodes) {
            List<Node> nodes = new ArrayList<>();
            for (String line : clusterNodes.split("\n")) {
                String[] f = line.trim().split(" ");
                if (f.length >= 8) {
                    nodes.add(new Node(f[0], f[1].split("[@,]")[0], List.of(f[2].split(",")).contains("master"),
                            f.length > 8, f[3]));
                }
            }
            return nodes;
        }
    }

    private static Node byPort(List<Node> nodes, String host, int port) {
        return nodes.stream().filter(n -> n.address().equals(host + ":" + port)).findFirst().orElse(null);
    }

    private interface Check {
        boolean done(Jedis node);
    }

    private static void awaitAll(String host, List<Integer> ports, long deadline, Duration timeout, Check check) {
        for (int port : ports) {
            try (Jedis node = new Jedis(host, port, 10_000)) {
                while (!check.done(node)) {
                    if (System.nanoTime() > deadline) {
                        throw new StackException("The Redis Cluster on " + host + " ports " + ports + " did not form within "
                                + timeout.toSeconds() + " s; CLUSTER INFO of " + port + ":\n" + node.clusterInfo()
                                + "\nCLUSTER NODES:\n" + node.clusterNodes());
                    }
                    ManagedServer.pause(Duration.ofMillis(100));
                }
            }
        }
    }

    private static boolean formed(Jedis node, int nodes) {
        String info = node.clusterInfo();
        return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + nodes + "\r")
                && info.contains("cluster_size:" + MASTERS + "\r");
    }

    /**
     * A master, or a replica whose link to its master is up, that lists every replica as one: a
     * client reading the topology from any node then sees the replicas.
     */
    private static boolean replicating(Jedis node, int replicas) {
        String replication = node.info("replication");
        return (replication.contains("role:master") || replication.contains("master_link_status:up"))
                && Node.parse(node.clusterNodes()).stream().filter(n -> !n.master()).count() == replicas;
    }

    /** {@code master} or {@code replica} as the node at {@code port} says now, or null when it does not answer. */
    static String role(String host, int port) {
        try (Jedis node = new Jedis(host, port, 1000)) {
            return node.info("replication").contains("role:master") ? "master" : "replica";
        } catch (RuntimeException e) {
            return null;
        }
    }
}
