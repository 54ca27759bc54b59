package io.ringside.core.connect;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.auth.PlainTextAuthProviderBase;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.OptionsMap;
import com.datastax.oss.driver.api.core.config.TypedDriverOption;
import com.datastax.oss.driver.api.core.metadata.EndPoint;
import io.ringside.core.BackendUnavailableException;
import io.ringside.core.DataFolder;
import io.ringside.core.RingsideException;
import io.ringside.core.connect.ssh.HopSecrets;
import io.ringside.core.connect.ssh.JumpHost;
import io.ringside.core.connect.ssh.KnownHosts;
import io.ringside.core.connect.ssh.SshTunnel;
import io.ringside.core.connect.ssh.TunnelCqlSessionBuilder;
import io.ringside.core.stack.StackClient;
import io.ringside.core.stack.StackState;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import redis.clients.jedis.ConnectionFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.DefaultRedisCredentials;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Clients for the three backends of one profile, opened lazily and closed together: the built-in
 * {@code local} profile (the local stack found through its state file) or a stored
 * {@link ConnectionProfile} with its credentials and TLS. Services take the clients they need
 * from here rather than building their own, so timeouts, pools, credentials and the profile's
 * {@link AccessGuard} are set once.
 */
public final class Backends implements AutoCloseable {

    static final int CQL_PORT = 9042;
    /** Sentinel's conventional port, for a sentinel named without one. */
    static final int SENTINEL_PORT = 26379;

    private final Endpoints endpoints;
    private final ConnectionProfile profile;
    private final SecretStore secrets;
    private final Path dataFolder;
    /**
     * Guards {@link #tunnel} alone, not this object's monitor: {@link #kafkaProperties()} asks for
     * the tunnel, and under the monitor a job command's Kafka submit and worker start waited for
     * the whole Cassandra session's start that another thread held it for (1-2 s of the command).
     * Taken after the monitor when both are (in {@link #cql()} and {@link #close()}), never before.
     */
    private final Object tunnelLock = new Object();
    private SshTunnel tunnel;
    private CqlSession cql;
    private JedisPooled redis;
    private SentinelConnections sentinelConnections;
    private JedisCluster redisCluster;

    public Backends(Endpoints endpoints) {
        this(endpoints, ConnectionProfile.local(), new SessionSecretStore(SecretPrompt.NONE));
    }

    /** Clients of {@code profile} at {@code endpoints}, with its secrets from {@code secrets}. */
    public Backends(Endpoints endpoints, ConnectionProfile profile, SecretStore secrets) {
        this(endpoints, profile, secrets, null);
    }

    /**
     * @param dataFolder where Ringside's known-hosts file is, for a profile with SSH hops; null for
     *                   the default data folder
     */
    public Backends(Endpoints endpoints, ConnectionProfile profile, SecretStore secrets, Path dataFolder) {
        this.endpoints = endpoints;
        this.profile = profile;
        this.secrets = secrets;
        this.dataFolder = dataFolder;
    }

    /** The endpoints a profile names; contact points as {@code host:port}. */
    public record Endpoints(String profile, List<InetSocketAddress> cassandra, String localDatacenter,
                            String redisHost, int redisPort, String kafkaBootstrap) {
    }

    /**
     * Backends of a profile by name: the local stack in a data folder (fails with exit code 3 if it
     * is not up), or a profile of the data folder's {@link ProfileStore}, its secrets from the OS
     * keyring or asked for on the terminal.
     */
    public static Backends forProfile(String profile, Path dataFolder) {
        if (!ConnectionProfile.LOCAL.equals(profile)) {
            ConnectionProfile stored = new ProfileStore(dataFolder).get(profile);
            return new Backends(endpointsOf(stored), stored, SecretStores.open(SecretPrompt.terminal()), dataFolder);
        }
        return local(localState(dataFolder), new SessionSecretStore(SecretPrompt.NONE));
    }

