package io.ringside.core.stack;

import io.ringside.core.BuildInfo;
import io.ringside.core.Executables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.DefaultRedisCredentials;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A {@code redis-server} from the PATH if there is one, else the real binary shipped inside the
 * {@code embedded-redis} jar (extracted once to the cache folder). It runs behind a small shell
 * wrapper that kills it when its stdin closes, since redis-server itself does not watch stdin.
 * Persistence is off: this Redis is a cache in front of Cassandra, and a restart starts it cold.
 */
final class RedisServer extends ManagedServer {

    private static final Map<List<Object>, String> VERSION_LINES = new ConcurrentHashMap<>();

    /** Stops redis-server when the parent's pipe closes, the parent having died or asked. */
    private static final String WRAPPER =
            "\"$@\" </dev/null & r=$!; cat >/dev/null; kill -TERM $r 2>/dev/null; wait $r";
    /** The version in {@code redis-server --version}'s line, {@code Redis server v=6.2.11 sha=...}. */
    private static final Pattern VERSION = Pattern.compile("\\bv=(\\S+)");

    private final Supplier<StackState.Redis> spec;
    private final ServerArtifacts artifacts;
    private final Path cacheFolder;
    private final List<String> extraArgs;
    private final StackSecurity security;
    /** A sentinel's configuration, written afresh at every start; null for a data server. */
    private final String sentinelConfig;
    private volatile boolean tls;

    /**
     * A node of the local Redis Cluster ({@code stack up --redis-cluster}); its cluster state lives
     * in its home. A node unreachable for {@value #CLUSTER_NODE_TIMEOUT_MS} ms counts as failed, so a
     * stopped master's replica takes over within seconds, and a replica takes over however far
     * behind it is (validity factor 0): in a drill an available cluster matters more than a few
     * writes lost.
     */
    static RedisServer clusterNode(int index, Path home, Supplier<StackState.Redis> spec, ServerArtifacts artifacts,
                                   Path cacheFolder) {
        return new RedisServer("redis-cluster-" + index, home, spec, artifacts, cacheFolder, List.of(
                "--cluster-enabled", "yes",
                "--cluster-config-file", home.resolve("data").resolve("nodes.conf").toString(),
                "--cluster-node-timeout", Integer.toString(CLUSTER_NODE_TIMEOUT_MS),
                "--cluster-replica-validity-factor", "0"), null);
    }

    static final int CLUSTER_NODE_TIMEOUT_MS = 2000;
    /** Servers start side by side (a cluster's six nodes): one of them extracts the embedded binary. */
    private static final Object EXTRACTION = new Object();

    /** The Sentinel group's replica ({@code stack up --redis-sentinel}) of the server at {@code master}. */
    static RedisServer replica(Path home, Supplier<StackState.Redis> spec, String masterHost, int masterPort,
                               ServerArtifacts artifacts, Path cacheFolder) {
        return new RedisServer("redis-replica", home, spec, artifacts, cacheFolder,
                List.of("--replicaof", masterHost, Integer.toString(masterPort)), null);
    }

    /**
     * Sentinel {@code index} of the Sentinel group: the same binary in sentinel mode, with a
     * configuration file of its own (a sentinel must be able to rewrite it, recording what it learns).
     */
    static RedisServer sentinel(int index, Path home, Supplier<StackState.Redis> spec, String config,
                                ServerArtifacts artifacts, Path cacheFolder) {
        return new RedisServer("redis-sentinel-" + index, home, spec, artifacts, cacheFolder, List.of(), null, config);
    }
    private Path binary;

    /** @param security the secure stack's credentials and certificates, or null for a plain server */
    RedisServer(Path home, Supplier<StackState.Redis> spec, ServerArtifacts artifacts, Path cacheFolder,
                StackSecurity security) {
        this("redis", home, spec, artifacts, cacheFolder, List.of(), security);
    }

    /** A server of another name with further {@code redis-server} arguments, e.g. {@code --cluster-enabled yes}. */
    RedisServer(String name, Path home, Supplier<StackState.Redis> spec, ServerArtifacts artifacts, Path cacheFolder,
                List<String> extraArgs, StackSecurity security) {
        this(name, home, spec, artifacts, cacheFolder, extraArgs, security, null);
    }

