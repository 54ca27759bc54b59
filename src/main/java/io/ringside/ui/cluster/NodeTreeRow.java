package io.ringside.ui.cluster;

import io.ringside.core.cassandra.NodeStatus;

/**
 * One row of the Nodes tab's tree: a data centre or one of its nodes ({@code node} set only for a node).
 *
 * @param label what the tree column shows: the data centre with its summary, or the node's address
 */
record NodeTreeRow(String label, NodeStatus node) {

    static NodeTreeRow of(DatacenterGroup group) {
        return new NodeTreeRow(group.datacenter() + (group.local() ? " (local)" : "") + " · " + group.upCount() + "/"
                + group.nodes().size() + " up", null);
    }

    static NodeTreeRow of(NodeStatus node) {
        return new NodeTreeRow(node.address(), node);
    }
}
