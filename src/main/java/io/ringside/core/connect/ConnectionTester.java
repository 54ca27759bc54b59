package io.ringside.core.connect;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.ringside.core.RingsideException;
import io.ringside.core.connect.ssh.SshHopException;
import io.ringside.core.connect.ssh.SshTunnel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;

/**
 * "Test connection": opens a fresh client per backend with short timeouts, asks for the server's
 * version, and classifies a failure as unreachable, authentication failed, TLS failed or timeout,
 * naming the endpoint. A plain TCP connect comes first because Kafka's client never reports a
 * refused connection (it retries until its timeout), and it tells "nothing listens" from "it
 * listens but does not answer" for all three alike. The status bar's health poll uses the same check.
 * Through an SSH tunnel the hops are logged in to first and a failing one is named with its
 * reason (unreachable, timeout, host key, authentication); the TCP connect becomes a forward the
 * last hop is asked to open, which it refuses when nothing listens there.
 */
public final class ConnectionTester {

    private final Duration timeout;

    public ConnectionTester(Duration timeout) {
        this.timeout = timeout;
    }

    public List<ConnectionCheck> checkAll(Backends backends) {
        return checkAll(backends, null);
    }

    /**
     * Like {@link #checkAll(Backends)}, but Cassandra and Redis are asked through the long-lived
     * clients of {@code pooled} when given: a periodic health check must not open a driver session
     * every few seconds.
     */
    public List<ConnectionCheck> checkAll(Backends backends, Backends pooled) {
        List<ConnectionCheck> checks = new ArrayList<>();
        for (Backend backend : Backend.values()) {
            checks.add(check(backends, backend, pooled));
        }
        return List.copyOf(checks);
    }

    public ConnectionCheck check(Backends backends, Backend backend) {
        return check(backends, backend, null);
    }

    private ConnectionCheck check(Backends backends, Backend backend, Backends pooled) {
        Backends.Endpoints endpoints = backends.endpoints();
        List<InetSocketAddress> targets = switch (backend) {
            case CASSANDRA -> endpoints.cassandra();
            case REDIS -> backends.redisIsSentinel() ? backends.redisSentinels().stream()
                    .map(s -> InetSocketAddress.createUnresolved(s.getHost(), s.getPort())).toList()
                    : endpoints.redisHost() == null ? List.of()
                    : List.of(InetSocketAddress.createUnresolved(endpoints.redisHost(), endpoints.redisPort()));
            case KAFKA -> endpoints.kafkaBootstrap() == null ? List.of() : java.util.Arrays.stream(
                    endpoints.kafkaBootstrap().split(",")).filter(s -> !s.isBlank())
                    .map(s -> Backends.address(s, 9092)).toList();
        };
        if (targets.isEmpty()) {
            return new ConnectionCheck(backend, "(none)", FailureKind.MISCONFIGURED, "the profile names no endpoint",
                    Duration.ZERO);
        }
        long start = System.nanoTime();
        SshTunnel tunnel = backends.tunnel();
        if (tunnel != null) {
            try {
                tunnel.connect();
            } catch (SshHopException e) {
                return new ConnectionCheck(backend, describe(targets), kindOf(e), e.getMessage(), Duration.ZERO);
            }
        }
        InetSocketAddress reachable = null;
        Exception tcpFailure = null;
        for (InetSocketAddress target : targets) {
            try {
                if (tunnel == null) {
                    tcpConnect(target);
                } else {
                    tunnel.probe(target.getHostString(), target.getPort());
                }
                reachable = target;
                break;
            } catch (IOException | SshHopException e) {
                tcpFailure = e;
            }
        }
        boolean viaSentinels = backend == Backend.REDIS && backends.redisIsSentinel();
        String endpoint = reachable == null ? (viaSentinels ? "sentinels " : "") + describe(targets) : hostPort(reachable);
        if (reachable == null) {
            return failed(backend, endpoint, tcpFailure);
        }
        if (viaSentinels) {
            return masterOfSentinels(backends, pooled, reachable, start);
        }
        try {
            String version = switch (backend) {
                case CASSANDRA -> pooled == null ? cassandraVersion(backends) : version(pooled.cql());
                // a cluster profile has no single pooled client: its seed is asked directly
                case REDIS -> pooled == null || pooled.redisIsCluster() ? redisVersion(backends, reachable)
                        : redisVersion(pooled.redis());
                case KAFKA -> kafkaCluster(backends);
            };
            return new ConnectionCheck(backend, endpoint, null, version, Duration.ofNanos(System.nanoTime() - start));
        } catch (Exception e) {
            ConnectionCheck failed = failed(backend, endpoint, e);
            boolean unexplained = failed.failure() == FailureKind.FAILED || failed.failure() == FailureKind.TIMEOUT;
            if (unexplained && tunnel == null && !tlsEnabled(backends.profile(), backend)
                    && TlsProbe.speaksTls(reachable, (int) timeout.toMillis())) {
                return new ConnectionCheck(backend, endpoint, FailureKind.TLS_FAILED, "the server expects TLS; "
                        + "enable TLS for " + backend.label() + " in the profile (" + failed.detail() + ")", Duration.ZERO);
            }
            return failed;
        }
    }

