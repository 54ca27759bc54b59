package io.ringside.ui.cluster;

/** Style classes of the Cluster screen used from code (the rules are in ringside.css). */
final class ClusterStyles {

    static final String NULL_VALUE = "cell-null";
    static final String BLOB_VALUE = "cell-blob";
    static final String TRUNCATED_VALUE = "cell-truncated";
    static final String TREE_DETAIL = "tree-detail";

    private ClusterStyles() {
    }

    static String[] valueClasses() {
        return new String[] {NULL_VALUE, BLOB_VALUE, TRUNCATED_VALUE};
    }
}
