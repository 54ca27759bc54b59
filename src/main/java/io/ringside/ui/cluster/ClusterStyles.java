package io.ringside.ui.cluster;

/** Pseudo-class names of the Cluster screen used from code (the rules are in ringside.css). */
final class ClusterStyles {

    static final String NULL_VALUE = "null-value";
    static final String BLOB_VALUE = "blob-value";
    static final String TRUNCATED_VALUE = "cut-value";

    private ClusterStyles() {
    }
}