    /**
     * Backends of {@code profile}; for {@code local} the endpoints come from the stack's state file,
     * and on a secure stack also TLS, user and password (see {@link LocalStackProfile}).
     */
    public static Backends open(ConnectionProfile profile, Path dataFolder, SecretStore secrets) {
        return profile.isLocal() ? local(localState(dataFolder), secrets)
                : new Backends(endpointsOf(profile), profile, secrets, dataFolder);
    }

    /** Backends of the local stack described by {@code state}, secured as that stack is. */
    static Backends local(StackState state, SecretStore secrets) {
        return new Backends(endpointsOf(state), LocalStackProfile.of(state), LocalStackProfile.secrets(state, secrets));
    }

    /**
     * Backends to test {@code candidate} with, whether or not it is the current profile; for
     * {@code local} those of the stack recorded in the data folder, empty when there is none. Unlike
     * {@link #open} it asks no node to be up: the test is what reports the ones that are down.
     */
    public static Optional<Backends> probe(ConnectionProfile candidate, Path dataFolder, SecretStore secrets) {
        if (!candidate.isLocal()) {
            return Optional.of(new Backends(endpointsOf(candidate), candidate, secrets, dataFolder));
        }
        return new StackClient(dataFolder).status().map(state -> local(state, secrets));
    }

    private static StackState localState(Path dataFolder) {
        StackState state = new StackClient(dataFolder).status().orElseThrow(() -> new BackendUnavailableException(
                "No local stack in " + dataFolder + "; start one with 'ringside stack up --detach'"));
        // Redis or Kafka being down is survivable (reads degrade, stats wait); no Cassandra node is not
        if (state.cassandra().nodes().stream().noneMatch(StackState.CassandraNode::up)) {
            throw new BackendUnavailableException("The local stack in " + dataFolder + " is not running (no Cassandra "
                    + "node is up); start it with 'ringside stack up --detach'");
        }
        return state;
    }

    /** The endpoints a stored profile names; a Cassandra contact point without a port gets 9042. */
    public static Endpoints endpointsOf(ConnectionProfile profile) {
        List<InetSocketAddress> contactPoints = profile.cassandra().contactPoints().stream()
                .map(point -> address(point, CQL_PORT))
                .toList();
        ConnectionProfile.Redis redisSettings = profile.redis();
        String redisHost = redisSettings.host();
        int redisPort = redisSettings.port();
        List<String> seeds = !redisSettings.sentinels().isEmpty() ? redisSettings.sentinels() : redisSettings.clusterSeeds();
        if (!seeds.isEmpty()) {
            InetSocketAddress seed = address(seeds.get(0), seeds == redisSettings.sentinels() ? SENTINEL_PORT : 6379);
            redisHost = seed.getHostString();
            redisPort = seed.getPort();
        }
        return new Endpoints(profile.id(), contactPoints, profile.cassandra().localDatacenter(), redisHost, redisPort,
                profile.kafka().bootstrapServers());
    }

