package io.ringside.core.cassandra;

import java.util.List;
import java.util.Map;

/**
 * A keyspace with its tables and views, sorted by name. {@code system} is true for Cassandra's own
 * keyspaces, which the tree groups apart so that an operator's data is not lost among them.
 */
public record KeyspaceInfo(String name, boolean system, Map<String, String> replication, List<RelationInfo> tables,
                           List<RelationInfo> views) {

    public KeyspaceInfo {
        replication = Map.copyOf(replication);
        tables = List.copyOf(tables);
        views = List.copyOf(views);
    }
}
