package io.ringside.core.stack;

import io.ringside.core.data.storage.Keyspaces;
import io.ringside.core.stack.StackEvent.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Ringside's own keyspaces on a ring that grows: made at RF 1 while the ring had one node, they
 * would stay there when a second node joins, and that node's loss would then make part of the
 * data unavailable ("not enough replicas"). Done through node 1, like {@code system_auth}.
 */
final class DataReplication {

    /** Cassandra's own replicated keyspaces, made SimpleStrategy by Cassandra whatever the ring. */
    static final List<String> CASSANDRA_REPLICATED = List.of("system_auth", "system_distributed", "system_traces");

    private DataReplication() {
    }

    /**
     * Before a node joins for the first time: the data keyspaces are raised to two replicas, so the
     * joining node streams its copy while it bootstraps (no repair needed).
     */
    static void beforeJoin(CassandraNode first, int nodes, StackListener listener, List<String> failures) {
        int replicas = Math.min(2, nodes);
        for (String keyspace : Keyspaces.DATA_SYSTEM) {
            long started = System.nanoTime();
            try {
                if (first.raiseReplication(keyspace, replicas)) {
                    listener.onEvent(new StackEvent(keyspace, Phase.READY, "replication factor raised to " + replicas
                            + "; cassandra-" + nodes + " streams its copy as it joins", millisSince(started)));
                }
            } catch (RuntimeException e) {
                failures.add(keyspace + ": raising the replication factor to " + replicas + " failed: " + e.getMessage());
            }
        }
    }

    /**
     * A ring whose nodes had all joined before, with a data keyspace still at RF 1 (a second node
     * added before {@link #beforeJoin} existed): raised now and repaired so the new replicas get the
     * data. A failure does not fail the start; the event says what to run.
     */
    static void repairJoined(CassandraNode first, int nodes, Duration timeout, StackListener listener) {
        int replicas = Math.min(2, nodes);
        for (String keyspace : Keyspaces.DATA_SYSTEM) {
            long started = System.nanoTime();
            try {
                int factor = first.replicationFactor(keyspace);
                if (factor == 0 || factor >= replicas) {
                    continue;
                }
                listener.onEvent(new StackEvent(keyspace, Phase.STARTING, "replication factor " + factor + " on "
                        + nodes + " nodes: raising it to " + replicas + " and repairing", 0));
                first.raiseReplication(keyspace, replicas);
                first.repair(keyspace, timeout);
                listener.onEvent(new StackEvent(keyspace, Phase.READY, "replication factor raised to " + replicas
                        + ", repaired on " + nodes + " nodes", millisSince(started)));
            } catch (RuntimeException e) {
                listener.onEvent(new StackEvent(keyspace, Phase.FAILED, "not replicated on every node: " + e.getMessage()
                        + ". Run: ALTER KEYSPACE " + keyspace + " WITH replication = {'class': 'SimpleStrategy', "
                        + "'replication_factor': " + replicas + "}; then 'nodetool -p " + first.jmxPort()
                        + " repair -full " + keyspace + "' (or restart the stack, which tries again)",
                        millisSince(started)));
            }
        }
    }

    /**
     * Keyspaces the data system and Cassandra itself replicate, on a ring of several data centres:
     * SimpleStrategy knows no data centres, so a replica of dc1's data could sit only in dc2 and a
     * LOCAL_QUORUM read in dc1 would fail with dc2 down. Each is given NetworkTopologyStrategy with
     * the data system's factors (dc1: 2, dc2: 1). Done once every node has joined, since Cassandra
     * refuses a factor for a data centre it has not seen; the new replicas are repaired only when
     * the ring had joined before (on a first start these keyspaces are still empty).
     */
    static void acrossDatacenters(CassandraNode first, List<StackState.CassandraNode> ring, boolean joinedBefore,
                                  Duration timeout, StackListener listener) {
        Map<String, Long> nodesPerDc = ring.stream().collect(Collectors.groupingBy(
                StackState.CassandraNode::datacenterName, TreeMap::new, Collectors.counting()));
        if (nodesPerDc.size() < 2) {
            return;
        }
        String replication = Keyspaces.replication(nodesPerDc);
        List<String> keyspaces = new ArrayList<>(CASSANDRA_REPLICATED);
        keyspaces.addAll(Keyspaces.DATA_SYSTEM);
        for (String keyspace : keyspaces) {
            long started = System.nanoTime();
            try {
                Map<String, String> current = first.replication(keyspace);
                if (current.isEmpty() || String.valueOf(current.get("class")).endsWith("NetworkTopologyStrategy")) {
                    continue;
                }
                first.alterReplication(keyspace, replication);
                if (joinedBefore) {
                    first.repair(keyspace, timeout);
                }
                listener.onEvent(new StackEvent(keyspace, Phase.READY, "replicated per data centre: " + replication
                        + (joinedBefore ? ", repaired" : ""), millisSince(started)));
            } catch (RuntimeException e) {
                listener.onEvent(new StackEvent(keyspace, Phase.FAILED, "not replicated per data centre: "
                        + e.getMessage() + ". Run: ALTER KEYSPACE " + keyspace + " WITH replication = " + replication
                        + "; then 'nodetool -p " + first.jmxPort() + " repair -full " + keyspace
                        + "' (or restart the stack, which tries again)", millisSince(started)));
            }
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
