package io.ringside.core.cassandra;

import java.util.Map;

/**
 * Which rows to page through: a table or view, the page size, and optionally one partition given
 * as text per partition-key column (column names as {@link ColumnInfo#name()} spells them). Either
 * every partition-key column has a value or none has.
 */
public record PageQuery(String keyspace, String table, int pageSize, Map<String, String> partitionKey) {

    public static final int MAX_PAGE_SIZE = 5_000;

    public PageQuery {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("Page size must be between 1 and " + MAX_PAGE_SIZE + ", not " + pageSize);
        }
        partitionKey = Map.copyOf(partitionKey);
    }

    public static PageQuery of(String keyspace, String table, int pageSize) {
        return new PageQuery(keyspace, table, pageSize, Map.of());
    }
}