    /** {@code host:port}, {@code [v6]:port} or a bare host with {@code defaultPort}; unresolved. */
    public static InetSocketAddress address(String hostPort, int defaultPort) {
        String text = hostPort.trim();
        int colon = text.lastIndexOf(':');
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            String host = text.substring(1, close);
            return InetSocketAddress.createUnresolved(host,
                    close + 1 < text.length() ? parsePort(text.substring(close + 2), hostPort) : defaultPort);
        }
        if (colon < 0 || text.indexOf(':') != colon) {
            return InetSocketAddress.createUnresolved(text, defaultPort);
        }
        return InetSocketAddress.createUnresolved(text.substring(0, colon), parsePort(text.substring(colon + 1), hostPort));
    }

    private static int parsePort(String port, String whole) {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new RingsideException("Bad endpoint '" + whole + "': the port is not a number");
        }
    }

    public ConnectionProfile profile() {
        return profile;
    }

    /** What mutating services check before they write. */
    public AccessGuard accessGuard() {
        return AccessGuard.of(profile);
    }

    /**
     * The endpoints of the local stack; with a Sentinel group ({@code stack up --redis-sentinel})
     * Redis is reached through its first sentinel, as a stored sentinel profile's is.
     */
    public static Endpoints endpointsOf(StackState state) {
        List<InetSocketAddress> contactPoints = state.cassandra().nodes().stream()
                .map(n -> new InetSocketAddress(n.address(), n.port()))
                .toList();
        StackState.Redis redis = state.redisSentinel() == null ? state.redis() : state.redisSentinel().sentinels().get(0);
        return new Endpoints("local", contactPoints, state.localDatacenter(), redis.host(), redis.port(),
                state.kafka().bootstrap());
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public synchronized CqlSession cql() {
        if (cql == null) {
            cql = openSession(Duration.ofSeconds(20), Duration.ofSeconds(30));
        }
        return cql;
    }

    /**
     * The SSH tunnel of a profile with hops, opened on first use and closed with these clients;
     * null for a profile reached directly. Its sessions re-open on the next use after a drop.
     */
    public SshTunnel tunnel() {
        if (!profile.ssh().enabled()) {
            return null;
        }
        synchronized (tunnelLock) {
            if (tunnel == null) {
                List<JumpHost> hops = profile.ssh().hops().stream().map(hop -> new JumpHost(hop.host(), hop.port(),
                        hop.user(), JumpHost.Login.valueOf(hop.auth().name()), hop.keyFile())).toList();
                tunnel = new SshTunnel("profile '" + profile.name() + "'", hops, new ProfileHopSecrets(),
                        KnownHosts.of(dataFolder == null ? DataFolder.resolve(null) : dataFolder), Duration.ofSeconds(15));
            }
            return tunnel;
        }
    }

    /** The hops' secrets in the profile's secret store: the first hop's kinds and the second's. */
    private final class ProfileHopSecrets implements HopSecrets {
        @Override
        public Optional<char[]> password(int hop) {
            return secrets.get(profile.id(), kind(hop, false));
        }

        @Override
        public Optional<char[]> passphrase(int hop) {
            return secrets.get(profile.id(), kind(hop, true));
        }

        @Override
        public String describe(int hop, boolean passphrase) {
            return kind(hop, passphrase).label() + " for profile '" + profile.name() + "' (" + secrets.description() + ")";
        }

        private SecretKind kind(int hop, boolean passphrase) {
            return hop == 1 ? (passphrase ? SecretKind.SSH_KEY_PASSPHRASE : SecretKind.SSH_PASSWORD)
                    : passphrase ? SecretKind.SSH2_KEY_PASSPHRASE : SecretKind.SSH2_PASSWORD;
        }
    }

    /** A new session of this profile, through its tunnel when it has one (every node through a forward of its own). */
    CqlSession openSession(Duration requestTimeout, Duration connectTimeout) {
        SshTunnel through = tunnel();
        if (through == null) {
            return openCql(endpoints.cassandra(), endpoints.localDatacenter(), requestTimeout, connectTimeout, this::secure);
        }
        through.connect();
        List<InetSocketAddress> forwards = endpoints.cassandra().stream()
                .map(point -> through.forward(point.getHostString(), point.getPort())).toList();
        return openCql(new TunnelCqlSessionBuilder(through), forwards, endpoints.localDatacenter(), requestTimeout,
                connectTimeout, this::secure);
    }

    /**
     * A session with the timeouts Ringside uses everywhere: {@code requestTimeout} for statements,
     * and generous connect and schema-agreement waits (two shared cores can be slow to answer).
     */
    /** Nodes of each remote data centre the driver keeps a connection to (one each, by its default pool size). */
    static final int REMOTE_NODES_PER_DC = 32;

    public static CqlSession openCql(List<InetSocketAddress> contactPoints, String localDatacenter, Duration requestTimeout) {
        return openCql(contactPoints, localDatacenter, requestTimeout, Duration.ofSeconds(30), builder -> { });
    }

    static CqlSession openCql(List<InetSocketAddress> contactPoints, String localDatacenter, Duration requestTimeout,
                              Duration connectTimeout, Consumer<CqlSessionBuilder> customize) {
        return openCql(CqlSession.builder(), contactPoints, localDatacenter, requestTimeout, connectTimeout, customize);
    }

    private static CqlSession openCql(CqlSessionBuilder builder, List<InetSocketAddress> contactPoints,
                                      String localDatacenter, Duration requestTimeout, Duration connectTimeout,
                                      Consumer<CqlSessionBuilder> customize) {
        try {
            customize.accept(builder);
            return builder
                    .addContactPoints(contactPoints)
                    .withLocalDatacenter(localDatacenter)
                    .withConfigLoader(DriverConfigLoader.fromMap(options(requestTimeout, connectTimeout)))
                    .build();
        } catch (RuntimeException e) {
            throw new BackendUnavailableException("Cassandra at " + contactPoints + " is unreachable: " + e.getMessage(), e);
        }
    }

    /**
     * The driver's defaults with Ringside's timeouts. A map rather than the driver's HOCON loader:
     * the same defaults ({@link OptionsMap#driverDefaults()} mirrors the driver's
     * {@code reference.conf}) without parsing that file on every start (~0.5 CPU-s of a
     * session's start measured on two busy cores); Ringside ships no {@code application.conf}
     * for the HOCON loader to merge.
     */
    private static OptionsMap options(Duration requestTimeout, Duration connectTimeout) {
        OptionsMap options = OptionsMap.driverDefaults();
        options.put(TypedDriverOption.REQUEST_TIMEOUT, requestTimeout);
        options.put(TypedDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, connectTimeout);
        options.put(TypedDriverOption.CONNECTION_CONNECT_TIMEOUT, connectTimeout);
        options.put(TypedDriverOption.CONTROL_CONNECTION_TIMEOUT, connectTimeout);
        options.put(TypedDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, connectTimeout);
        options.put(TypedDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, connectTimeout);
        options.put(TypedDriverOption.REQUEST_PAGE_SIZE, 1000);
        // a pool to the nodes of other data centres too: without one the driver never connects to
        // them, leaves them UNKNOWN and cannot ask them for their health (the Nodes tab); LOCAL_*
        // requests still stay local
        options.put(TypedDriverOption.LOAD_BALANCING_DC_FAILOVER_MAX_NODES_PER_REMOTE_DC, REMOTE_NODES_PER_DC);
        // close at once: the driver's default waits 2 s for late tasks on each event-loop group,
        // which every CLI command paid before it could exit
        options.put(TypedDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0);
        // the admin group waits 100 ms, not 0: the session's close is a task on that group, and the
        // closing thread adds a listener to it right after; a group already gone by then made Netty
        // log "Failed to submit a listener notification task" with a stack trace
        options.put(TypedDriverOption.NETTY_ADMIN_SHUTDOWN_UNIT, "MILLISECONDS");
        options.put(TypedDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 100);
        options.put(TypedDriverOption.NETTY_ADMIN_SHUTDOWN_TIMEOUT, 15_000);
        // microseconds without the native clock the default generator loads on the session's start
        options.put(TypedDriverOption.TIMESTAMP_GENERATOR_CLASS, MicrosTimestampGenerator.class.getName());
        return options;
    }

    /** Credentials (as {@code char[]} through an auth provider), TLS and keyspace of the profile. */
    void secure(CqlSessionBuilder builder) {
        ConnectionProfile.Cassandra settings = profile.cassandra();
        if (ConnectionProfile.present(settings.username())) {
            builder.withAuthProvider(new SecretAuthProvider(settings.username(),
                    () -> secret(SecretKind.CASSANDRA_PASSWORD)));
        }
        if (settings.tls().enabled()) {
            builder.withSslContext(sslContext(settings.tls(), SecretKind.CASSANDRA_KEY_STORE));
        }
        if (ConnectionProfile.present(settings.keyspace())) {
            builder.withKeyspace(settings.keyspace());
        }
    }

    public synchronized JedisPooled redis() {
        if (redis == null) {
            if (redisIsCluster()) {
                throw new RingsideException("Profile '" + profile.name() + "' names a Redis Cluster; the data services "
                        + "need a single Redis server (the key browser, keys, evict and ttl work on a cluster)");
            }
            if (tunnel() != null) {
                tunnel().connect();
            }
            redis = redisIsSentinel() ? new JedisPooled(sentinelConnections())
                    : tunnel() != null && !profile.redis().tls().enabled() ? new JedisPooled(new ConnectionFactory(
                            tunnelChannels(endpoints.redisHost(), endpoints.redisPort()), redisConfig(2000, 2000)))
                    : new JedisPooled(new HostAndPort(endpoints.redisHost(), endpoints.redisPort()), redisConfig(2000, 2000));
        }
        return redis;
    }

    /**
     * Connections to {@code host:port} that are channels of the profile's tunnel, written and read
     * by the client's own thread: the data services' Redis reads pay the SSH session alone, not a
     * local forward's listener and pump threads as well (TLS connections keep the forward, which
     * the TLS socket factory layers over).
     */
    private JedisSocketFactory tunnelChannels(String host, int port) {
        SshTunnel through = tunnel();
        return () -> {
            try {
                return through.channelSocket(host, port);
            } catch (RuntimeException e) {
                throw new JedisConnectionException("Redis " + host + ":" + port + " through the SSH tunnel: "
                        + e.getMessage(), e);
            }
        };
    }

    /** Whether the profile names sentinels, whom the master is asked of. */
    public boolean redisIsSentinel() {
        return !profile.redis().sentinels().isEmpty();
    }

    /**
     * The server Redis commands go to now: for a sentinel profile the master the sentinels name
     * (after a failover, the promoted replica), which opens the client; else the profile's server.
     *
     * @throws BackendUnavailableException when the sentinels were never reached and none answers now
     */
    public RedisMaster redisMaster() {
        if (!redisIsSentinel()) {
            return new RedisMaster(endpoints.redisHost(), endpoints.redisPort(), null);
        }
        SentinelConnections connections;
        synchronized (this) {
            redis();
            connections = sentinelConnections;
        }
        try {
            HostAndPort master = connections.currentMaster();
            return new RedisMaster(master.getHost(), master.getPort(), profile.redis().sentinelMaster());
        } catch (redis.clients.jedis.exceptions.JedisException e) {
            throw new BackendUnavailableException(e.getMessage(), e);
        }
    }

    private SentinelConnections sentinelConnections() {
        String master = profile.redis().sentinelMaster();
        if (!ConnectionProfile.present(master)) {
            throw new RingsideException("Profile '" + profile.name() + "' names Redis sentinels but no master name; "
                    + "set the name the sentinels monitor (sentinel monitor <name> ...)");
        }
        sentinelConnections = new SentinelConnections(master, redisConfig(2000, 2000),
                new java.util.LinkedHashSet<>(redisSentinels()), sentinelConfig(2000, 2000));
        return sentinelConnections;
    }

    /** The profile's sentinels ({@code host:port}, port 26379 when left out), in the profile's order. */
    public List<HostAndPort> redisSentinels() {
        return jedisAddresses(profile.redis().sentinels(), SENTINEL_PORT);
    }

    private static List<HostAndPort> jedisAddresses(List<String> servers, int defaultPort) {
        return servers.stream().map(server -> address(server, defaultPort))
                .map(a -> new HostAndPort(a.getHostString(), a.getPort())).toList();
    }

    /**
     * The client configuration of the sentinels: the profile's TLS and timeouts, the sentinels' own
     * password when they ask for one, no database and never the master's login.
     */
    JedisClientConfig sentinelConfig(int connectMillis, int socketMillis) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(connectMillis).socketTimeoutMillis(socketMillis);
        ConnectionProfile.Tls tls = profile.redis().tls();
        if (tls.enabled()) {
            config.ssl(true).sslSocketFactory(sslContext(tls, SecretKind.REDIS_KEY_STORE).getSocketFactory());
        }
        if (profile.redis().sentinelAuth()) {
            // AUTH <password>: a sentinel's requirepass has no user of its own
            config.credentialsProvider(() -> new DefaultRedisCredentials(null, secret(SecretKind.REDIS_SENTINEL_PASSWORD)));
        }
        throughTunnel(config);
        return config.build();
    }

    /** Whether the profile names a Redis Cluster (cluster seeds) rather than one server. */
    public boolean redisIsCluster() {
        return !profile.redis().clusterSeeds().isEmpty();
    }

    /** The profile's Redis Cluster seeds ({@code host:port}, port 6379 when left out). */
    public List<HostAndPort> redisClusterSeeds() {
        return jedisAddresses(profile.redis().clusterSeeds(), 6379);
    }

    /**
     * A client of the profile's Redis Cluster, routing each key's command to the master of its
     * slot; for the key admin of a cluster profile (the data services need a single server).
     */
    public synchronized JedisCluster redisCluster() {
        if (!redisIsCluster()) {
            throw new RingsideException("Profile '" + profile.name() + "' names a single Redis server, not a cluster");
        }
        if (redisCluster == null) {
            redisCluster = new JedisCluster(new java.util.HashSet<>(redisClusterSeeds()), redisClientConfig());
        }
        return redisCluster;
    }

    /** The client configuration of this profile's Redis, for connections of a caller's own (a cluster's masters). */
    public JedisClientConfig redisClientConfig() {
        return redisConfig(2000, 2000);
    }

    /** The client configuration of this profile's Redis: timeouts, ACL user, database, TLS. */
    DefaultJedisClientConfig redisConfig(int connectMillis, int socketMillis) {
        ConnectionProfile.Redis settings = profile.redis();
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(connectMillis).socketTimeoutMillis(socketMillis)
                .database(settings.database());
        if (ConnectionProfile.present(settings.username())) {
            String user = settings.username();
            config.credentialsProvider(() -> new DefaultRedisCredentials(user, secret(SecretKind.REDIS_PASSWORD)));
        }
        if (settings.tls().enabled()) {
            config.ssl(true).sslSocketFactory(sslContext(settings.tls(), SecretKind.REDIS_KEY_STORE).getSocketFactory());
        }
        throughTunnel(config);
        return config.build();
    }

    /** Every server Jedis connects to (a cluster's masters, sentinels) through a forward of its own. */
    private void throughTunnel(DefaultJedisClientConfig.Builder config) {
        SshTunnel through = tunnel();
        if (through != null) {
            config.hostAndPortMapper(server -> {
                InetSocketAddress local = through.forward(server.getHost(), server.getPort());
                return new HostAndPort(local.getHostString(), local.getPort());
            });
        }
    }

    /**
     * Base properties for Kafka clients of this profile: bootstrap servers, and for a secured
     * cluster the security protocol, the SASL login (the password through
     * {@link SaslCredentialsHandler}, as {@code char[]}) and TLS files. Kafka takes a client
     * key-store password only as a configuration value: it stays in this map in memory, never on disk.
     */
    public Map<String, Object> kafkaProperties() {
        ConnectionProfile.Kafka settings = profile.kafka();
        String bootstrap = kafkaBootstrap();
        if (!settings.sasl() && !settings.tls().enabled()) {
            return Map.of("bootstrap.servers", bootstrap);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("security.protocol", (settings.sasl() ? "SASL_" : "") + (settings.tls().enabled() ? "SSL" : "PLAINTEXT"));
        if (settings.sasl()) {
            String mechanism = settings.saslMechanism().trim().toUpperCase(java.util.Locale.ROOT);
            String module = mechanism.startsWith("SCRAM") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                    : "org.apache.kafka.common.security.plain.PlainLoginModule";
            properties.put("sasl.mechanism", mechanism);
            properties.put("sasl.jaas.config", module + " required;");
            properties.put("sasl.client.callback.handler.class", SaslCredentialsHandler.class.getName());
            properties.put(SaslCredentialsHandler.CREDENTIALS, new SaslCredentialsHandler.Credentials(
                    settings.username() == null ? "" : settings.username(), () -> secret(SecretKind.KAFKA_PASSWORD)));
        }
        ConnectionProfile.Tls tls = settings.tls();
        if (tls.enabled()) {
            if (ConnectionProfile.present(tls.trustFile())) {
                String name = tls.trustFile().toLowerCase(java.util.Locale.ROOT);
                properties.put("ssl.truststore.type", name.endsWith(".jks") ? "JKS"
                        : name.endsWith(".p12") || name.endsWith(".pfx") ? "PKCS12" : "PEM");
                properties.put("ssl.truststore.location", tls.trustFile());
            }
            if (tls.hasClientCert()) {
                properties.put("ssl.keystore.type", "PKCS12");
                properties.put("ssl.keystore.location", tls.clientCertFile());
                properties.put("ssl.keystore.password", new String(secret(SecretKind.KAFKA_KEY_STORE)));
            }
        }
        return Map.copyOf(properties);
    }

    /**
     * The bootstrap servers as clients of this profile reach them: as named, or through the tunnel,
     * each one a forward that also rewrites the brokers' advertised addresses to forwards (see
     * {@code KafkaBrokerRewriter}), which needs Kafka's bytes in the clear.
     */
    private String kafkaBootstrap() {
        SshTunnel through = tunnel();
        if (through == null || endpoints.kafkaBootstrap() == null) {
            return endpoints.kafkaBootstrap();
        }
        if (profile.kafka().tls().enabled()) {
            throw new RingsideException("Profile '" + profile.name() + "': Kafka over TLS cannot go through the SSH "
                    + "tunnel (the brokers' addresses in their answers must be rewritten to the tunnel's forwards); "
                    + "use a PLAINTEXT or SASL_PLAINTEXT listener behind the jump host");
        }
        List<String> forwards = new java.util.ArrayList<>();
        for (String server : endpoints.kafkaBootstrap().split(",")) {
            if (!server.isBlank()) {
                InetSocketAddress target = address(server, 9092);
                InetSocketAddress local = through.kafkaForward(target.getHostString(), target.getPort());
                forwards.add(local.getHostString() + ":" + local.getPort());
            }
        }
        return String.join(",", forwards);
    }

    javax.net.ssl.SSLContext sslContext(ConnectionProfile.Tls tls, SecretKind keyStoreSecret) {
        char[] password = tls.hasClientCert() ? secret(keyStoreSecret) : null;
        try {
            return TlsContexts.of(tls, password);
        } finally {
            TlsContexts.wipe(password);
        }
    }

    /** A secret of this profile; a missing one is an error naming the profile and what is missing. */
    char[] secret(SecretKind kind) {
        return secrets.get(profile.id(), kind).orElseThrow(() -> new RingsideException("No " + kind.label()
                + " for profile '" + profile.name() + "' (" + secrets.description() + ")"));
    }

    /** Hands the driver a fresh {@code char[]} copy of the password for every connection it opens. */
    private static final class SecretAuthProvider extends PlainTextAuthProviderBase {

        private final String username;
        private final java.util.function.Supplier<char[]> password;

        SecretAuthProvider(String username, java.util.function.Supplier<char[]> password) {
            super("ringside");
            this.username = username;
            this.password = password;
        }

        @Override
        protected Credentials getCredentials(EndPoint endPoint, String serverAuthenticator) {
            return new Credentials(username.toCharArray(), password.get());
        }
    }

    @Override
    public synchronized void close() {
        if (cql != null) {
            cql.close();
            cql = null;
        }
        if (redis != null) {
            redis.close();
            redis = null;
            sentinelConnections = null;
        }
        if (redisCluster != null) {
            redisCluster.close();
            redisCluster = null;
        }
        synchronized (tunnelLock) {
            if (tunnel != null) {
                tunnel.close();
                tunnel = null;
            }
        }
    }
}
