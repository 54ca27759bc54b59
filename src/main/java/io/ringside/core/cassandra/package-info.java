/**
 * Read-only views of a Cassandra cluster for the console's Cluster screen and the CLI: the schema
 * tree and its DDL ({@link io.ringside.core.cassandra.SchemaBrowser}), rows paged with the driver's
 * paging state without pulling large blobs ({@link io.ringside.core.cassandra.RowPager}), and node
 * health like {@code nodetool status} plus the node-local virtual tables
 * ({@link io.ringside.core.cassandra.ClusterHealth}). Every method may block on the network: callers
 * on a UI thread must move them off it.
 */
package io.ringside.core.cassandra;
