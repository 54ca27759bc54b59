package io.ringside.ui.cluster;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;

/**
 * The state badge the Nodes tab's table draws on each node's row, top to bottom, as a person
 * scrolling the table would read them: a row out of view is scrolled to first. Only a visible row's
 * visible badge counts: the table keeps the rows it no longer needs (a shorter table once the
 * replica banner shows) hidden for reuse, each with the badge it last had, and a test that counted
 * every badge in the table read a node's old state. Call on the FX thread.
 */
final class RenderedNodeStates {

    /** What a node row shows when its badge cannot be found. */
    static final String NONE = "none";

    private RenderedNodeStates() {
    }

    static List<String> of(TreeTableView<NodeTreeRow> table) {
        List<String> states = new ArrayList<>();
        for (int i = 0; i < table.getExpandedItemCount(); i++) {
            TreeItem<NodeTreeRow> item = table.getTreeItem(i);
            if (item == null || item.getValue().node() == null) {
                continue;
            }
            String shown = badgeOfRow(table, i);
            if (shown == null) {
                table.scrollTo(i);
                table.layout();
                shown = badgeOfRow(table, i);
            }
            states.add(shown == null ? NONE : shown);
        }
        return states;
    }

    /** The visible badge of the visible row showing item {@code index}; null when no such row is drawn. */
    private static String badgeOfRow(TreeTableView<NodeTreeRow> table, int index) {
        for (Node node : table.lookupAll(".tree-table-row-cell")) {
            if (node instanceof TreeTableRow<?> row && row.getIndex() == index && !row.isEmpty() && shown(row)) {
                for (Node badge : row.lookupAll(".badge")) {
                    if (badge instanceof Label label && shown(label)) {
                        return label.getText();
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** Whether the node and every parent up to the table are visible. */
    static boolean shown(Node node) {
        for (Node up = node; up != null && !(up instanceof TreeTableView<?>); up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
