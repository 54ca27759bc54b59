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
        Sshd sshd) {

    /** A stack without authentication or TLS (every stack before {@code --secure} existed). */
    public StackState(int layoutVersion, Cassandra cassandra, Kafka kafka, Redis redis, Supervisor supervisor) {
        this(layoutVersion, cassandra, kafka, redis, supervisor, null);
    }

    /** A stack without an SSH server (every stack before {@code --sshd} existed). */
    public StackState(int layoutVersion, Cassandra cassandra, Kafka kafka, Redis redis, Supervisor supervisor,
                      Security security) {
        this(layoutVersion, cassandra, kafka, redis, supervisor, security, null);
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
        return new StackState(layoutVersion, cassandra, kafka, redis, supervisor, security, sshd);
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
                security, sshd);
    }

    public StackState withKafka(Kafka kafka) {
        return new StackState(layoutVersion, cassandra, kafka, redis, supervisor, security, sshd);
    }

    public StackState withRedis(Redis redis) {
        return new StackState(layoutVersion, cassandra, kafka, redis, supervisor, security, sshd);
    }

    public StackState withSupervisor(Supervisor supervisor) {
        return new StackState(layoutVersion, cassandra, kafka, redis, supervisor, security, sshd);
    }

    public StackState withSecurity(Security security) {
        return new StackState(layoutVersion, cassandra, kafka, redis, supervisor, security, sshd);
    }

    public boolean allUp() {
        return cassandra.nodes().stream().allMatch(CassandraNode::up) && kafka.up() && redis.up() && (sshd == null || sshd.up());
    }

    public String contactPoints() {
        return String.join(",", cassandra.nodes().stream().map(n -> n.address() + ":" + n.port()).toList());
    }
}
