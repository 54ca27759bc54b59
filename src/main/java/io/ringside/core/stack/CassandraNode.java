package io.ringside.core.stack;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One Cassandra 5.0 node: {@code CassandraDaemon} from the {@code cassandra-all} jars in a child
 * JVM on a JDK 17, with a generated {@code cassandra.yaml} and {@code logback.xml}. The JPMS
 * flags are those of Cassandra's own {@code jvm17-server.options}. Local-only speed-ups (short
 * ring delay, no wait for gossip to settle) are applied because this is never a production node.
 */
final class CassandraNode extends ManagedServer {

    static final String CLUSTER_NAME = "ringside-local";

    private static final List<String> JDK17_FLAGS = List.of(
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-exports", "java.management/com.sun.jmx.remote.security=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED");

    private final Supplier<StackState.CassandraNode> spec;
    private final String seed;
    private final StackOptions options;
    private final ServerArtifacts artifacts;
    private final Path watchdogFolder;
    private final StackSecurity security;
    private List<Path> classpath;
    private Path javaExecutable;
    private volatile boolean loginDeferred;

    /** @param security the secure stack's credentials and key store, or null for a plain node */
    CassandraNode(Path home, Supplier<StackState.CassandraNode> spec, String seed, StackOptions options,
                  ServerArtifacts artifacts, Path watchdogFolder, StackSecurity security) {
        super("cassandra-" + spec.get().id(), home);
        this.security = security;
        this.spec = spec;
        this.seed = seed;
        this.options = options;
        this.artifacts = artifacts;
        this.watchdogFolder = watchdogFolder;
    }

    @Override
    void prepare(ProgressReporter progress) {
        classpath = artifacts.cassandra(progress::detail);
        javaExecutable = new JdkLocator().javaForCassandra();
        progress.report(StackEvent.Phase.CONFIGURING, "writing cassandra.yaml");
        try {
            for (String dir : List.of("conf", "data", "commitlog", "saved_caches", "hints", "cdc_raw", "logs")) {
                OwnerOnly.folder(home().resolve(dir));
            }
            StackSecurity.writePrivate(home().resolve("conf/cassandra.yaml"), yaml());
            StackSecurity.writePrivate(home().resolve("conf/logback.xml"), logback());
            StackSecurity.writePrivate(rackdcFile(), DatacenterLayout.rackdcProperties(spec.get()));
            if (security != null) {
                StackSecurity.writePrivate(jmxPasswordFile(), security.username() + " " + security.passwordText() + "\n");
                StackSecurity.writePrivate(nodetoolPasswordFile(), security.username() + " " + security.passwordText() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write configuration of " + name() + " in " + home(), e);
        }
    }

    private String yaml() {
        StackState.CassandraNode node = spec.get();
        return String.join("\n",
                "# Generated by Ringside for a local, single-machine node. Rewritten at every start.",
                "cluster_name: '" + CLUSTER_NAME + "'",
                "num_tokens: 16",
                "allocate_tokens_for_local_replication_factor: 2",
                "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
                security == null ? "authenticator: AllowAllAuthenticator" : "authenticator: PasswordAuthenticator",
                "authorizer: AllowAllAuthorizer",
                "auth_read_consistency_level: LOCAL_ONE",
                clientEncryption(),
                "data_file_directories:",
                "  - " + quoted(home().resolve("data")),
                "commitlog_directory: " + quoted(home().resolve("commitlog")),
                "saved_caches_directory: " + quoted(home().resolve("saved_caches")),
                "hints_directory: " + quoted(home().resolve("hints")),
                "cdc_raw_directory: " + quoted(home().resolve("cdc_raw")),
                "commitlog_sync: periodic",
                "commitlog_sync_period: 10000ms",
                "seed_provider:",
                "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
                "    parameters:",
                "      - seeds: \"" + seed + "\"",
                "listen_address: " + node.address(),
                "rpc_address: " + node.address(),
                "storage_port: " + node.storagePort(),
                "native_transport_port: " + node.port(),
                "start_native_transport: true",
                "endpoint_snitch: " + (DatacenterLayout.namesOwnDatacenter(node) ? DatacenterLayout.SNITCH_DCS
                        : DatacenterLayout.SNITCH_ONE_DC),
                "concurrent_reads: 8",
                "concurrent_writes: 8",
                "concurrent_counter_writes: 8",
                "concurrent_compactors: 1",
                "disk_failure_policy: stop",
                "commit_failure_policy: stop",
                "");
    }

    /** TLS required on the CQL port of a secure node (no plain-text clients: {@code optional: false}). */
    private String clientEncryption() {
        if (security == null) {
            return "client_encryption_options:\n  enabled: false";
        }
        return String.join("\n",
                "client_encryption_options:",
                "  enabled: true",
                "  optional: false",
                "  keystore: " + quoted(security.serverKeyStore()),
                "  keystore_password: '" + security.keyStorePassword() + "'",
                "  truststore: " + quoted(security.trustStore()),
                "  truststore_password: '" + security.trustStorePassword() + "'",
                "  store_type: PKCS12",
                "  require_client_auth: false");
    }

    private static String quoted(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private String logback() {
        Path logs = home().resolve("logs");
        return """
                <configuration scan="false">
                  <appender name="FILE" class="ch.qos.logback.core.rolling.RollingFileAppender">
                    <file>%s/system.log</file>
                    <rollingPolicy class="ch.qos.logback.core.rolling.FixedWindowRollingPolicy">
                      <fileNamePattern>%s/system.log.%%i.zip</fileNamePattern>
                      <minIndex>1</minIndex>
                      <maxIndex>3</maxIndex>
                    </rollingPolicy>
                    <triggeringPolicy class="ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy">
                      <maxFileSize>20MB</maxFileSize>
                    </triggeringPolicy>
                    <encoder><pattern>%%-5level [%%thread] %%date{ISO8601} %%F:%%L - %%msg%%n</pattern></encoder>
                  </appender>
                  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                    <filter class="ch.qos.logback.classic.filter.ThresholdFilter"><level>WARN</level></filter>
                    <encoder><pattern>%%-5level [%%thread] %%date{ISO8601} %%F:%%L - %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="INFO">
                    <appender-ref ref="FILE"/>
                    <appender-ref ref="STDOUT"/>
                  </root>
                </configuration>
                """.formatted(logs, logs);
    }

    @Override
    List<String> command() {
        StackState.CassandraNode node = spec.get();
        Path jamm = classpath.stream().filter(p -> p.getFileName().toString().startsWith("jamm-")).findFirst()
                .orElseThrow(() -> new StackException("jamm jar missing from the Cassandra classpath"));
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable.toString());
        cmd.add("-Xms" + options.cassandraHeapMb() + "m");
        cmd.add("-Xmx" + options.cassandraHeapMb() + "m");
        cmd.addAll(List.of("-Xss256k", "-XX:+UseG1GC", "-XX:+ParallelRefProcEnabled", "-XX:MaxGCPauseMillis=300",
                "-Djava.net.preferIPv4Stack=true", "-Djdk.attach.allowAttachSelf=true",
                "-Dio.netty.tryReflectionSetAccessible=true", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:+PerfDisableSharedMem", "-javaagent:" + jamm));
        cmd.addAll(JDK17_FLAGS);
        cmd.add("-Dcassandra.config=" + home().resolve("conf/cassandra.yaml").toUri());
        cmd.add("-Dcassandra.storagedir=" + home().resolve("data"));
        cmd.add("-Dcassandra.logdir=" + home().resolve("logs"));
        cmd.add("-Dlogback.configurationFile=" + home().resolve("conf/logback.xml"));
        cmd.add("-Dcassandra-foreground=yes");
        cmd.add("-Dcassandra-rackdc.properties=" + rackdcFile().toUri());
        cmd.add("-Dcassandra.jmx.local.port=" + node.jmxPort());
        cmd.add("-Dcom.sun.management.jmxremote.rmi.port=" + node.jmxPort());
        if (security != null) {
            cmd.add("-Dcom.sun.management.jmxremote.authenticate=true");
            cmd.add("-Dcom.sun.management.jmxremote.password.file=" + jmxPasswordFile());
        }
        if (options.localSpeedUps()) {
            cmd.add("-Dcassandra.ring_delay_ms=5000");
            cmd.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
            cmd.add("-Dcassandra.superuser_setup_delay_ms=0");
        }
        cmd.add("-cp");
        List<Path> full = new ArrayList<>();
        full.add(WatchdogJar.ensure(watchdogFolder));
        full.addAll(classpath);
        cmd.add(full.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        cmd.add("io.ringside.core.stack.watchdog.StdinWatchdog");
        cmd.add("org.apache.cassandra.service.CassandraDaemon");
        return cmd;
    }

    /**
     * The JMX users of a secure node, as the JDK reads them ({@code user password}); the JDK
     * replaces the password with a salted hash at the first login, so nodetool gets a copy of its own.
     * JMX stays on 127.0.0.1 ({@code cassandra.jmx.local.port}) without TLS: its RMI sockets would
     * need the key-store password as a JVM-wide system property.
     */
    private Path jmxPasswordFile() {
        return home().resolve("conf/jmxremote.password");
    }

    /** The node's data centre and rack, read by GossipingPropertyFileSnitch (SimpleSnitch ignores it). */
    private Path rackdcFile() {
        return home().resolve("conf/cassandra-rackdc.properties");
    }

    /** nodetool's {@code -pwf} file ({@code user password}), so the password is on no command line. */
    private Path nodetoolPasswordFile() {
        return home().resolve("conf/nodetool.password");
    }

    @Override
    Path serverLog() {
        return home().resolve("logs/system.log");
    }

    @Override
    List<Milestone> milestones() {
        return List.of(
                Milestone.of("Replaying .*commit", "replaying commit log"),
                Milestone.of("Starting Messaging Service", "opening storage port"),
                Milestone.of("Starting up server gossip", "starting gossip"),
                Milestone.of("JOINING: waiting for ring information", "joining the ring"),
                Milestone.of("JOINING: Starting to bootstrap", "bootstrapping data"),
                Milestone.of("state jump to NORMAL", "joined the ring"),
                Milestone.of("Starting listening for CQL clients", "opening CQL port"));
    }

    /**
     * Ready once the stack's user reads {@code release_version}. The stack's role is created (as
     * the built-in superuser) only when the node answered CQL and refused that user, which is the
     * first secure start; a node still starting, or one that fails otherwise, is just probed again.
     */
    @Override
    boolean probe() {
        StackState.CassandraNode node = spec.get();
        if (!PortAllocator.isListening(node.address(), node.port())) {
            return false;
        }
        try {
            return queryReleaseVersion() != null;
        } catch (RuntimeException e) {
            if (security == null || !refusedLogin(e)) {
                return false;
            }
            return createRole() && releaseVersion() != null || loginDeferred;
        }
    }

    /**
     * Counts a node as started once its CQL port answers, even with the login refused, until
     * {@link #awaitLogin} is called. For a secure ring whose other nodes had joined before: the roles
     * may live on a node that starts after this one (a plain two-node folder started with
     * {@code --secure} has {@code system_auth} at one replica), so a login cannot succeed before they
     * are up, and waiting for it here would wait for ever.
     */
    void deferLogin() {
        loginDeferred = true;
    }

    /** Waits until the stack's user logs in (creating its role if it has none yet); see {@link #deferLogin}. */
    void awaitLogin(Duration timeout) {
        loginDeferred = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!probe()) {
            if (System.nanoTime() > deadline) {
                throw new StackException(name() + ": the user " + security.username() + " could not log in within "
                        + timeout.toSeconds() + " s of every node being up. Last lines of " + serverLog() + ":\n  "
                        + String.join("\n  ", LogTail.last(serverLog(), 12)));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException(name() + ": waiting for the login was interrupted");
            }
        }
    }

    /** {@code release_version} of the node through a real CQL session (over TLS as the stack's user when secure), or null. */
    String releaseVersion() {
        try {
            return queryReleaseVersion();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String queryReleaseVersion() {
        try (CqlSession session = login(spec.get()).get()) {
            Row row = session.execute("SELECT release_version FROM system.local").one();
            return row == null ? null : row.getString(0);
        }
    }

    /** Whether the driver's failure is the node's answer that the login was refused. */
    private static boolean refusedLogin(RuntimeException failure) {
        if (failure instanceof AllNodesFailedException all) {
            return all.getAllErrors().values().stream().flatMap(List::stream)
                    .anyMatch(AuthenticationException.class::isInstance);
        }
        return failure instanceof AuthenticationException;
    }

    /**
     * First start of a secure stack: the built-in {@code cassandra}/{@code cassandra} superuser
     * (available at once thanks to {@code superuser_setup_delay_ms=0}) creates the stack's own
     * superuser role with the generated password, which then takes the built-in one's login away.
     * Cassandra keeps the role in {@code system_auth}, so later starts find it.
     *
     * @return whether the role now exists; false while the node is not ready for it yet
     */
    private boolean createRole() {
        StackState.CassandraNode node = spec.get();
        String password = security.passwordText();
        try (CqlSession session = session(node, "cassandra", "cassandra").get()) {
            session.execute("CREATE ROLE IF NOT EXISTS " + security.username() + " WITH PASSWORD = '" + password
                    + "' AND LOGIN = true AND SUPERUSER = true");
        } catch (RuntimeException e) {
            return false;
        }
        try (CqlSession session = session(node, security.username(), password).get()) {
            session.execute("ALTER ROLE cassandra WITH LOGIN = false");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Raises {@code system_auth} to {@code replicas} on a secure stack of several nodes (Cassandra
     * leaves it at 1): with one copy of the roles, losing the node holding them locks the stack's
     * user out. Logins read the roles at {@code LOCAL_ONE} (see {@code cassandra.yaml} above), so
     * one node answers them alone.
     *
     * @return whether the replication factor was raised now (false when it already was)
     */
    boolean replicateAuth(int replicas) {
        return raiseReplication("system_auth", replicas);
    }

    /**
     * Raises a {@code SimpleStrategy} keyspace to {@code replicas} copies through this node.
     *
     * @return whether it was raised now (false when it does not exist or already has as many)
     */
    boolean raiseReplication(String keyspace, int replicas) {
        int factor = replicationFactor(keyspace);
        if (factor == 0 || factor >= replicas) {
            return false;
        }
        alterReplication(keyspace, "{'class': 'SimpleStrategy', 'replication_factor': " + replicas + "}");
        return true;
    }

    /** {@code ALTER KEYSPACE keyspace WITH replication = replication} through this node. */
    void alterReplication(String keyspace, String replication) {
        try (CqlSession session = login(spec.get()).get()) {
            session.execute(SimpleStatement.newInstance("ALTER KEYSPACE " + keyspace + " WITH replication = "
                    + replication).setTimeout(Duration.ofSeconds(60)));
        }
    }

    /** The {@code SimpleStrategy} replication factor of a keyspace; 0 when it does not exist or uses another strategy. */
    int replicationFactor(String keyspace) {
        String factor = replication(keyspace).get("replication_factor");
        return factor == null ? 0 : Integer.parseInt(factor);
    }

    /** A keyspace's replication options ({@code class} and factors) as the schema has them; empty when it does not exist. */
    java.util.Map<String, String> replication(String keyspace) {
        StackState.CassandraNode node = spec.get();
        try (CqlSession session = login(node).get()) {
            Row row = session.execute(SimpleStatement.newInstance(
                    "SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace)).one();
            return row == null ? java.util.Map.of() : row.getMap(0, String.class, String.class);
        }
    }

    int jmxPort() {
        return spec.get().jmxPort();
    }

    private Supplier<CqlSession> login(StackState.CassandraNode node) {
        return security == null ? session(node, null, null) : session(node, security.username(), security.passwordText());
    }

    /**
     * {@code nodetool repair -full keyspace} through this node's JMX port, in a child JVM on the
     * node's JDK: what Cassandra needs after a replication factor is raised on nodes that had
     * already joined (a node joining later streams its copy while it bootstraps).
     */
    void repair(String keyspace, Duration timeout) {
        StackState.CassandraNode node = spec.get();
        List<String> cmd = new ArrayList<>(List.of(javaExecutable.toString(), "-Xmx256m"));
        cmd.addAll(JDK17_FLAGS);
        cmd.add("-Dlogback.configurationFile=" + home().resolve("conf/logback.xml"));
        cmd.add("-Dcassandra.logdir=" + home().resolve("logs"));
        cmd.add("-cp");
        cmd.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        cmd.addAll(List.of("org.apache.cassandra.tools.NodeTool", "-h", "127.0.0.1", "-p",
                Integer.toString(node.jmxPort())));
        if (security != null) {
            cmd.addAll(List.of("-u", security.username(), "-pwf", nodetoolPasswordFile().toString()));
        }
        cmd.addAll(List.of("repair", "-full", keyspace));
        Path log = home().resolve("logs/repair.log");
        OwnerOnly.file(log);
        try {
            Process process = new ProcessBuilder(OwnerOnly.underPrivateUmask(cmd)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new StackException("nodetool repair of " + keyspace + " on " + name() + " did not finish within "
                        + timeout.toSeconds() + " s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new StackException("nodetool repair of " + keyspace + " on " + name() + " failed (exit "
                        + process.exitValue() + "):\n" + String.join("\n", LogTail.last(log, 15)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run nodetool repair for " + name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("nodetool repair of " + keyspace + " on " + name() + " was interrupted");
        }
    }

    private Supplier<CqlSession> session(StackState.CassandraNode node, String username, String password) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(10))
                .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
                .build();
        return () -> {
            var builder = CqlSession.builder()
                    .addContactPoint(new InetSocketAddress(node.address(), node.port()))
                    .withLocalDatacenter(node.datacenterName())
                    .withConfigLoader(config);
            if (security != null) {
                builder.withSslContext(security.sslContext()).withAuthCredentials(username, password);
            }
            return builder.build();
        };
    }
}
