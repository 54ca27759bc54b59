package io.ringside.core.stack;

import java.util.List;

/**
 * What {@code <data>/stack/stack.json} holds and {@code stack status --json} prints: the chosen
 * endpoints (reused on the next start), the processes and whether each answered. Beyond the
 * schema fixed in the conventions it keeps what a restart needs (storage/JMX/controller ports,
 * the Kafka cluster id) and who supervises the children; {@code redisCluster} lists the nodes of
 * {@code stack up --redis-cluster} (empty without one).
 */
public record StackState(
        int layoutVersion,
        Cassandra cassandra,
        Kafka kafka,
        Redis redis,
        Supervisor supervisor,
        Security security,
        List<RedisClusterNode> redisCluster,
        Sshd sshd,
        RedisSentinel redisSentinel) {

    public StackState {
        redisCluster = redisCluster == null ? List.of() : List.copyOf(redisCluster);
    }

    /** A state to fill in: layout version {@value #LAYOUT_VERSION}, no Redis Cluster, SSH server or sentinels. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this state, to change some sections and {@link Builder#build()} a new one. */
    public Builder toBuilder() {
        return new Builder().layoutVersion(layoutVersion).cassandra(cassandra).kafka(kafka).redis(redis)
                .supervisor(supervisor).security(security).redisCluster(redisCluster).sshd(sshd)
                .redisSentinel(redisSentinel);
    }

    /** Bumped when the on-disk layout of the data folder changes incompatibly. */
    public static final int LAYOUT_VERSION = 1;

    public record Cassandra(String clusterName, List<CassandraNode> nodes) {
    }

    /**
     * @param datacenter the node's data centre as its snitch names it; absent in the state of a stack
     *                   started before data centres were recorded (then {@value #SINGLE_DATACENTER})
     * @param rack       the node's rack, likewise
     */
    public record CassandraNode(
            int id, String address, int port, int storagePort, int jmxPort,
            boolean up, Long pid, String version, String datacenter, String rack) {

        /** What SimpleSnitch calls the one data centre of a ring that does not name its own. */
        public static final String SINGLE_DATACENTER = "datacenter1";

        public CassandraNode(int id, String address, int port, int storagePort, int jmxPort, boolean up, Long pid,
                             String version) {
            this(id, address, port, storagePort, jmxPort, up, pid, version, null, null);
        }

        public CassandraNode withStatus(boolean up, Long pid) {
            return new CassandraNode(id, address, port, storagePort, jmxPort, up, pid, version, datacenter, rack);
        }

        public CassandraNode withVersion(String version) {
            return new CassandraNode(id, address, port, storagePort, jmxPort, up, pid, version, datacenter, rack);
        }

        public String datacenterName() {
            return datacenter == null ? SINGLE_DATACENTER : datacenter;
        }
    }

    /**
     * Kafka: one broker, or several in one KRaft quorum ({@code stack up --kafka-brokers 3}). With
     * several, {@code brokers} lists each (port, controller port, process) and the top-level
     * {@code port}, {@code controllerPort} and {@code pid} are broker 1's, {@code bootstrap} names
     * every broker and {@code up} means all are up; with one, {@code brokers} is empty, as in the
     * state files written before there could be more.
     */
    public record Kafka(
            String bootstrap, String host, int port, int controllerPort, String clusterId,
            boolean up, Long pid, String version, List<KafkaBroker> brokers) {

        public Kafka {
            brokers = brokers == null ? List.of() : List.copyOf(brokers);
        }

        public Kafka(String bootstrap, String host, int port, int controllerPort, String clusterId,
                     boolean up, Long pid, String version) {
            this(bootstrap, host, port, controllerPort, clusterId, up, pid, version, List.of());
        }

        public Kafka withStatus(boolean up, Long pid) {
            return new Kafka(bootstrap, host, port, controllerPort, clusterId, up, pid, version, brokers);
        }

        /** Each broker, broker 1 alone on a single-broker stack. */
        public List<KafkaBroker> brokerList() {
            return brokers.isEmpty() ? List.of(new KafkaBroker(1, port, controllerPort, up, pid)) : brokers;
        }

        public KafkaBroker broker(int id) {
            return brokerList().stream().filter(b -> b.id() == id).findFirst().orElse(null);
        }

        /** This Kafka with one broker's status replaced; {@code up} and {@code pid} follow. */
        public Kafka withBroker(KafkaBroker broker) {
            if (brokers.isEmpty()) {
                return withStatus(broker.up(), broker.pid());
            }
            List<KafkaBroker> updated = brokers.stream().map(b -> b.id() == broker.id() ? broker : b).toList();
            return new Kafka(bootstrap, host, port, controllerPort, clusterId,
                    updated.stream().allMatch(KafkaBroker::up), updated.get(0).pid(), version, updated);
        }
    }

    /** One broker (and KRaft controller) of a multi-broker Kafka, on the Kafka's host. */
    public record KafkaBroker(int id, int port, int controllerPort, boolean up, Long pid) {

        public KafkaBroker withStatus(boolean up, Long pid) {
            return new KafkaBroker(id, port, controllerPort, up, pid);
        }
    }

    public record Redis(String host, int port, boolean up, Long pid, String version, String binary) {

        public Redis withStatus(boolean up, Long pid) {
            return new Redis(host, port, up, pid, version, binary);
        }

        public Redis withVersion(String version) {
            return new Redis(host, port, up, pid, version, binary);
        }
    }

    /**
     * A node of the Redis Cluster ({@code stack up --redis-cluster [--replicas 1]}).
     *
     * @param name {@code redis-cluster-N}, what {@code stack stop} and {@code stack start} take
     * @param role {@code master} or {@code replica} as the node itself last said ({@code ROLE}): a
     *             failover turns a replica into a master, and a stopped master that starts again
     *             comes back as its replica
     */
    public record RedisClusterNode(String name, String host, int port, String role, boolean up, Long pid) {

        public RedisClusterNode withStatus(boolean up, Long pid) {
            return new RedisClusterNode(name, host, port, role, up, pid);
        }

        public RedisClusterNode withRole(String role) {
            return new RedisClusterNode(name, host, port, role, up, pid);
        }
    }

    /**
     * The process that holds the children's stdin pipes, and where it listens for commands.
     *
     * @param console whether that process is a console, which stays open after {@code stack down}
     *                and is never sent a signal by it
     */
    public record Supervisor(long pid, String control, boolean console) {

        public Supervisor(long pid, String control) {
            this(pid, control, false);
        }
    }

    /**
     * How clients log in to a secure stack ({@code stack up --secure}); absent on a plain one. The
     * password is not here but in {@code credentialsFile}, readable only by the stack's owner.
     *
     * @param caFile                the generated CA (PEM) every server's certificate is signed by
     * @param username              the Cassandra role, Redis ACL user and Kafka SASL user
     * @param redisTls              whether Redis speaks TLS (only where its binary was built with TLS)
     * @param kafkaSecurityProtocol the protocol of the Kafka listeners, the controller's included ({@code SASL_SSL})
     * @param cassandraJmx          how Cassandra's JMX port takes logins: {@value #JMX_PASSWORD}; absent in
     *                              the state of a stack started before JMX took a login
     */
    public record Security(String caFile, String credentialsFile, String username, boolean redisTls,
                           String kafkaSecurityProtocol, String kafkaSaslMechanism, String cassandraJmx) {

        /** JMX on 127.0.0.1 with the stack's user and password, without TLS. */
        public static final String JMX_PASSWORD = "password";

        public Security(String caFile, String credentialsFile, String username, boolean redisTls,
                        String kafkaSecurityProtocol, String kafkaSaslMechanism) {
            this(caFile, credentialsFile, username, redisTls, kafkaSecurityProtocol, kafkaSaslMechanism, null);
        }

        public Security withRedisTls(boolean tls) {
            return new Security(caFile, credentialsFile, username, tls, kafkaSecurityProtocol, kafkaSaslMechanism,
                    cassandraJmx);
        }
    }

    /**
     * The stack's SSH server ({@code stack up --sshd}), absent without one. Key, passphrase and
     * password are files owner-only in the data folder; only their paths are here.
     *
     * @param hostKeyFingerprint SHA256 fingerprint of the server's host key, to compare with what a client is shown
     */
    public record Sshd(String host, int port, boolean up, Long pid, String user, String clientKeyFile,
                       String passphraseFile, String passwordFile, String hostKeyFingerprint) {

        public Sshd withStatus(boolean up, Long pid) {
            return new Sshd(host, port, up, pid, user, clientKeyFile, passphraseFile, passwordFile, hostKeyFingerprint);
        }

        public Sshd withHostKeyFingerprint(String fingerprint) {
            return new Sshd(host, port, up, pid, user, clientKeyFile, passphraseFile, passwordFile, fingerprint);
        }
    }

    public StackState withSshd(Sshd sshd) {
        return toBuilder().sshd(sshd).build();
    }

    /**
     * The Sentinel group of {@code stack up --redis-sentinel}: a replica of the stack's Redis (the
     * master when the stack starts) and the sentinels monitoring it under {@code masterName}.
     * Which server is master after a failover is the sentinels' to say, not this file's.
     */
    public record RedisSentinel(String masterName, int quorum, Redis replica, List<Redis> sentinels) {

        public RedisSentinel withReplica(Redis replica) {
            return new RedisSentinel(masterName, quorum, replica, sentinels);
        }

        /** With sentinel {@code index} (1-based) replaced. */
        public RedisSentinel withSentinel(int index, Redis sentinel) {
            List<Redis> changed = new java.util.ArrayList<>(sentinels);
            changed.set(index - 1, sentinel);
            return new RedisSentinel(masterName, quorum, replica, List.copyOf(changed));
        }

        /** The sentinels as {@code host:port}, as a connection profile names them. */
        public List<String> sentinelAddresses() {
            return sentinels.stream().map(s -> s.host() + ":" + s.port()).toList();
        }

        public boolean allUp() {
            return replica.up() && sentinels.stream().allMatch(Redis::up);
        }
    }

    public StackState withRedisSentinel(RedisSentinel redisSentinel) {
        return toBuilder().redisSentinel(redisSentinel).build();
    }

    public boolean secure() {
        return security != null;
    }

    public CassandraNode node(int id) {
        return cassandra.nodes().stream().filter(n -> n.id() == id).findFirst().orElse(null);
    }

    public StackState withNode(CassandraNode node) {
        List<CassandraNode> nodes = cassandra.nodes().stream()
                .map(n -> n.id() == node.id() ? node : n)
                .toList();
        return toBuilder().cassandra(new Cassandra(cassandra.clusterName(), nodes)).build();
    }

    public StackState withKafka(Kafka kafka) {
        return toBuilder().kafka(kafka).build();
    }

    public StackState withRedis(Redis redis) {
        return toBuilder().redis(redis).build();
    }

    public StackState withSupervisor(Supervisor supervisor) {
        return toBuilder().supervisor(supervisor).build();
    }

    public StackState withSecurity(Security security) {
        return toBuilder().security(security).build();
    }

    /** With the Redis Cluster node of the same name replaced by {@code node}. */
    public StackState withRedisClusterNode(RedisClusterNode node) {
        List<RedisClusterNode> nodes = redisCluster.stream().map(n -> n.name().equals(node.name()) ? node : n).toList();
        return toBuilder().redisCluster(nodes).build();
    }

    public StackState withRedisCluster(List<RedisClusterNode> redisCluster) {
        return toBuilder().redisCluster(redisCluster).build();
    }

    public boolean allUp() {
        return cassandra.nodes().stream().allMatch(CassandraNode::up) && kafka.up() && redis.up()
                && redisCluster.stream().allMatch(RedisClusterNode::up) && (sshd == null || sshd.up())
                && (redisSentinel == null || redisSentinel.allUp());
    }

    /** The data centre clients of this stack call local: node 1's, where the data system's replicas are. */
    public String localDatacenter() {
        return cassandra.nodes().isEmpty() ? CassandraNode.SINGLE_DATACENTER : cassandra.nodes().get(0).datacenterName();
    }

    /** How many data centres the ring spans. */
    public int datacenters() {
        return (int) cassandra.nodes().stream().map(CassandraNode::datacenterName).distinct().count();
    }

    public String contactPoints() {
        return String.join(",", cassandra.nodes().stream().map(n -> n.address() + ":" + n.port()).toList());
    }
    /** Fills in a state section by section; the sections a stack lacks stay absent. */
    public static final class Builder {
        private int layoutVersion = LAYOUT_VERSION;
        private Cassandra cassandra;
        private Kafka kafka;
        private Redis redis;
        private Supervisor supervisor;
        private Security security;
        private List<RedisClusterNode> redisCluster = List.of();
        private Sshd sshd;
        private RedisSentinel redisSentinel;

        private Builder() {
        }

        public Builder layoutVersion(int layoutVersion) {
            this.layoutVersion = layoutVersion;
            return this;
        }

        public Builder cassandra(Cassandra cassandra) {
            this.cassandra = cassandra;
            return this;
        }

        public Builder kafka(Kafka kafka) {
            this.kafka = kafka;
            return this;
        }

        public Builder redis(Redis redis) {
            this.redis = redis;
            return this;
        }

        public Builder supervisor(Supervisor supervisor) {
            this.supervisor = supervisor;
            return this;
        }

        /** Absent on a stack without {@code --secure}. */
        public Builder security(Security security) {
            this.security = security;
            return this;
        }

        public Builder redisCluster(List<RedisClusterNode> redisCluster) {
            this.redisCluster = redisCluster;
            return this;
        }

        public Builder sshd(Sshd sshd) {
            this.sshd = sshd;
            return this;
        }

        public Builder redisSentinel(RedisSentinel redisSentinel) {
            this.redisSentinel = redisSentinel;
            return this;
        }

        public StackState build() {
            return new StackState(layoutVersion, cassandra, kafka, redis, supervisor, security, redisCluster, sshd,
                    redisSentinel);
        }
    }
}
