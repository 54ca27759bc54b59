package io.ringside.core.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to run a local stack. The preferred ports are the conventional defaults; a port already
 * taken moves up to the next free one, and the ports a stack ends up with are kept in its state
 * file and preferred again on the next start.
 *
 * <p>Made with {@link #builder()} (or {@link #defaults}) and changed with {@link #toBuilder()}. The
 * option values live in one {@link Builder} that the options keep a private copy of, so an option
 * is a field with its default and a setter there and an accessor here: adding one touches neither
 * the other options nor any caller, where a record's positional constructor touched them all.
 */
public final class StackOptions {

    /** Sentinel ports: replica at Redis + {@value}, sentinels right after, clear of the cluster's six nodes. */
    static final int SENTINEL_PORT_GAP = 11;

    /** The most Cassandra nodes a stack runs; three fit a two-core machine when they start one after another. */
    public static final int MAX_NODES = 3;

    /** The size of a multi-broker Kafka cluster: a KRaft quorum of three that outlives one broker down. */
    public static final int MULTI_BROKERS = 3;

    private final Builder values;

    private StackOptions(Builder values) {
        this.values = values;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static StackOptions defaults(Path dataFolder) {
        return builder().dataFolder(dataFolder).build();
    }

    /** A builder holding these options, to change some and {@link Builder#build()} new ones. */
    public Builder toBuilder() {
        return values.copy();
    }

    public Path dataFolder() {
        return values.dataFolder;
    }

    /** Cassandra nodes wanted; 0 keeps what the data folder has (1 for a new one). */
    public int nodes() {
        return values.nodes;
    }

    public int cqlPort() {
        return values.cqlPort;
    }

    public int storagePort() {
        return values.storagePort;
    }

    public int jmxPort() {
        return values.jmxPort;
    }

    public int kafkaPort() {
        return values.kafkaPort;
    }

    public int controllerPort() {
        return values.controllerPort;
    }

    public int redisPort() {
        return values.redisPort;
    }

    public boolean localSpeedUps() {
        return values.localSpeedUps;
    }

    public int cassandraHeapMb() {
        return values.cassandraHeapMb;
    }

    public Duration readyTimeout() {
        return values.readyTimeout;
    }

    /** Also start a three-master Redis Cluster. */
    public boolean redisCluster() {
        return values.redisCluster;
    }

    /**
     * Authentication and TLS on every server ({@code stack up --secure}); a stack once started
     * secure stays secure, as its state file records.
     */
    public boolean secure() {
        return values.secure;
    }

    /**
     * Cassandra data centres: 2 puts nodes 1-2 in dc1 and node 3 in dc2 ({@code --nodes 3 --dcs 2});
     * 0 keeps what the data folder has (1 for a new one).
     */
    public int datacenters() {
        return values.datacenters;
    }

    /** Kafka brokers wanted (1 or 3); 0 keeps what the data folder has (1 for a new one). */
    public int kafkaBrokers() {
        return values.kafkaBrokers;
    }

    /** Replicas per Redis Cluster master (0 or 1, {@code --replicas}). */
    public int redisClusterReplicas() {
        return values.redisClusterReplicas;
    }

    /** Also start an SSH server on 127.0.0.1 for tunnel tests ({@code stack up --sshd}). */
    public boolean sshd() {
        return values.sshd;
    }

    /** The SSH server's preferred port, near the storage port so it moves with the port offset. */
    public int sshPort() {
        return values.sshPort;
    }

    /** Also start a replica of the stack's Redis and three sentinels monitoring it. */
    public boolean redisSentinel() {
        return values.redisSentinel;
    }

    public StackOptions withNodes(int nodes) {
        return toBuilder().nodes(nodes).build();
    }

    /** Shifts every preferred port, e.g. so test stacks stay clear of a developer's own stack. */
    public StackOptions withPortOffset(int offset) {
        return toBuilder().portOffset(offset).build();
    }

    public StackOptions withRedisCluster(boolean redisCluster) {
        return toBuilder().redisCluster(redisCluster).build();
    }

    public StackOptions withSecure(boolean secure) {
        return toBuilder().secure(secure).build();
    }

    public StackOptions withDatacenters(int datacenters) {
        return toBuilder().datacenters(datacenters).build();
    }

    public StackOptions withKafkaBrokers(int kafkaBrokers) {
        return toBuilder().kafkaBrokers(kafkaBrokers).build();
    }

    public StackOptions withRedisClusterReplicas(int replicas) {
        return toBuilder().redisClusterReplicas(replicas).build();
    }

    public StackOptions withSshd(boolean sshd) {
        return toBuilder().sshd(sshd).build();
    }

    public StackOptions withRedisSentinel(boolean redisSentinel) {
        return toBuilder().redisSentinel(redisSentinel).build();
    }

    /**
     * The preferred client port of Kafka broker {@code broker} (1-based): two apart, each broker's
     * controller port right after its own (9092/9093, 9094/9095, 9096/9097).
     */
    public int kafkaPort(int broker) {
        return kafkaPort() + 2 * (broker - 1);
    }

    /** The preferred KRaft controller port of Kafka broker {@code broker} (1-based). */
    public int controllerPort(int broker) {
        return controllerPort() + 2 * (broker - 1);
    }

    /** The preferred port of the Sentinel group's replica of the stack's Redis. */
    public int redisReplicaPort() {
        return redisPort() + SENTINEL_PORT_GAP;
    }

    /** The preferred port of sentinel {@code sentinel} (1-based), right after the replica's. */
    public int redisSentinelPort(int sentinel) {
        return redisReplicaPort() + sentinel;
    }

    /** The preferred JMX port of Cassandra node {@code node} (1-based): 100 apart, as every node listens on 127.0.0.1. */
    public int jmxPort(int node) {
        return jmxPort() + 100 * (node - 1);
    }

    /**
     * The preferred port of Redis Cluster node {@code node} (1-based): right after the Redis port,
     * the masters first, then their replicas.
     */
    public int redisClusterPort(int node) {
        return redisPort() + node;
    }

    /**
     * Every port a new stack with these options prefers, the Redis Cluster's nodes and bus ports included:
     * what a set of stacks run side by side (the tests') must keep apart.
     */
    public List<Integer> preferredPorts() {
        List<Integer> ports = new ArrayList<>(List.of(cqlPort(), storagePort(), kafkaPort(), controllerPort(), redisPort()));
        for (int node = 1; node <= Math.max(1, nodes()); node++) {
            ports.add(jmxPort(node));
        }
        if (sshd()) {
            ports.add(sshPort());
        }
        for (int broker = 2; broker <= kafkaBrokers(); broker++) {
            ports.add(kafkaPort(broker));
            ports.add(controllerPort(broker));
        }
        if (redisCluster()) {
            for (int node = 1; node <= RedisClusterFormation.MASTERS * (1 + redisClusterReplicas()); node++) {
                ports.add(redisClusterPort(node));
                ports.add(redisClusterPort(node) + PortAllocator.REDIS_CLUSTER_BUS_OFFSET);
            }
        }
        if (redisSentinel()) {
            ports.add(redisReplicaPort());
            for (int sentinel = 1; sentinel <= RedisSentinelGroup.SENTINELS; sentinel++) {
                ports.add(redisSentinelPort(sentinel));
            }
        }
        return ports;
    }

    public Path stackFolder() {
        return dataFolder().resolve("stack");
    }

    /**
     * The option values, each with its default. {@link #copy()} clones them field by field, so a
     * new option needs no change there.
     */
    public static final class Builder implements Cloneable {
        private Path dataFolder;
        private int nodes;
        private int cqlPort = 9042;
        private int storagePort = 7000;
        private int jmxPort = 7199;
        private int kafkaPort = 9092;
        private int controllerPort = 9093;
        private int redisPort = 6379;
        private boolean localSpeedUps = true;
        private int cassandraHeapMb = 512;
        private Duration readyTimeout = Duration.ofSeconds(240);
        private boolean redisCluster;
        private boolean secure;
        private int datacenters;
        private int kafkaBrokers;
        private int redisClusterReplicas;
        private boolean sshd;
        private int sshPort = 7022;
        private boolean redisSentinel;

        private Builder() {
        }

        public Builder dataFolder(Path dataFolder) {
            this.dataFolder = dataFolder;
            return this;
        }

        public Builder nodes(int nodes) {
            if (nodes < 0 || nodes > MAX_NODES) {
                throw new IllegalArgumentException("--nodes must be 1, 2 or 3, not " + nodes);
            }
            this.nodes = nodes;
            return this;
        }

        public Builder cqlPort(int cqlPort) {
            this.cqlPort = cqlPort;
            return this;
        }

        public Builder storagePort(int storagePort) {
            this.storagePort = storagePort;
            return this;
        }

        public Builder jmxPort(int jmxPort) {
            this.jmxPort = jmxPort;
            return this;
        }

        public Builder kafkaPort(int kafkaPort) {
            this.kafkaPort = kafkaPort;
            return this;
        }

        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        public Builder redisPort(int redisPort) {
            this.redisPort = redisPort;
            return this;
        }

        /** Shifts every preferred port set so far, e.g. so test stacks stay clear of a developer's own stack. */
        public Builder portOffset(int offset) {
            cqlPort += offset;
            storagePort += offset;
            jmxPort += offset;
            kafkaPort += offset;
            controllerPort += offset;
            redisPort += offset;
            sshPort += offset;
            return this;
        }

        /** Local-only Cassandra start-up speed-ups (ring delay, gossip settle, superuser delay). */
        public Builder localSpeedUps(boolean localSpeedUps) {
            this.localSpeedUps = localSpeedUps;
            return this;
        }

        public Builder cassandraHeapMb(int cassandraHeapMb) {
            this.cassandraHeapMb = cassandraHeapMb;
            return this;
        }

        public Builder readyTimeout(Duration readyTimeout) {
            this.readyTimeout = readyTimeout;
            return this;
        }

        /**
         * Also start a Redis Cluster of three masters (ports after the Redis port, e.g. 6380-6382),
         * next to the stack's own Redis, for cluster drills; the data system keeps using the standalone one.
         */
        public Builder redisCluster(boolean redisCluster) {
            this.redisCluster = redisCluster;
            return this;
        }

        /**
         * Password authentication and TLS on all three servers, with a CA, certificates and passwords
         * generated into {@code <data>/tls/} on the first secure start (see {@link StackSecurity}).
         */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        /**
         * Cassandra nodes in two data centres ({@code --dcs 2}, with {@code --nodes 3}): node 1 and 2 in
         * dc1 (racks rack1 and rack2), node 3 in dc2, told apart by GossipingPropertyFileSnitch. Fixed
         * when the data folder is made: Cassandra refuses to start a node whose data centre changed.
         */
        public Builder datacenters(int datacenters) {
            if (datacenters < 0 || datacenters > 2) {
                throw new IllegalArgumentException("--dcs must be 1 or 2, not " + datacenters);
            }
            this.datacenters = datacenters;
            return this;
        }

        /**
         * Three Kafka brokers ({@code stack up --kafka-brokers 3}) in one KRaft quorum instead of one,
         * with the Ringside topics at replication factor 3 and min.insync.replicas 2.
         */
        public Builder kafkaBrokers(int kafkaBrokers) {
            if (kafkaBrokers != 0 && kafkaBrokers != 1 && kafkaBrokers != MULTI_BROKERS) {
                throw new IllegalArgumentException("--kafka-brokers must be 1 or " + MULTI_BROKERS + ", not " + kafkaBrokers);
            }
            this.kafkaBrokers = kafkaBrokers;
            return this;
        }

        /**
         * Also start one replica of each Redis Cluster master ({@code --replicas 1}), on the ports after
         * the masters' (e.g. 6383-6385), so that stopping a master promotes its replica.
         */
        public Builder redisClusterReplicas(int replicas) {
            if (replicas < 0 || replicas > 1) {
                throw new IllegalArgumentException("--replicas must be 0 or 1, not " + replicas);
            }
            this.redisClusterReplicas = replicas;
            return this;
        }

        /**
         * Also start an SSH server on 127.0.0.1 that forwards to 127.0.0.x only (see {@code LocalSshd}),
         * so profiles can reach the stack through a real SSH tunnel.
         */
        public Builder sshd(boolean sshd) {
            this.sshd = sshd;
            return this;
        }

        public Builder sshPort(int sshPort) {
            this.sshPort = sshPort;
            return this;
        }

        /**
         * Also run a replica of the stack's Redis and three sentinels (master name {@value
         * RedisSentinelGroup#MASTER_NAME}, quorum 2) on the ports after the Redis Cluster's (e.g. 6390-6393).
         */
        public Builder redisSentinel(boolean redisSentinel) {
            this.redisSentinel = redisSentinel;
            return this;
        }

        /** Options with these values; the builder may go on being changed without changing them. */
        public StackOptions build() {
            Objects.requireNonNull(dataFolder, "a stack needs a data folder");
            return new StackOptions(copy());
        }

        private Builder copy() {
            try {
                return (Builder) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
