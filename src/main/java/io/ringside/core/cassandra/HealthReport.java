package io.ringside.core.cassandra;

import java.util.List;

/** One refresh of the node table: the nodes, whether their schemas agree, and replica warnings. */
public record HealthReport(List<NodeStatus> nodes, boolean schemaAgreement, List<ReplicaWarning> warnings) {

    public HealthReport {
        nodes = List.copyOf(nodes);
        warnings = List.copyOf(warnings);
    }
}
