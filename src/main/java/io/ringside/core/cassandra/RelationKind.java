package io.ringside.core.cassandra;

/** What a node under a keyspace is: a table, a materialized view, or a node-local virtual table. */
public enum RelationKind {
    TABLE, VIEW, VIRTUAL_TABLE
}
