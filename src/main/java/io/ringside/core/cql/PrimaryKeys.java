package io.ringside.core.cql;

import java.util.List;
import java.util.Optional;

/**
 * The primary-key column names (partition key then clustering columns) of a table, from the
 * driver's schema metadata; empty when the table is not known. {@code keyspace} is null when the
 * statement did not name one (the workbench's current keyspace is meant).
 */
@FunctionalInterface
public interface PrimaryKeys {

    /** Knows no table: every DELETE is taken for destructive. */
    PrimaryKeys NONE = (keyspace, table) -> Optional.empty();

    Optional<List<String>> of(String keyspace, String table);
}
