/**
 * SSH tunnels to a profile's servers: one or two jump hosts (Apache MINA SSHD client), host keys
 * checked against {@code ~/.ssh/known_hosts} and Ringside's own known-hosts file, local listeners
 * on 127.0.0.1 that forward every backend endpoint through the tunnel (Cassandra nodes through an
 * address translator, Kafka brokers through a listener that rewrites the brokers' advertised
 * addresses), and a session that re-opens on the next use after a drop. No JavaFX here.
 */
package io.ringside.core.connect.ssh;
