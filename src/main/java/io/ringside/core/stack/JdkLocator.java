package io.ringside.core.stack;

import io.ringside.core.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK that Cassandra 5.0 runs on (11 or 17; it fails on JDKs without the Security
 * Manager): the running JVM, then {@code JAVA_HOME}, then the JDKs in the usual system folder.
 * The error lists every candidate tried and its version, because "no suitable JDK" alone leaves
 * an operator guessing.
 */
public final class JdkLocator {

    private static final Pattern VERSION = Pattern.compile("version \"(\\d+)(?:\\.(\\d+))?");
    private static final List<Integer> SUPPORTED = List.of(17, 11);

    private final Map<String, String> env;
    private final List<Path> systemFolders;
    private final int runningFeature;
    private final Path runningJava;

    public JdkLocator() {
        this(System.getenv(), List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java")),
                Runtime.version().feature(), Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    JdkLocator(Map<String, String> env, List<Path> systemFolders, int runningFeature, Path runningJava) {
        this.env = env;
        this.systemFolders = systemFolders;
        this.runningFeature = runningFeature;
        this.runningJava = runningJava;
    }

    /** The {@code java} executable to start Cassandra with. */
    public Path javaForCassandra() {
        List<String> tried = new ArrayList<>();
        if (SUPPORTED.contains(runningFeature) && Files.isExecutable(runningJava)) {
            return runningJava;
        }
        tried.add(runningJava + " (the running JVM, Java " + runningFeature + ")");
        String javaHome = env.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            Optional<Path> found = check(Path.of(javaHome, "bin", "java"), tried, "JAVA_HOME");
            if (found.isPresent()) {
                return found.get();
            }
        }
        for (Path folder : systemFolders) {
            if (!Files.isDirectory(folder)) {
                tried.add(folder + " (no such folder)");
                continue;
            }
            List<Path> homes;
            try (Stream<Path> list = Files.list(folder)) {
                homes = list.filter(p -> Files.isExecutable(p.resolve("bin/java")))
                        .sorted(Comparator.comparing(Path::toString))
                        .toList();
            } catch (IOException e) {
                tried.add(folder + " (unreadable: " + e.getMessage() + ")");
                continue;
            }
            for (Path home : homes) {
                Optional<Path> found = check(home.resolve("bin/java"), tried, null);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new StackException("Cassandra 5.0 needs a Java 17 or 11 runtime and none was found. Tried: "
                + String.join("; ", tried) + ". Install a JDK 17 (e.g. apt-get install openjdk-17-jre-headless) "
                + "or point JAVA_HOME at one.");
    }

    private Optional<Path> check(Path java, List<String> tried, String label) {
        String prefix = label == null ? java.toString() : java + " (" + label + ")";
        if (!Files.isExecutable(java)) {
            tried.add(prefix + ": not executable");
            return Optional.empty();
        }
        Optional<Integer> version = featureVersion(java);
        if (version.isEmpty()) {
            tried.add(prefix + ": version unknown");
            return Optional.empty();
        }
        if (SUPPORTED.contains(version.get())) {
            return Optional.of(java);
        }
        tried.add(prefix + ": Java " + version.get());
        return Optional.empty();
    }

    static Optional<Integer> parseFeature(String versionOutput) {
        Matcher m = VERSION.matcher(versionOutput);
        if (!m.find()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(m.group(1));
        if (major == 1 && m.group(2) != null) {
            major = Integer.parseInt(m.group(2));
        }
        return Optional.of(major);
    }

    private static Optional<Integer> featureVersion(Path java) {
        return Executables.output(List.of(java.toString(), "-version"), Duration.ofSeconds(20))
                .flatMap(JdkLocator::parseFeature);
    }
}
