package io.ringside.core.stack;

import java.util.List;

/**
 * What {@code <data>/stack/stack.json} holds and {@code stack status --json} prints: the chosen
 * endpoints (reused on the next start), the processes and whether each answered. Beyond the
 * schema fixed in the conventions it keeps what a restart needs (storage/JMX/controller ports,
 * the Kafka cluster id) and who supervises the children.
 */
public record StackState(
        int layoutVersion,
        Cassandra cassandra,
        Kafka kafka,
        Redis redis,
        Supervisor supervisor,
        Security security,
        RedisSentinel redisSentinel) {

    /** A stack without a Sentinel group (every stack before {@code --redis-sentinel} existed). */
    public StackState(int layoutVersion, Cassandra cassandra, Kafka kafka, Redis redis, Supervisor supervisor,
                      Security security) {
        this(layoutVersion, cassandra, kafka, redis, supervisor, security, null);
    }

    /** A stack without authentication or TLS (every stack before {@code --secure} existed). */
    public StackState(int layoutVersion, Cassandra cassandra, Kafka kafka, Redis redis, Supervisor supervisor) {
        this(layoutVersion, cassandra, kafka, redis, supervisor, null);
    }

    /** Bumped when the on-disk layout of the data folder changes incompatibly. */
    public static final int LAYOUT_VERSION = 1;

    public record Cassandra(String clusterName, List<CassandraNode> nodes) {
    }

    public record CassandraNode(
            int id, String address, int port, int storagePort, int jmxPort,
            boolean up, Long pid, String version) {

        public CassandraNode withStatus(boolean up, Long pid) {
            return new CassandraNode(id, address, port, storagePort, jmxPort, up, pid, version);
        }
    }

    public record Kafka(
            String bootstrap, String host, int port, int controllerPort, String clusterId,
            boolean up, Long pid, String version) {

        public Kafka withStatus(boolean up, Long pid) {
            return new Kafka(bootstrap, host, port, controllerPort, clusterId, up, pid, version);
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
        return new StackState(layoutVersion, new Cassandra(cassandra.clusterName(), nodes), kafka, redis, supervisor,
                security, redisSentinel);
    }

    public StackState withKafka(Kafka kafka) {
        return new StackState(layoutVersion, cassandra, kafka, redis, supervisor, security, redisSentinel);
    }

    public StackState withRedis(Redis redis) {
        return new StackState(layoutVersion, cassandra, kafka, redis, supervisor, security, redisSentinel);
    }

    public StackState withSupervisor(Supervisor supervisor) {
        return new StackState(layoutVersion, cassandra, kafka, redis, supervisor, security, redisSentinel);
    }

    public StackState withSecurity(Security security) {
        return new StackState(layoutVersion, cassandra, kafka, redis, supervisor, security, redisSentinel);
    }

    public StackState withRedisSentinel(RedisSentinel redisSentinel) {
        return new StackState(layoutVersion, cassandra, kafka, redis, supervisor, security, redisSentinel);
    }

    public boolean allUp() {
        return cassandra.nodes().stream().allMatch(CassandraNode::up) && kafka.up() && redis.up()
                && (redisSentinel == null || redisSentinel.allUp());
    }

    public String contactPoints() {
        return String.join(",", cassandra.nodes().stream().map(n -> n.address() + ":" + n.port()).toList());
    }
}
