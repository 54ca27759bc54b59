package io.ringside.core.stack;

import io.ringside.core.BuildInfo;
import io.ringside.core.DataFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves the server jars of the local stack (Cassandra, Kafka, the embedded Redis binary) from
 * Maven Central on first use, the way JBang does: into the Maven local repository, with transitive
 * dependencies, so they never share the console's classpath (Cassandra and Kafka bring their own
 * Netty, Guava and logging). This is what makes {@code mvn javafx:run}, which stops at
 * {@code process-classes}, and the installed app work alike. The resolved classpath is remembered
 * in the cache folder, so later starts need no network and no POM parsing.
 */
public final class ServerArtifacts {

    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Path localRepository;
    private final Path classpathCache;
    private final String remoteUrl;

    public ServerArtifacts() {
        this(defaultLocalRepository(), DataFolder.cache().resolve("classpaths"), remoteUrl());
    }

    ServerArtifacts(Path localRepository, Path classpathCache, String remoteUrl) {
        this.localRepository = localRepository;
        this.classpathCache = classpathCache;
        this.remoteUrl = remoteUrl;
    }

    public List<Path> cassandra(Consumer<String> progress) {
        String version = BuildInfo.cassandraVersion();
        return resolve("cassandra-" + version, List.of("org.apache.cassandra:cassandra-all:" + version), true, progress);
    }

    public List<Path> kafka(Consumer<String> progress) {
        String log4j = BuildInfo.get("server.log4j.version");
        return resolve("kafka-" + BuildInfo.kafkaVersion(), List.of(
                "org.apache.kafka:kafka_2.13:" + BuildInfo.kafkaVersion(),
                "org.apache.logging.log4j:log4j-slf4j-impl:" + log4j,
                "org.apache.logging.log4j:log4j-core:" + log4j), true, progress);
    }

    /** The embedded-redis jar alone: it carries real redis-server binaries as resources. */
    public Path embeddedRedis(Consumer<String> progress) {
        String version = BuildInfo.get("server.embedded-redis.version");
        return resolve("embedded-redis-" + version,
                List.of("com.github.codemonstur:embedded-redis:" + version), false, progress).get(0);
    }

    /**
     * A third-party tool with its transitive runtime dependencies (e.g. a benchmark baseline),
     * resolved and cached like the servers, for a JVM of its own.
     */
    public List<Path> tool(String name, List<String> coordinates, Consumer<String> progress) {
        return resolve(name, coordinates, true, progress);
    }

    private synchronized List<Path> resolve(String name, List<String> coordinates, boolean transitive,
                                            Consumer<String> progress) {
        Path cached = classpathCache.resolve(name + ".classpath");
        List<Path> known = readCached(cached);
        if (!known.isEmpty()) {
            return known;
        }
        progress.accept("resolving " + name + " from Maven Central into " + localRepository);
        List<Path> jars = transitive ? resolveTransitive(coordinates, progress) : resolveSingle(coordinates, progress);
        try {
            Files.createDirectories(classpathCache);
            Path tmp = cached.resolveSibling(cached.getFileName() + ".tmp");
            Files.write(tmp, jars.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
            Files.move(tmp, cached, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + cached, e);
        }
        return jars;
    }

    private List<Path> resolveTransitive(List<String> coordinates, Consumer<String> progress) {
        RepositorySystem system = new RepositorySystemSupplier().get();
        try {
            DefaultRepositorySystemSession session = session(system, progress);
            CollectRequest collect = new CollectRequest();
            for (String coordinate : coordinates) {
                collect.addDependency(new Dependency(new DefaultArtifact(coordinate), JavaScopes.RUNTIME));
            }
            collect.setRepositories(List.of(remote()));
            DependencyRequest request = new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
                if ("jar".equals(result.getArtifact().getExtension()) && result.getArtifact().getFile() != null) {
                    jars.add(result.getArtifact().getFile().toPath().toAbsolutePath());
                }
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw new StackException("Cannot fetch " + String.join(", ", coordinates) + " from " + remoteUrl
                    + " into " + localRepository + ": " + e.getMessage(), e);
        } finally {
            system.shutdown();
        }
    }

    private List<Path> resolveSingle(List<String> coordinates, Consumer<String> progress) {
        RepositorySystem system = new RepositorySystemSupplier().get();
        try {
            DefaultRepositorySystemSession session = session(system, progress);
            List<Path> jars = new ArrayList<>();
            for (String coordinate : coordinates) {
                var request = new org.eclipse.aether.resolution.ArtifactRequest(
                        new DefaultArtifact(coordinate), List.of(remote()), null);
                jars.add(system.resolveArtifact(session, request).getArtifact().getFile().toPath().toAbsolutePath());
            }
            return jars;
        } catch (org.eclipse.aether.resolution.ArtifactResolutionException e) {
            throw new StackException("Cannot fetch " + String.join(", ", coordinates) + " from " + remoteUrl
                    + ": " + e.getMessage(), e);
        } finally {
            system.shutdown();
        }
    }

    private DefaultRepositorySystemSession session(RepositorySystem system, Consumer<String> progress) {
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
        Properties sys = new Properties();
        sys.putAll(System.getProperties());
        session.setSystemProperties(sys);
        AtomicInteger files = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        AtomicLong lastReport = new AtomicLong();
        session.setTransferListener(new AbstractTransferListener() {
            @Override
            public void transferSucceeded(TransferEvent event) {
                int n = files.incrementAndGet();
                long total = bytes.addAndGet(event.getTransferredBytes());
                long now = System.nanoTime();
                long last = lastReport.get();
                // a few hundred small files arrive within seconds: report twice a second at most
                if (now - last > 500_000_000L && lastReport.compareAndSet(last, now)) {
                    progress.accept(String.format("downloaded %d files, %.1f MB", n, total / 1e6));
                }
            }
        });
        return session;
    }

    private RemoteRepository remote() {
        RemoteRepository.Builder builder = new RemoteRepository.Builder("central", "default", remoteUrl);
        SystemTrust.resolverAuthentication().ifPresent(builder::setAuthentication);
        return builder.build();
    }

    private static List<Path> readCached(Path cached) {
        if (!Files.isRegularFile(cached)) {
            return List.of();
        }
        try {
            List<Path> jars = Files.readAllLines(cached, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).map(Path::of).toList();
            return !jars.isEmpty() && jars.stream().allMatch(Files::isRegularFile) ? jars : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    static Path defaultLocalRepository() {
        String property = System.getProperty("maven.repo.local");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("RINGSIDE_MAVEN_LOCAL");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static String remoteUrl() {
        String env = System.getenv("RINGSIDE_MAVEN_REMOTE");
        return env == null || env.isBlank() ? CENTRAL : env;
    }
}
