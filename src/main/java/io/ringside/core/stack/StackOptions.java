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
 * @param secure       authentication and TLS on every server ({@code stack up --secure}); a stack
 *                     once started secure stays secure, as its state file records
 * @param sshd         also start an SSH server on 127.0.0.1 for tunnel tests ({@code stack up --sshd})
 * @param sshPort      its preferred port, near the storage port so it moves with the port offset
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
        boolean sshd,
        int sshPort) {

    public static StackOptions defaults(Path dataFolder) {
        return new StackOptions(dataFolder, 0, 9042, 7000, 7199, 9092, 9093, 6379, true, 512, Duration.ofSeconds(240),
                false, false, false, 7022);
    }

    public StackOptions withNodes(int nodes) {
        if (nodes < 0 || nodes > 2) {
            throw new IllegalArgumentException("--nodes must be 1 or 2, not " + nodes);
        }
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, sshd, sshPort);
    }

    /** Shifts every preferred port, e.g. so test stacks stay clear of a developer's own stack. */
    public StackOptions withPortOffset(int offset) {
        return new StackOptions(dataFolder, nodes, cqlPort + offset, storagePort + offset, jmxPort + offset,
                kafkaPort + offset, controllerPort + offset, redisPort + offset, localSpeedUps, cassandraHeapMb,
                readyTimeout, redisCluster, secure, sshd, sshPort + offset);
    }

    /**
     * Also start a Redis Cluster of three masters (ports after the Redis port, e.g. 6380-6382),
     * next to the stack's own Redis, for cluster drills; the data system keeps using the standalone one.
     */
    public StackOptions withRedisCluster(boolean redisCluster) {
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, sshd, sshPort);
    }

    /**
     * Password authentication and TLS on all three servers, with a CA, certificates and passwords
     * generated into {@code <data>/tls/} on the first secure start (see {@link StackSecurity}).
     */
    public StackOptions withSecure(boolean secure) {
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, sshd, sshPort);
    }

    /**
     * Also start an SSH server on 127.0.0.1 that forwards to 127.0.0.x only (see {@code LocalSshd}),
     * so profiles can reach the stack through a real SSH tunnel.
     */
    public StackOptions withSshd(boolean sshd) {
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, sshd, sshPort);
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
        if (sshd) {
            ports.add(sshPort);
        }
        if (redisCluster) {
            for (int master = 1; master <= RedisClusterFormation.MASTERS; master++) {
                ports.add(redisClusterPort(master));
                ports.add(redisClusterPort(master) + PortAllocator.REDIS_CLUSTER_BUS_OFFSET);
            }
        }
        return ports;
    }

    public Path stackFolder() {
        return dataFolder.resolve("stack");
    }
}
