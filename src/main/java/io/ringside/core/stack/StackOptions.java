package io.ringside.core.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run a local stack. The preferred ports are the conventional defaults; a port already
 * taken moves up to the next free one, and the ports a stack ends up with are kept in its state
 * file and preferred again on the next start.
 *
 * @param nodes Cassandra nodes wanted; 0 keeps what the data folder has (1 for a new one)
 * @param redisCluster also start a three-master Redis Cluster
 * @param redisSentinel also start a replica of the stack's Redis and three sentinels monitoring it
 * @param secure       authentication and TLS on every server ({@code stack up --secure}); a stack
 *                     once started secure stays secure, as its state file records
 */
public record StackOptions(
        Path dataFolder,
        int nodes,
        int cqlPort,
        int storagePort,
        int jmxPort,
        int kafkaPort,
        int controllerPort,
        int redisPort,
        boolean localSpeedUps,
        int cassandraHeapMb,
        Duration readyTimeout,
        boolean redisCluster,
        boolean secure,
        boolean redisSentinel) {

    /** Sentinel ports: replica at Redis + {@value}, sentinels right after, clear of the cluster's six nodes. */
    static final int SENTINEL_PORT_GAP = 11;

    /** Options without the Sentinel group (every stack before {@code --redis-sentinel} existed). */
    public StackOptions(Path dataFolder, int nodes, int cqlPort, int storagePort, int jmxPort, int kafkaPort,
                        int controllerPort, int redisPort, boolean localSpeedUps, int cassandraHeapMb,
                        Duration readyTimeout, boolean redisCluster, boolean secure) {
        this(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort, redisPort, localSpeedUps,
                cassandraHeapMb, readyTimeout, redisCluster, secure, false);
    }

    public static StackOptions defaults(Path dataFolder) {
        return new StackOptions(dataFolder, 0, 9042, 7000, 7199, 9092, 9093, 6379, true, 512, Duration.ofSeconds(240),
                false, false, false);
    }

    public StackOptions withNodes(int nodes) {
        if (nodes < 0 || nodes > 2) {
            throw new IllegalArgumentException("--nodes must be 1 or 2, not " + nodes);
        }
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, redisSentinel);
    }

    /** Shifts every preferred port, e.g. so test stacks stay clear of a developer's own stack. */
    public StackOptions withPortOffset(int offset) {
        return new StackOptions(dataFolder, nodes, cqlPort + offset, storagePort + offset, jmxPort + offset,
                kafkaPort + offset, controllerPort + offset, redisPort + offset, localSpeedUps, cassandraHeapMb,
                readyTimeout, redisCluster, secure, redisSentinel);
    }

    /**
     * Also start a Redis Cluster of three masters (ports after the Redis port, e.g. 6380-6382),
     * next to the stack's own Redis, for cluster drills; the data system keeps using the standalone one.
     */
    public StackOptions withRedisCluster(boolean redisCluster) {
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, redisSentinel);
    }

    /**
     * Password authentication and TLS on all three servers, with a CA, certificates and passwords
     * generated into {@code <data>/tls/} on the first secure start (see {@link StackSecurity}).
     */
    public StackOptions withSecure(boolean secure) {
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, redisSentinel);
    }

    /**
     * Also run a replica of the stack's Redis and three sentinels (master name {@value
     * RedisSentinelGroup#MASTER_NAME}, quorum 2) on the ports after the Redis Cluster's (e.g. 6390-6393).
     */
    public StackOptions withRedisSentinel(boolean redisSentinel) {
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, redisSentinel);
    }

    /** The preferred port of the Sentinel group's replica of the stack's Redis. */
    public int redisReplicaPort() {
        return redisPort + SENTINEL_PORT_GAP;
    }

    /** The preferred port of sentinel {@code sentinel} (1-based), right after the replica's. */
    public int redisSentinelPort(int sentinel) {
        return redisReplicaPort() + sentinel;
    }

    /** The preferred JMX port of Cassandra node {@code node} (1-based): 100 apart, as every node listens on 127.0.0.1. */
    public int jmxPort(int node) {
        return jmxPort + 100 * (node - 1);
    }

    /** The preferred port of Redis Cluster master {@code master} (1-based): right after the Redis port. */
    public int redisClusterPort(int master) {
        return redisPort + master;
    }

    /**
     * Every port a new stack with these options prefers, the Redis Cluster's bus ports included:
     * what a set of stacks run side by side (the tests') must keep apart.
     */
    public List<Integer> preferredPorts() {
        List<Integer> ports = new ArrayList<>(List.of(cqlPort, storagePort, kafkaPort, controllerPort, redisPort));
        for (int node = 1; node <= Math.max(1, nodes); node++) {
            ports.add(jmxPort(node));
        }
        if (redisCluster) {
            for (int master = 1; master <= RedisClusterFormation.MASTERS; master++) {
                ports.add(redisClusterPort(master));
                ports.add(redisClusterPort(master) + PortAllocator.REDIS_CLUSTER_BUS_OFFSET);
            }
        }
        if (redisSentinel) {
            ports.add(redisReplicaPort());
            for (int sentinel = 1; sentinel <= RedisSentinelGroup.SENTINELS; sentinel++) {
                ports.add(redisSentinelPort(sentinel));
            }
        }
        return ports;
    }

    public Path stackFolder() {
        return dataFolder.resolve("stack");
    }
}