    /**
     * A sentinel profile's Redis is its master: the answering sentinel is asked which server that
     * is (the pooled client's current master when given), and that server is tested, so a test or
     * the status bar never reports a sentinel's version as the master's. A failure names the hop:
     * the sentinel (its password, a master name it does not monitor) or the master.
     */
    private ConnectionCheck masterOfSentinels(Backends backends, Backends pooled, InetSocketAddress sentinel, long start) {
        String name = backends.profile().redis().sentinelMaster();
        String asked = "sentinel " + hostPort(sentinel);
        HostAndPort master;
        try {
            master = pooled != null ? pooledMaster(pooled) : askSentinel(backends, sentinel, name);
        } catch (Exception e) {
            return failed(Backend.REDIS, asked, e);
        }
        if (master == null) {
            return new ConnectionCheck(Backend.REDIS, asked, FailureKind.MISCONFIGURED,
                    "the sentinels monitor no master named '" + name + "'", Duration.ZERO);
        }
        String endpoint = new RedisMaster(master.getHost(), master.getPort(), name).describe();
        InetSocketAddress address = InetSocketAddress.createUnresolved(master.getHost(), master.getPort());
        try {
            SshTunnel tunnel = backends.tunnel();
            if (tunnel == null) {
                tcpConnect(address);
            } else {
                tunnel.probe(master.getHost(), master.getPort());
            }
            String version = pooled == null ? redisVersion(backends, address) : redisVersion(pooled.redis());
            return new ConnectionCheck(Backend.REDIS, endpoint, null, version, Duration.ofNanos(System.nanoTime() - start));
        } catch (Exception e) {
            return failed(Backend.REDIS, endpoint, e);
        }
    }

    private static HostAndPort pooledMaster(Backends pooled) {
        RedisMaster master = pooled.redisMaster();
        return new HostAndPort(master.host(), master.port());
    }

    /** The master's address as the sentinel names it now, or null when it monitors no master of that name. */
    private HostAndPort askSentinel(Backends backends, InetSocketAddress sentinel, String name) {
        if (!ConnectionProfile.present(name)) {
            throw new RingsideException("No sentinel master name in the profile (the name the sentinels monitor)");
        }
        int millis = (int) timeout.toMillis();
        try (Jedis jedis = new Jedis(new HostAndPort(sentinel.getHostString(), sentinel.getPort()),
                backends.sentinelConfig(millis, millis))) {
            List<String> address = jedis.sentinelGetMasterAddrByName(name);
            return address == null || address.size() < 2 ? null : new HostAndPort(address.get(0), Integer.parseInt(address.get(1)));
        }
    }

    private static boolean tlsEnabled(ConnectionProfile profile, Backend backend) {
        return switch (backend) {
            case CASSANDRA -> profile.cassandra().tls().enabled();
            case REDIS -> profile.redis().tls().enabled();
            case KAFKA -> profile.kafka().tls().enabled();
        };
    }

    private void tcpConnect(InetSocketAddress target) throws IOException {
        InetSocketAddress resolved = target.isUnresolved() ? new InetSocketAddress(target.getHostString(), target.getPort())
                : target;
        if (resolved.isUnresolved()) {
            throw new UnknownHostException("unknown host " + target.getHostString());
        }
        try (Socket socket = new Socket()) {
            socket.connect(resolved, (int) timeout.toMillis());
        }
    }

    private String cassandraVersion(Backends backends) {
        try (CqlSession session = backends.openSession(timeout, timeout)) {
            return version(session);
        }
    }

