package io.ringside.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.cassandra.ColumnInfo;
import io.ringside.core.cassandra.ColumnRole;
import io.ringside.core.cassandra.KeyspaceInfo;
import io.ringside.core.cassandra.RelationInfo;
import io.ringside.core.cassandra.RelationKind;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.util.PreparedTableRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless, no servers: the schema tree's rows keep their disclosure arrows, and rows below the last show none. */
@ExtendWith(ApplicationExtension.class)
class SchemaTreeCellFxTest {

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aNewTreeRefillsTheRowsWithoutTakingTheirArrowsOutOfTheScene(FxRobot robot) throws Exception {
        TreeView<SchemaTreeEntry> tree = shown(robot, keyspaces("shop", 20));
        List<TreeCell<?>> cells = onFx(() -> cells(tree));
        assertTrue(cells.size() > 10, "too few rows shown: " + cells.size());
        AtomicInteger moved = new AtomicInteger();
        robot.interact(() -> cells.forEach(cell -> cell.getDisclosureNode().parentProperty()
                .addListener((obs, old, now) -> moved.incrementAndGet())));

        // Other names, the same shape: every visible row's text changes.
        robot.interact(() -> tree.setRoot(SchemaTree.build(keyspaces("bank", 20))));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("bank_0", onFx(() -> tree.getRoot().getChildren().get(0).getValue().label()));
        assertTrue(onFx(() -> cells(tree).stream().anyMatch(c -> "bank_0  SimpleStrategy RF 1".equals(c.getText()))),
                "the new tree is not shown");
        assertEquals(0, moved.get(), "arrows were taken out of their rows and put back (their CSS matched again)");
    }

    @Test
    void rowsBelowTheLastShowNoArrow(FxRobot robot) throws Exception {
        TreeView<SchemaTreeEntry> tree = shown(robot, keyspaces("shop", 1));
        List<TreeCell<?>> empty = onFx(() -> cells(tree).stream().filter(TreeCell::isEmpty).toList());
        assertFalse(empty.isEmpty(), "the tree fills the screen: no row below the last");
        for (TreeCell<?> cell : empty) {
            Node arrow = cell.getDisclosureNode();
            assertFalse(arrow.isVisible() && arrow.getParent() != null, "an arrow shows below the last row");
        }
    }

    /** The tree laid out with its prepared rows (closed branches), then given {@code keyspaces}. */
    private TreeView<SchemaTreeEntry> shown(FxRobot robot, List<KeyspaceInfo> keyspaces) throws Exception {
        TreeView<SchemaTreeEntry> tree = new TreeView<>();
        tree.setShowRoot(false);
        tree.setCellFactory(view -> new SchemaTreeCell());
        TreeItem<SchemaTreeEntry> root = SchemaTree.build(keyspaces);
        robot.interact(() -> {
            PreparedTableRows.show(tree, () -> root);
            FreshStage.show(stage, new Scene(tree, 400, 600));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> tree.getRoot() == root));
        WaitForAsyncUtils.waitForFxEvents();
        return tree;
    }

    private static List<KeyspaceInfo> keyspaces(String prefix, int count) {
        List<KeyspaceInfo> keyspaces = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String name = prefix + "_" + k;
            List<RelationInfo> tables = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                tables.add(new RelationInfo(name, "table_" + t, RelationKind.TABLE,
                        List.of(new ColumnInfo("id", "uuid", ColumnRole.PARTITION_KEY, false))));
            }
            keyspaces.add(new KeyspaceInfo(name, false, Map.of("class", "org.apache.cassandra.locator.SimpleStrategy",
                    "replication_factor", "1"), tables, List.of()));
        }
        return keyspaces;
    }

    private static List<TreeCell<?>> cells(TreeView<?> tree) {
        return tree.lookupAll(".tree-cell").stream().filter(n -> n instanceof TreeCell<?> && n.isVisible())
                .<TreeCell<?>>map(n -> (TreeCell<?>) n).toList();
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading the scene failed", e);
        }
    }
}
