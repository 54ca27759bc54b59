package io.ringside.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ringside.core.cassandra.ColumnInfo;
import io.ringside.core.cassandra.ColumnRole;
import io.ringside.core.cassandra.KeyspaceInfo;
import io.ringside.core.cassandra.RelationInfo;
import io.ringside.core.cassandra.RelationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/** The keyspace tree at the size of a real cluster: 50 keyspaces of 10 tables, filtered by name. */
class SchemaTreeTest {

    @Test
    void aTableOpensToItsColumnsInKeyOrder() {
        TreeItem<SchemaTreeEntry> root = SchemaTree.build(keyspaces());
        assertEquals(51, root.getChildren().size(), "50 keyspaces and the system group");
        TreeItem<SchemaTreeEntry> table = root.getChildren().get(0).getChildren().get(0);
        assertFalse(table.isLeaf(), "a table with columns can be opened");
        assertEquals(List.of("id  uuid · partition key", "value  text"),
                table.getChildren().stream().map(item -> item.getValue().toString()).toList());
    }

    @Test
    void theFilterKeepsMatchingKeyspacesWholeAndOtherwiseTheMatchingTablesAnyCase() {
        TreeItem<SchemaTreeEntry> byKeyspace = SchemaTree.build(keyspaces(), "KS_07");
        assertEquals(List.of("ks_07"), labels(byKeyspace));
        assertEquals(10, byKeyspace.getChildren().get(0).getChildren().size());

        TreeItem<SchemaTreeEntry> byTable = SchemaTree.build(keyspaces(), " Table_03 ");
        assertEquals(50, byTable.getChildren().size(), "every user keyspace holds a table_03; no system group");
        assertEquals(List.of("table_03"), labels(byTable.getChildren().get(0)));

        assertEquals(List.of(SchemaTree.SYSTEM_GROUP), labels(SchemaTree.build(keyspaces(), "local")));
        assertEquals(0, SchemaTree.build(keyspaces(), "nothing-like-this").getChildren().size());
        assertEquals(51, SchemaTree.build(keyspaces(), "  ").getChildren().size());
    }

    private static List<String> labels(TreeItem<SchemaTreeEntry> parent) {
        return parent.getChildren().stream().map(item -> item.getValue().label()).toList();
    }

    private static List<KeyspaceInfo> keyspaces() {
        List<KeyspaceInfo> keyspaces = new ArrayList<>();
        List<ColumnInfo> columns = List.of(new ColumnInfo("id", "uuid", ColumnRole.PARTITION_KEY, false),
                new ColumnInfo("value", "text", ColumnRole.REGULAR, false));
        for (int k = 0; k < 50; k++) {
            String keyspace = String.format(Locale.ROOT, "ks_%02d", k);
            List<RelationInfo> tables = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                tables.add(new RelationInfo(keyspace, String.format(Locale.ROOT, "table_%02d", t), RelationKind.TABLE,
                        columns));
            }
            keyspaces.add(new KeyspaceInfo(keyspace, false, Map.of("class", "SimpleStrategy", "replication_factor", "1"),
                    tables, List.of()));
        }
        keyspaces.add(new KeyspaceInfo("system", true, Map.of(), List.of(new RelationInfo("system", "local",
                RelationKind.TABLE, columns)), List.of()));
        return keyspaces;
    }
}
