package io.ringside.ui.cluster;

/**
 * One node of the keyspace tree: what it says, a muted detail (type and role of a column, the
 * replication of a keyspace), and what selecting it selects (null for group and column nodes).
 */
record SchemaTreeEntry(String label, String detail, SchemaSelection selection) {

    @Override
    public String toString() {
        return detail.isEmpty() ? label : label + "  " + detail;
    }
}
