package io.ringside.core.cassandra;

/** The part a column plays in its table's primary key, as {@code DESCRIBE} and the tree show it. */
public enum ColumnRole {
    PARTITION_KEY("partition key"),
    CLUSTERING("clustering"),
    STATIC("static"),
    REGULAR("regular");

    private final String label;

    ColumnRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
