package io.ringside.ui.cluster;

import io.ringside.core.cassandra.ColumnInfo;
import io.ringside.core.cassandra.ColumnRole;
import io.ringside.core.cassandra.KeyspaceInfo;
import io.ringside.core.cassandra.RelationInfo;
import io.ringside.core.cassandra.RelationKind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.scene.control.TreeItem;

/** Builds the tree items: user keyspaces at the top, Cassandra's own under one collapsed group. */
final class SchemaTree {

    static final String SYSTEM_GROUP = "System keyspaces";

    private SchemaTree() {
    }

    static TreeItem<SchemaTreeEntry> build(List<KeyspaceInfo> keyspaces) {
        TreeItem<SchemaTreeEntry> root = new TreeItem<>(new SchemaTreeEntry("keyspaces", "", null));
        List<KeyspaceInfo> system = keyspaces.stream().filter(KeyspaceInfo::system).toList();
        keyspaces.stream().filter(k -> !k.system()).forEach(k -> root.getChildren().add(keyspace(k)));
        if (!system.isEmpty()) {
            TreeItem<SchemaTreeEntry> group = new TreeItem<>(new SchemaTreeEntry(SYSTEM_GROUP, "(" + system.size() + ")", null));
            system.forEach(k -> group.getChildren().add(keyspace(k)));
            root.getChildren().add(group);
        }
        return root;
    }

    private static TreeItem<SchemaTreeEntry> keyspace(KeyspaceInfo keyspace) {
        TreeItem<SchemaTreeEntry> item = new TreeItem<>(new SchemaTreeEntry(keyspace.name(),
                replication(keyspace.replication()), SchemaSelection.keyspace(keyspace.name())));
        keyspace.tables().forEach(t -> item.getChildren().add(relation(t)));
        keyspace.views().forEach(v -> item.getChildren().add(relation(v)));
        return item;
    }

    private static TreeItem<SchemaTreeEntry> relation(RelationInfo relation) {
        String kind = relation.kind() == RelationKind.VIEW ? "view"
                : relation.kind() == RelationKind.VIRTUAL_TABLE ? "virtual" : "";
        TreeItem<SchemaTreeEntry> item = new TreeItem<>(new SchemaTreeEntry(relation.name(), kind,
                new SchemaSelection(relation.keyspace(), relation.name())));
        for (ColumnInfo column : relation.columns()) {
            item.getChildren().add(new TreeItem<>(new SchemaTreeEntry(column.name(), column.type()
                    + (column.role() == ColumnRole.REGULAR ? "" : " · " + column.role().label()), null)));
        }
        return item;
    }

    private static String replication(Map<String, String> replication) {
        if (replication.isEmpty()) {
            return "";
        }
        Map<String, String> sorted = new TreeMap<>(replication);
        String strategy = sorted.remove("class");
        String simple = strategy == null ? "" : strategy.substring(strategy.lastIndexOf('.') + 1);
        return sorted.entrySet().stream().map(e -> e.getKey().equals("replication_factor") ? "RF " + e.getValue()
                        : e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ", simple.isEmpty() ? "" : simple + " ", ""));
    }
}
