package io.ringside.core.cassandra;

/**
 * One column of a table or view: its name as CQL writes it (quoted when needed), its CQL type, its
 * role, and whether it is a blob (the row viewer shows blobs by size, never by content).
 */
public record ColumnInfo(String name, String type, ColumnRole role, boolean blob) {

    public boolean primaryKey() {
        return role == ColumnRole.PARTITION_KEY || role == ColumnRole.CLUSTERING;
    }
}