    private String version(CqlSession session) {
        Row row = session.execute(SimpleStatement.newInstance("SELECT release_version FROM system.local")
                .setTimeout(timeout).setIdempotent(true)).one();
        return row == null ? "" : row.getString("release_version");
    }

    private static String redisVersion(redis.clients.jedis.UnifiedJedis redis) {
        redis.ping();
        return serverVersion(redis.info("server"));
    }

    private static String serverVersion(String info) {
        return info.lines().filter(line -> line.startsWith("redis_version:"))
                .map(line -> line.substring("redis_version:".length()).trim()).findFirst().orElse("");
    }

    private String redisVersion(Backends backends, InetSocketAddress target) {
        int millis = (int) timeout.toMillis();
        try (Jedis jedis = new Jedis(new HostAndPort(target.getHostString(), target.getPort()),
                backends.redisConfig(millis, millis))) {
            jedis.ping();
            return serverVersion(jedis.info("server"));
        }
    }

    private String kafkaCluster(Backends backends) throws Exception {
        Map<String, Object> properties = new java.util.HashMap<>(backends.kafkaProperties());
        int millis = (int) timeout.toMillis();
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        properties.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) millis);
        properties.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) millis);
        properties.put(AdminClientConfig.RETRIES_CONFIG, 0);
        try (Admin admin = Admin.create(properties)) {
            try {
                return "cluster " + admin.describeCluster().clusterId().get(millis + 1000L, TimeUnit.MILLISECONDS);
            } finally {
                admin.close(Duration.ZERO);
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static ConnectionCheck failed(Backend backend, String endpoint, Exception error) {
        FailureKind kind = classify(error);
        return new ConnectionCheck(backend, endpoint, kind, rootMessage(error), Duration.ZERO);
    }

    /** The most telling cause anywhere in the chain (driver errors carry one list per node). */
    static FailureKind classify(Throwable error) {
        List<Throwable> chain = chain(error);
        for (Throwable t : chain) {
            if (t instanceof SshHopException hop) {
                return kindOf(hop);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SSLException || t instanceof SslAuthenticationException) {
                return FailureKind.TLS_FAILED;
            }
        }
        for (Throwable t : chain) {
            String message = String.valueOf(t.getMessage()).toUpperCase(Locale.ROOT);
            if (t instanceof com.datastax.oss.driver.api.core.auth.AuthenticationException
                    || t instanceof JedisAccessControlException || t instanceof SaslAuthenticationException
                    || message.contains("WRONGPASS") || message.contains("NOAUTH")) {
                return FailureKind.AUTH_FAILED;
            }
        }
        for (Throwable t : chain) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return FailureKind.UNREACHABLE;
            }
        }
        for (Throwable t : chain) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException || t instanceof DriverTimeoutException
                    || message.contains("timed out") || message.contains("timeout")) {
                return FailureKind.TIMEOUT;
            }
        }
        for (Throwable t : chain) {
            if (t instanceof RingsideException && String.valueOf(t.getMessage()).startsWith("No ")) {
                return FailureKind.MISCONFIGURED;
            }
        }
        return FailureKind.FAILED;
    }

    /** The failure kind of a tunnel hop; its message names the hop. */
    static FailureKind kindOf(SshHopException e) {
        return switch (e.reason()) {
            case UNREACHABLE -> FailureKind.UNREACHABLE;
            case TIMEOUT -> FailureKind.TIMEOUT;
            case HOST_KEY_UNKNOWN, HOST_KEY_CHANGED -> FailureKind.HOST_KEY;
            case AUTH -> FailureKind.AUTH_FAILED;
            case KEY_FILE -> FailureKind.MISCONFIGURED;
            case FORWARD_REFUSED -> FailureKind.FORWARD_REFUSED;
            case FAILED -> FailureKind.FAILED;
        };
    }

    private static List<Throwable> chain(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> ordered = new ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(error);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            ordered.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
            if (t instanceof AllNodesFailedException all) {
                all.getAllErrors().values().forEach(todo::addAll);
            }
        }
        return ordered;
    }

    private static String rootMessage(Throwable error) {
        List<Throwable> chain = chain(error);
        for (Throwable t : chain) {
            if (t instanceof SshHopException hop) {
                return hop.getMessage();
            }
        }
        Throwable deepest = chain.get(chain.size() - 1);
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static String describe(List<InetSocketAddress> targets) {
        return String.join(",", targets.stream().map(ConnectionTester::hostPort).toList());
    }
}
