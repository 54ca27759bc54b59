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
 * @param datacenters  Cassandra data centres: 2 puts nodes 1-2 in dc1 and node 3 in dc2
 *                     ({@code --nodes 3 --dcs 2}); 0 keeps what the data folder has (1 for a new one)
 * @param kafkaBrokers Kafka brokers wanted (1 or 3); 0 keeps what the data folder has (1 for a new one)
 * @param redisClusterReplicas replicas per Redis Cluster master (0 or 1, {@code --replicas})
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
        int datacenters,
        int kafkaBrokers,
        int redisClusterReplicas,
        boolean sshd,
        int sshPort,
        boolean redisSentinel) {

    /** Sentinel ports: replica at Redis + {@value}, sentinels right after, clear of the cluster's six nodes. */
    static final int SENTINEL_PORT_GAP = 11;

    /** The most Cassandra nodes a stack runs; three fit a two-core machine when they start one after another. */
    public static final int MAX_NODES = 3;

    public StackOptions(Path dataFolder, int nodes, int cqlPort, int storagePort, int jmxPort, int kafkaPort,
                        int controllerPort, int redisPort, boolean localSpeedUps, int cassandraHeapMb,
                        Duration readyTimeout, boolean redisCluster, boolean secure) {
        this(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort, redisPort, localSpeedUps,
                cassandraHeapMb, readyTimeout, redisCluster, secure, 0, 0, 0, false, 7022, false);
    }

    /** The size of a multi-broker Kafka cluster: a KRaft quorum of three that outlives one broker down. */
    public static final int MULTI_BROKERS = 3;

    public static StackOptions defaults(Path dataFolder) {
        return new StackOptions(dataFolder, 0, 9042, 7000, 7199, 9092, 9093, 6379, true, 512, Duration.ofSeconds(240),
                false, false, 0, 0, 0, false, 7022, false);
    }

    public StackOptions withNodes(int nodes) {
        if (nodes < 0 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("--nodes must be 1, 2 or 3, not " + nodes);
        }
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, datacenters, kafkaBrokers,
                redisClusterReplicas, sshd, sshPort, redisSentinel);
    }

    /** Shifts every preferred port, e.g. so test stacks stay clear of a developer's own stack. */
    public StackOptions withPortOffset(int offset) {
        return new StackOptions(dataFolder, nodes, cqlPort + offset, storagePort + offset, jmxPort + offset,
                kafkaPort + offset, controllerPort + offset, redisPort + offset, localSpeedUps, cassandraHeapMb,
                readyTimeout, redisCluster, secure, datacenters, kafkaBrokers,
                redisClusterReplicas, sshd, sshPort + offset, redisSentinel);
    }

    /**
     * Also start a Redis Cluster of three masters (ports after the Redis port, e.g. 6380-6382),
     * next to the stack's own Redis, for cluster drills; the data system keeps using the standalone one.
     */
    public StackOptions withRedisCluster(boolean redisCluster) {
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, datacenters, kafkaBrokers,
                redisClusterReplicas, sshd, sshPort, redisSentinel);
    }

    /**
     * Password authentication and TLS on all three servers, with a CA, certificates and passwords
     * generated into {@code <data>/tls/} on the first secure start (see {@link StackSecurity}).
     */
    public StackOptions withSecure(boolean secure) {
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, datacenters, kafkaBrokers,
                redisClusterReplicas, sshd, sshPort, redisSentinel);
    }

    /**
     * Cassandra nodes in two data centres ({@code --dcs 2}, with {@code --nodes 3}): node 1 and 2 in
     * dc1 (racks rack1 and rack2), node 3 in dc2, told apart by GossipingPropertyFileSnitch. Fixed
     * when the data folder is made: Cassandra refuses to start a node whose data centre changed.
     */
    public StackOptions withDatacenters(int datacenters) {
        if (datacenters < 0 || datacenters > 2) {
            throw new IllegalArgumentException("--dcs must be 1 or 2, not " + datacenters);
        }
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, datacenters, kafkaBrokers,
                redisClusterReplicas, sshd, sshPort, redisSentinel);
    }

    /**
     * Three Kafka brokers ({@code stack up --kafka-brokers 3}) in one KRaft quorum instead of one,
     * with the Ringside topics at replication factor 3 and min.insync.replicas 2.
     */
    public StackOptions withKafkaBrokers(int kafkaBrokers) {
        if (kafkaBrokers != 0 && kafkaBrokers != 1 && kafkaBrokers != MULTI_BROKERS) {
            throw new IllegalArgumentException("--kafka-brokers must be 1 or " + MULTI_BROKERS + ", not " + kafkaBrokers);
        }
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, datacenters, kafkaBrokers,
                redisClusterReplicas, sshd, sshPort, redisSentinel);
    }

    /**
     * The preferred client port of Kafka broker {@code broker} (1-based): two apart, each broker's
     * controller port right after its own (9092/9093, 9094/9095, 9096/9097).
     */
    public int kafkaPort(int broker) {
        return kafkaPort + 2 * (broker - 1);
    }

    /** The preferred KRaft controller port of Kafka broker {@code broker} (1-based). */
    public int controllerPort(int broker) {
        return controllerPort + 2 * (broker - 1);
    }

    /**
     * Also start one replica of each Redis Cluster master ({@code --replicas 1}), on the ports after
     * the masters' (e.g. 6383-6385), so that stopping a master promotes its replica.
     */
    public StackOptions withRedisClusterReplicas(int replicas) {
        if (replicas < 0 || replicas > 1) {
            throw new IllegalArgumentException("--replicas must be 0 or 1, not " + replicas);
        }
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, datacenters, kafkaBrokers,
                replicas, sshd, sshPort, redisSentinel);
    }

    /**
     * Also start an SSH server on 127.0.0.1 that forwards to 127.0.0.x only (see {@code LocalSshd}),
     * so profiles can reach the stack through a real SSH tunnel.
     */
    public StackOptions withSshd(boolean sshd) {
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, datacenters, kafkaBrokers,
                redisClusterReplicas, sshd, sshPort, redisSentinel);
    }

    /**
     * Also run a replica of the stack's Redis and three sentinels (master name {@value
     * RedisSentinelGroup#MASTER_NAME}, quorum 2) on the ports after the Redis Cluster's (e.g. 6390-6393).
     */
    public StackOptions withRedisSentinel(boolean redisSentinel) {
        return new StackOptions(dataFolder, nodes, cqlPort, storagePort, jmxPort, kafkaPort, controllerPort,
                redisPort, localSpeedUps, cassandraHeapMb, readyTimeout, redisCluster, secure, datacenters, kafkaBrokers,
                redisClusterReplicas, sshd, sshPort, redisSentinel);
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

    /**
     * The preferred port of Redis Cluster node {@code node} (1-based): right after the Redis port,
     * the masters first, then their replicas.
     */
    public int redisClusterPort(int node) {
        return redisPort + node;
    }

    /**
     * Every port a new stack with these options prefers, the Redis Cluster's nodes and bus ports included:
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
        for (int broker = 2; broker <= kafkaBrokers; broker++) {
            ports.add(kafkaPort(broker));
            ports.add(controllerPort(broker));
        }
        if (redisCluster) {
            for (int node = 1; node <= RedisClusterFormation.MASTERS * (1 + redisClusterReplicas); node++) {
                ports.add(redisClusterPort(node));
                ports.add(redisClusterPort(node) + PortAllocator.REDIS_CLUSTER_BUS_OFFSET);
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
