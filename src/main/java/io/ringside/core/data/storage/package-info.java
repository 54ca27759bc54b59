/**
 * How the data system's stores write to Cassandra: the keyspaces they live in, made with as many
 * replicas as the cluster can hold up to two, and the write consistency that drops to ONE when a
 * replica is down. Below the stores and the local stack alike, so both use it without a cycle.
 */
package io.ringside.core.data.storage;
