package io.ringside.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * Versions fixed at build time (filtered from the POM), so the CLI, the About box and the local
 * stack agree on which server versions this build starts.
 */
public final class BuildInfo {

    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    public static String version() {
        return get("version");
    }

    /** The abbreviated git commit of the build, with {@code -dirty} for uncommitted changes; {@code unknown} outside git. */
    public static String commit() {
        String commit = get("commit");
        return Boolean.parseBoolean(get("dirty")) ? commit + "-dirty" : commit;
    }

    public static String cassandraVersion() {
        return get("server.cassandra.version");
    }

    public static String kafkaVersion() {
        return get("server.kafka.version");
    }

    /**
     * What this build is and works with: version and commit, the JVM, the client drivers and the
     * servers the local stack starts. One list for {@code --version} and the About dialog, so they
     * never disagree.
     */
    public static List<String> versionLines() {
        return List.of(
                "Ringside " + version() + " (build " + commit() + ")",
                "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                "Drivers: java-driver-core " + get("cassandra.driver.version")
                        + ", Jedis " + get("jedis.version")
                        + ", kafka-clients " + get("kafka.clients.version")
                        + ", JavaFX " + get("javafx.version"),
                "Local stack servers: Cassandra " + cassandraVersion()
                        + ", Kafka " + kafkaVersion()
                        + ", Redis (redis-server on PATH, else embedded-redis " + get("server.embedded-redis.version") + ")");
    }

    /**
     * The JVM options every launcher of the console passes (installer, {@code mvn javafx:run}); the
     * memory a listing of a million keys takes depends on them, so {@code bench keys} says whether
     * it runs with them.
     */
    public static List<String> consoleJvmOptions() {
        return List.of(get("console.jvm.options").trim().split("\\s+"));
    }

    public static String get(String key) {
        String value = PROPERTIES.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("build.properties has no " + key);
        }
        return value;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/ringside/build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
