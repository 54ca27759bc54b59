package io.ringside.core.cassandra;

import java.util.UUID;

/**
 * One row of {@code nodetool status}. {@code state} is the two-letter code (U/D for up/down as
 * the driver sees it, N/J/L/M for normal/joining/leaving/moving from gossip). {@code loadBytes} is
 * the gossiped load, -1 when no node answered; {@code ownership} is the fraction of the ring the
 * node holds replicas for (of the selected keyspace, or primary ranges without one), null when
 * the partitioner's tokens cannot be measured; {@code schemaVersion} is null for a node that
 * could not be asked.
 */
public record NodeStatus(UUID hostId, String state, boolean up, String address, String datacenter, String rack,
                         long loadBytes, int tokens, Double ownership, String version, UUID schemaVersion,
                         boolean schemaAgrees) {
}