    private RedisServer(String name, Path home, Supplier<StackState.Redis> spec, ServerArtifacts artifacts,
                        Path cacheFolder, List<String> extraArgs, StackSecurity security, String sentinelConfig) {
        super(name, home);
        this.security = security;
        this.sentinelConfig = sentinelConfig;
        this.spec = spec;
        this.artifacts = artifacts;
        this.cacheFolder = cacheFolder;
        this.extraArgs = List.copyOf(extraArgs);
    }

    Path binary() {
        return binary;
    }

    /** Where this server listens, as the stack's state has it. */
    StackState.Redis spec() {
        return spec.get();
    }

    /** Whether this server speaks TLS: on a secure stack, when its binary was built with TLS. */
    boolean tls() {
        return tls;
    }

    @Override
    void prepare(ProgressReporter progress) {
        Optional<Path> installed = onPath();
        binary = installed.orElseGet(() -> extractEmbedded(progress));
        progress.report(StackEvent.Phase.CONFIGURING, "using " + describe(installed.isEmpty(),
                versionLine(binary)));
        tls = security != null && supportsTls(binary);
        try {
            OwnerOnly.folder(home().resolve("data"));
            OwnerOnly.folder(home().resolve("logs"));
            if (sentinelConfig != null) {
                StackSecurity.writePrivate(sentinelConfigFile(), sentinelConfig);
            }
            if (security != null) {
                progress.report(StackEvent.Phase.CONFIGURING, tls ? "ACL user " + security.username() + ", TLS"
                        : "ACL user " + security.username() + "; this redis-server has no TLS built in, so no TLS");
                StackSecurity.writePrivate(aclConfig(), String.join("\n",
                        "# Generated by Ringside for the secure local stack. Rewritten at every start.",
                        "user default off",
                        "user " + security.username() + " on >" + security.passwordText() + " ~* &* +@all",
                        ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + home(), e);
        }
    }

    /** Where a sentinel keeps its configuration, which it rewrites with what it learns. */
    Path sentinelConfigFile() {
        return home().resolve("conf").resolve("sentinel.conf");
    }

    private Path aclConfig() {
        return home().resolve("conf").resolve("secure.conf");
    }

    /**
     * Whether a redis-server binary was built with TLS. Redis compiles its TLS directives and
     * messages only into such builds, so their text in the binary tells without starting it.
     */
    static boolean supportsTls(Path binary) {
        byte[] marker = "tls-cert-file".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(binary), 1 << 16)) {
            int matched = 0;
            int b;
            while ((b = in.read()) >= 0) {
                matched = b == marker[matched] ? matched + 1 : (b == marker[0] ? 1 : 0);
                if (matched == marker.length) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What {@code redis-server --version} printed, asked once per binary file as it is (path, size,
     * time modified): a Redis Cluster's six servers start from one binary, and asking at each start
     * spawned a process per server for the same line. A failed answer is not kept.
     */
    static String versionLine(Path binary) {
        List<Object> stamp;
        try {
            stamp = List.of(binary.toAbsolutePath(), Files.size(binary), Files.getLastModifiedTime(binary));
        } catch (IOException e) {
            return "";
        }
        String known = VERSION_LINES.get(stamp);
        if (known != null) {
            return known;
        }
        String line = Executables.output(List.of(binary.toString(), "--version"), Duration.ofSeconds(10)).orElse("");
        if (!line.isEmpty()) {
            VERSION_LINES.put(stamp, line);
        }
        return line;
    }

    /**
     * The binary as the stack's events name it, {@code embedded redis-server 6.2.11} or
     * {@code redis-server 7.0.15 from the PATH}: without its folder, which for the embedded one is
     * under the user's home and made every picture of the Local stack page show a machine path.
     * The path is in {@code stack.json} ({@code redis.binary}).
     *
     * @param versionOutput what {@code redis-server --version} printed ({@code Redis server v=6.2.11 sha=...}), or ""
     */
    static String describe(boolean embedded, String versionOutput) {
        Matcher version = VERSION.matcher(versionOutput);
        String named = version.find() ? "redis-server " + version.group(1) : "redis-server";
        return embedded ? "embedded " + named : named + " from the PATH";
    }

    static Optional<Path> onPath() {
        return Executables.onPath("redis-server");
    }

    private Path extractEmbedded(ProgressReporter progress) {
        synchronized (EXTRACTION) {
            return extractEmbeddedOnce(progress);
        }
    }

    /**
     * Extracts the jar's binary as {@code redis/embedded-redis-<jar version>/redis-server}: the
     * resource names carry a Redis version that is not what the binary is (the linux-amd64 one,
     * named 6.2.6, is 6.2.11), and the path is shown in {@code stack.json}. The server's
     * version the stack shows is what it says itself ({@link #version()}, INFO).
     */
    private Path extractEmbeddedOnce(ProgressReporter progress) {
        String resource = embeddedResourceName();
        Path target = cacheFolder.resolve("redis")
                .resolve("embedded-redis-" + BuildInfo.get("server.embedded-redis.version"))
                .resolve("redis-server");
        if (Files.isExecutable(target)) {
            return target;
        }
        Path jar = artifacts.embeddedRedis(progress::detail);
        progress.detail("extracting " + resource);
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            ZipEntry entry = jarFile.getEntry(resource);
            if (entry == null) {
                throw new StackException("No redis-server on PATH, and " + jar + " has no binary " + resource
                        + " for this platform; install redis-server (e.g. apt-get install redis-server)");
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "redis-server", ".tmp");
            try (InputStream in = jarFile.getInputStream(entry)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new StackException("Cannot extract redis-server from " + jar + ": " + e.getMessage(), e);
        }
    }

    private static String embeddedResourceName() {
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch").toLowerCase();
        boolean arm = arch.contains("aarch64") || arch.contains("arm64");
        if (os.contains("mac")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        if (os.contains("linux")) {
            return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        }
        throw new StackException("No embedded redis-server for " + os + "/" + arch + "; install redis-server on PATH");
    }

    @Override
    List<String> command() {
        StackState.Redis redis = spec.get();
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", "-c", WRAPPER, "ringside-redis",
                binary.toString()));
        if (sentinelConfig != null) {
            command.addAll(List.of(sentinelConfigFile().toString(), "--sentinel",
                    "--port", Integer.toString(redis.port()), "--bind", redis.host(),
                    "--logfile", serverLog().toString()));
            return command;
        }
        if (security != null) {
            command.add(aclConfig().toString());
        }
        if (tls) {
            command.addAll(List.of("--port", "0", "--tls-port", Integer.toString(redis.port()),
                    "--tls-cert-file", security.serverCertificatePem().toString(),
                    "--tls-key-file", security.serverKeyPem().toString(),
                    "--tls-ca-cert-file", security.caFile().toString(),
                    "--tls-auth-clients", "no"));
        } else {
            command.addAll(List.of("--port", Integer.toString(redis.port())));
        }
        command.addAll(List.of(
                "--bind", redis.host(),
                "--save", "",
                "--appendonly", "no",
                "--dir", home().resolve("data").toString(),
                "--logfile", home().resolve("logs/redis.log").toString(),
                "--maxmemory", "1gb",
                "--maxmemory-policy", "allkeys-lru"));
        command.addAll(extraArgs);
        return command;
    }

    @Override
    Path serverLog() {
        return home().resolve(sentinelConfig == null ? "logs/redis.log" : "logs/sentinel.log");
    }

    @Override
    List<Milestone> milestones() {
        return sentinelConfig == null ? List.of(Milestone.of("Ready to accept connections", "accepting connections"))
                : List.of(Milestone.of("\\+monitor master", "monitoring the master"));
    }

    @Override
    boolean probe() {
        return version() != null;
    }

    /** {@code redis_version} from INFO through a real client (as the stack's user on a secure stack), or null. */
    String version() {
        StackState.Redis redis = spec.get();
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(2000).socketTimeoutMillis(2000);
        if (security != null) {
            String user = security.username();
            config.credentialsProvider(() -> new DefaultRedisCredentials(user, security.password()));
        }
        if (tls) {
            config.ssl(true).sslSocketFactory(security.sslContext().getSocketFactory());
        }
        try (Jedis jedis = new Jedis(new HostAndPort(redis.host(), redis.port()), config.build())) {
            if (!"PONG".equals(jedis.ping())) {
                return null;
            }
            return jedis.info("server").lines()
                    .filter(l -> l.startsWith("redis_version:"))
                    .map(l -> l.substring("redis_version:".length()).trim())
                    .findFirst().orElse("unknown");
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    java.time.Duration stopGrace() {
        return java.time.Duration.ofSeconds(10);
    }
}
