/**
 * The Cluster screen: the keyspace tree with DDL and a paged row viewer, and node health with
 * per-node details and charts. View-models talk to {@code core.cassandra} only through
 * {@link io.ringside.ui.cluster.ClusterGateway}, so they are tested with a fake.
 */
package io.ringside.ui.cluster;
