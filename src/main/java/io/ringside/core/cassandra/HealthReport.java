package io.ringside.core.cassandra;

import java.util.List;

/**
 * One refresh of the node table: the nodes, whether their schemas agree, replica warnings, and the
 * data centre the client treats as local ({@code localDatacenter}, null when its policy names none).
 */
public record HealthReport(List<NodeStatus> nodes, boolean schemaAgreement, List<ReplicaWarning> warnings,
                           String localDatacenter) {

    public HealthReport {
        nodes = List.copyOf(nodes);
        warnings = List.copyOf(warnings);
    }

    public HealthReport(List<NodeStatus> nodes, boolean schemaAgreement, List<ReplicaWarning> warnings) {
        this(nodes, schemaAgreement, warnings, null);
    }
}
