package io.ringside.core.cassandra;

import java.util.List;

/** A table or view with its columns in primary-key order (partition key, clustering, the rest). */
public record RelationInfo(String keyspace, String name, RelationKind kind, List<ColumnInfo> columns) {

    public RelationInfo {
        columns = List.copyOf(columns);
    }

    public List<ColumnInfo> partitionKey() {
        return columns.stream().filter(c -> c.role() == ColumnRole.PARTITION_KEY).toList();
    }

    public List<ColumnInfo> primaryKey() {
        return columns.stream().filter(ColumnInfo::primaryKey).toList();
    }

    public String qualifiedName() {
        return keyspace + "." + name;
    }
}
