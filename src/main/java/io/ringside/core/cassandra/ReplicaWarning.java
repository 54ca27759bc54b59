package io.ringside.core.cassandra;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A keyspace with at least one replica down, and which consistency levels still reach enough
 * replicas for every token range (judged on the worst range, per datacenter for the LOCAL_ and
 * EACH_ levels).
 */
public record ReplicaWarning(String keyspace, int replicationFactor, List<String> downNodes,
                             List<ConsistencyLevel> working, List<ConsistencyLevel> failing) {

    public ReplicaWarning {
        downNodes = List.copyOf(downNodes);
        working = List.copyOf(working);
        failing = List.copyOf(failing);
    }

    public String message() {
        return "Keyspace " + keyspace + " (RF " + replicationFactor + "): "
                + (downNodes.size() == 1 ? "replica " + downNodes.get(0) + " is down. "
                        : "replicas " + String.join(", ", downNodes) + " are down. ")
                + (working.isEmpty() ? "No consistency level works for every range. "
                        : "Still working: " + names(working) + ". ")
                + (failing.isEmpty() ? "" : "Failing: " + names(failing) + ".");
    }

    private static String names(List<ConsistencyLevel> levels) {
        return levels.stream().map(ConsistencyLevel::name).collect(Collectors.joining(", "));
    }
}
