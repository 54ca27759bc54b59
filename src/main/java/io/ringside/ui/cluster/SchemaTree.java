package io.ringside.ui.cluster;

import io.ringside.core.cassandra.ColumnInfo;
import io.ringside.core.cassandra.ColumnRole;
import io.ringside.core.cassandra.KeyspaceInfo;
import io.ringside.core.cassandra.RelationInfo;
import io.ringside.core.cassandra.RelationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/** Builds the tree items: user keyspaces at the top, Cassandra's own under one collapsed group. */
final class SchemaTree {

    static final String SYSTEM_GROUP = "System keyspaces";

    private SchemaTree() {
    }

    static TreeItem<SchemaTreeEntry> build(List<KeyspaceInfo> keyspaces) {
        return build(keyspaces, "");
    }

    /**
     * The tree (its items made on any thread: nothing is shown until it is set on a view) of the
     * keyspaces that {@code filter} (any case) names in part, or that hold a table
     * or view it names in part: a matching keyspace with all its relations, another with the
     * matching ones only. Blank keeps everything.
     */
    static TreeItem<SchemaTreeEntry> build(List<KeyspaceInfo> all, String filter) {
        String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        List<KeyspaceInfo> keyspaces = needle.isEmpty() ? all : all.stream()
                .map(k -> matching(k, needle)).filter(k -> k != null).toList();
        TreeItem<SchemaTreeEntry> root = new TreeItem<>(new SchemaTreeEntry("keyspaces", "", null));
        List<KeyspaceInfo> system = keyspaces.stream().filter(KeyspaceInfo::system).toList();
        // Children are set in one call per item: added one by one, each addition is an event that
        // climbs the tree, hundreds of times for a schema of hundreds of tables.
        List<TreeItem<SchemaTreeEntry>> children = new ArrayList<>();
        keyspaces.stream().filter(k -> !k.system()).forEach(k -> children.add(keyspace(k)));
        if (!system.isEmpty()) {
            TreeItem<SchemaTreeEntry> group = new TreeItem<>(new SchemaTreeEntry(SYSTEM_GROUP, "(" + system.size() + ")", null));
            group.getChildren().setAll(system.stream().map(SchemaTree::keyspace).toList());
            children.add(group);
        }
        // A filtered tree opens every match; the whole one opens the user keyspaces, not the system group.
        for (TreeItem<SchemaTreeEntry> child : children) {
            child.setExpanded(!needle.isEmpty() || child.getValue().selection() != null);
        }
        root.getChildren().setAll(children);
        return root;
    }

    private static KeyspaceInfo matching(KeyspaceInfo keyspace, String needle) {
        if (keyspace.name().toLowerCase(Locale.ROOT).contains(needle)) {
            return keyspace;
        }
        List<RelationInfo> tables = keyspace.tables().stream().filter(t -> named(t, needle)).toList();
        List<RelationInfo> views = keyspace.views().stream().filter(v -> named(v, needle)).toList();
        return tables.isEmpty() && views.isEmpty() ? null
                : new KeyspaceInfo(keyspace.name(), keyspace.system(), keyspace.replication(), tables, views);
    }

    private static boolean named(RelationInfo relation, String needle) {
        return relation.name().toLowerCase(Locale.ROOT).contains(needle);
    }

    private static TreeItem<SchemaTreeEntry> keyspace(KeyspaceInfo keyspace) {
        TreeItem<SchemaTreeEntry> item = new TreeItem<>(new SchemaTreeEntry(keyspace.name(),
                replication(keyspace.replication()), SchemaSelection.keyspace(keyspace.name())));
        List<TreeItem<SchemaTreeEntry>> relations = new ArrayList<>(keyspace.tables().size() + keyspace.views().size());
        keyspace.tables().forEach(t -> relations.add(relation(t)));
        keyspace.views().forEach(v -> relations.add(relation(v)));
        item.getChildren().setAll(relations);
        return item;
    }

    private static TreeItem<SchemaTreeEntry> relation(RelationInfo relation) {
        String kind = relation.kind() == RelationKind.VIEW ? "view"
                : relation.kind() == RelationKind.VIRTUAL_TABLE ? "virtual" : "";
        return new RelationItem(new SchemaTreeEntry(relation.name(), kind,
                new SchemaSelection(relation.keyspace(), relation.name())), relation.columns());
    }

    /**
     * A table or view whose column items are made when first asked for (expanding it): with
     * hundreds of tables most are never opened, and the tree is built on the FX thread.
     */
    private static final class RelationItem extends TreeItem<SchemaTreeEntry> {

        private List<ColumnInfo> columns;

        RelationItem(SchemaTreeEntry entry, List<ColumnInfo> columns) {
            super(entry);
            this.columns = columns;
        }

        @Override
        public boolean isLeaf() {
            return columns != null ? columns.isEmpty() : super.isLeaf();
        }

        @Override
        public ObservableList<TreeItem<SchemaTreeEntry>> getChildren() {
            if (columns != null) {
                List<ColumnInfo> pending = columns;
                columns = null;
                List<TreeItem<SchemaTreeEntry>> items = new ArrayList<>(pending.size());
                for (ColumnInfo column : pending) {
                    items.add(new TreeItem<>(new SchemaTreeEntry(column.name(), column.type()
                            + (column.role() == ColumnRole.REGULAR ? "" : " · " + column.role().label()), null)));
                }
                super.getChildren().setAll(items);
            }
            return super.getChildren();
        }
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
