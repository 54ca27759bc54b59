package io.ringside.core.connect;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * Where one data stack lives and how to log in to it, without any secret: passwords are kept by a
 * {@link SecretStore} under the profile's id, so a profiles file can be shared, exported or
 * committed without leaking one. The built-in {@link #LOCAL} profile is the local stack, whose
 * endpoints come from its state file rather than from here.
 *
 * @param color    a colour tag ({@code #rrggbb}) the console paints next to the profile's name, so a
 *                 production profile is told apart at a glance
 * @param readOnly every mutating service call refuses with {@link ReadOnlyProfileException}
 */
public record ConnectionProfile(String id, String name, String color, boolean readOnly,
                                Cassandra cassandra, Redis redis, Kafka kafka, Ssh ssh) {

    public static final String LOCAL = "local";

    /** A profile reached directly, without SSH hops. */
    public ConnectionProfile(String id, String name, String color, boolean readOnly,
                             Cassandra cassandra, Redis redis, Kafka kafka) {
        this(id, name, color, readOnly, cassandra, redis, kafka, Ssh.NONE);
    }

    public ConnectionProfile {
        Objects.requireNonNull(id, "id");
        ssh = ssh == null ? Ssh.NONE : ssh;
        name = name == null || name.isBlank() ? id : name;
        color = color == null || color.isBlank() ? "#6e7781" : color;
        cassandra = cassandra == null ? new Cassandra(List.of(), "datacenter1", null, null, Tls.OFF) : cassandra;
        redis = redis == null ? new Redis("127.0.0.1", 6379, List.of(), null, 0, Tls.OFF) : redis;
        kafka = kafka == null ? new Kafka("127.0.0.1:9092", null, null, Tls.OFF) : kafka;
    }

    /** TLS of one backend; files are paths on this machine. */
    public record Tls(boolean enabled, String trustFile, String clientCertFile) {

        public static final Tls OFF = new Tls(false, null, null);

        /** A client certificate is a PKCS#12 key store, whose password is a secret. */
        public boolean hasClientCert() {
            return enabled && clientCertFile != null && !clientCertFile.isBlank();
        }
    }

    /** @param contactPoints {@code host:port} (port 9042 when left out) */
    public record Cassandra(List<String> contactPoints, String localDatacenter, String keyspace, String username,
                            Tls tls) {
        public Cassandra {
            contactPoints = contactPoints == null ? List.of() : List.copyOf(contactPoints);
            localDatacenter = localDatacenter == null || localDatacenter.isBlank() ? "datacenter1" : localDatacenter;
            tls = tls == null ? Tls.OFF : tls;
        }
    }

    /**
     * @param clusterSeeds   {@code host:port} of a Redis Cluster; empty for a single server
     * @param sentinels      {@code host:port} of Redis Sentinels; when not empty the master is asked of them
     *                       (by {@code sentinelMaster}) instead of using {@code host}/{@code port}
     * @param sentinelMaster the master name the sentinels monitor
     * @param sentinelAuth   the sentinels ask for a password of their own ({@code requirepass} in
     *                       sentinel.conf), kept in the secret store as {@link SecretKind#REDIS_SENTINEL_PASSWORD}
     */
    public record Redis(String host, int port, List<String> clusterSeeds, String username, int database, Tls tls,
                        List<String> sentinels, String sentinelMaster, boolean sentinelAuth) {

        /** A single server or a cluster, without sentinels. */
        public Redis(String host, int port, List<String> clusterSeeds, String username, int database, Tls tls) {
            this(host, port, clusterSeeds, username, database, tls, List.of(), null);
        }

        /** Sentinels that ask for no password. */
        public Redis(String host, int port, List<String> clusterSeeds, String username, int database, Tls tls,
                     List<String> sentinels, String sentinelMaster) {
            this(host, port, clusterSeeds, username, database, tls, sentinels, sentinelMaster, false);
        }

        public Redis {
            clusterSeeds = clusterSeeds == null ? List.of() : List.copyOf(clusterSeeds);
            sentinels = sentinels == null ? List.of() : List.copyOf(sentinels);
            port = port == 0 ? 6379 : port;
            tls = tls == null ? Tls.OFF : tls;
        }
    }

    /** @param saslMechanism {@code PLAIN}, {@code SCRAM-SHA-256}, {@code SCRAM-SHA-512}, or empty for none */
    public record Kafka(String bootstrapServers, String saslMechanism, String username, Tls tls) {
        public Kafka {
            tls = tls == null ? Tls.OFF : tls;
        }

        public boolean sasl() {
            return saslMechanism != null && !saslMechanism.isBlank();
        }
    }

    /**
     * The SSH jump hosts every endpoint of the profile is reached through, first hop first (one, or
     * two when the first leads to a second); no hops means the servers are routable from here.
     */
    public record Ssh(List<SshHop> hops) {

        public static final Ssh NONE = new Ssh(List.of());

        public Ssh {
            hops = hops == null ? List.of() : List.copyOf(hops);
        }

        @JsonIgnore
        public boolean enabled() {
            return !hops.isEmpty();
        }
    }

    /**
     * One SSH hop. Secrets (password, key passphrase) are in the {@link SecretStore}, never here.
     *
     * @param keyFile an OpenSSH or PEM private key on this machine, for {@link SshAuth#KEY}
     */
    public record SshHop(String host, int port, String user, SshAuth auth, String keyFile) {
        public SshHop {
            port = port == 0 ? 22 : port;
            auth = auth == null ? SshAuth.KEY : auth;
        }
    }

    /** How an SSH hop logs in. */
    public enum SshAuth { KEY, PASSWORD, AGENT }

    /**
     * The built-in profile of the local stack. The endpoints here are the stack's default ports, a
     * starting point for a clone; the console itself takes the real ones from the state file.
     */
    public static ConnectionProfile local() {
        return new ConnectionProfile(LOCAL, "Local stack", "#1a7f37", false,
                new Cassandra(List.of("127.0.0.1:9042"), "datacenter1", null, null, Tls.OFF), null, null);
    }

    @JsonIgnore
    public boolean isLocal() {
        return LOCAL.equals(id);
    }

    public ConnectionProfile withId(String newId, String newName) {
        return new ConnectionProfile(newId, newName, color, readOnly, cassandra, redis, kafka, ssh);
    }

    /** The secrets this profile needs to connect, given its user names and client certificates. */
    public List<SecretKind> requiredSecrets() {
        java.util.ArrayList<SecretKind> needed = new java.util.ArrayList<>();
        if (present(cassandra.username())) {
            needed.add(SecretKind.CASSANDRA_PASSWORD);
        }
        if (cassandra.tls().hasClientCert()) {
            needed.add(SecretKind.CASSANDRA_KEY_STORE);
        }
        if (present(redis.username())) {
            needed.add(SecretKind.REDIS_PASSWORD);
        }
        if (redis.tls().hasClientCert()) {
            needed.add(SecretKind.REDIS_KEY_STORE);
        }
        if (kafka.sasl()) {
            needed.add(SecretKind.KAFKA_PASSWORD);
        }
        if (kafka.tls().hasClientCert()) {
            needed.add(SecretKind.KAFKA_KEY_STORE);
        }
        return List.copyOf(needed);
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
