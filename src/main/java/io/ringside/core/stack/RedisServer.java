package io.ringside.core.stack;

import io.ringside.core.Executables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import redis.clients.jedis.Jedis;

/**
 * A {@code redis-server} from the PATH if there is one, else the real binary shipped inside the
 * {@code embedded-redis} jar (extracted once to the cache folder). It runs behind a small shell
 * wrapper that kills it when its stdin closes, since redis-server itself does not watch stdin.
 * Persistence is off: this Redis is a cache in front of Cassandra, and a restart starts it cold.
 */
final class RedisServer extends ManagedServer {

    /** Stops redis-server when the parent's pipe closes, the parent having died or asked. */
    private static final String WRAPPER =
            "\"$@\" </dev/null & r=$!; cat >/dev/null; kill -TERM $r 2>/dev/null; wait $r";

    private final Supplier<StackState.Redis> spec;
    private final ServerArtifacts artifacts;
    private final Path cacheFolder;
    private final List<String> extraArgs;

    /** A master of the local Redis Cluster ({@code stack up --redis-cluster}); its cluster state lives in its home. */
    static RedisServer clusterNode(int index, Path home, Supplier<StackState.Redis> spec, ServerArtifacts artifacts,
                                   Path cacheFolder) {
        return new RedisServer("redis-cluster-" + index, home, spec, artifacts, cacheFolder, List.of(
                "--cluster-enabled", "yes",
                "--cluster-config-file", home.resolve("data").resolve("nodes.conf").toString(),
                "--cluster-node-timeout", "5000"));
    }
    private Path binary;

    RedisServer(Path home, Supplier<StackState.Redis> spec, ServerArtifacts artifacts, Path cacheFolder) {
        this("redis", home, spec, artifacts, cacheFolder, List.of());
    }

    /** A server of another name with further {@code redis-server} arguments, e.g. {@code --cluster-enabled yes}. */
    RedisServer(String name, Path home, Supplier<StackState.Redis> spec, ServerArtifacts artifacts, Path cacheFolder,
                List<String> extraArgs) {
        super(name, home);
        this.spec = spec;
        this.artifacts = artifacts;
        this.cacheFolder = cacheFolder;
        this.extraArgs = List.copyOf(extraArgs);
    }

    Path binary() {
        return binary;
    }

    @Override
    void prepare(ProgressReporter progress) {
        binary = onPath().orElseGet(() -> extractEmbedded(progress));
        progress.report(StackEvent.Phase.CONFIGURING, "using " + binary);
        try {
            Files.createDirectories(home().resolve("data"));
            Files.createDirectories(home().resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + home(), e);
        }
    }

    static Optional<Path> onPath() {
        return Executables.onPath("redis-server");
    }

    private Path extractEmbedded(ProgressReporter progress) {
        String resource = embeddedResourceName();
        Path target = cacheFolder.resolve("redis").resolve(resource);
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
                binary.toString(),
                "--port", Integer.toString(redis.port()),
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
        return home().resolve("logs/redis.log");
    }

    @Override
    List<Milestone> milestones() {
        return List.of(Milestone.of("Ready to accept connections", "accepting connections"));
    }

    @Override
    boolean probe() {
        return version(spec.get().host(), spec.get().port()) != null;
    }

    /** {@code redis_version} from INFO through a real client, or null if Redis does not answer. */
    static String version(String host, int port) {
        try (Jedis jedis = new Jedis(host, port, 2000)) {
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
