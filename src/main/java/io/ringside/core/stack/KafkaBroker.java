package io.ringside.core.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * One Kafka 4.x KRaft broker+controller in a child JVM: the stack's only one, or one of a quorum of
 * {@value StackOptions#MULTI_BROKERS} ({@code --kafka-brokers 3}) where every broker is also a
 * controller, so three JVMs carry both roles and the quorum outlives one of them down. Storage is
 * formatted once with the cluster id kept in the state file; a data folder whose
 * {@code meta.properties} names another cluster is reported, never reformatted. The controller
 * quorum is given as static voters so a controller port that had to move (taken by something else)
 * does not invalidate the metadata log.
 */
final class KafkaBroker extends ManagedServer {

    private final int id;
    private final Supplier<StackState.Kafka> spec;
    private final ServerArtifacts artifacts;
    private final Path watchdogFolder;
    private final StackSecurity security;
    private List<Path> classpath;
    /** Each of several brokers gets half the single broker's heap: three share two cores and the machine's memory. */
    static final int MULTI_BROKER_HEAP_MB = 256;

    /** @param security the secure stack's credentials and key store, or null for a plain broker */
    KafkaBroker(Path home, Supplier<StackState.Kafka> spec, ServerArtifacts artifacts, Path watchdogFolder,
                StackSecurity security) {
        this("kafka", 1, home, spec, artifacts, watchdogFolder, security);
    }

    /** Broker {@code id} of a multi-broker Kafka, named {@code name} in events and drills. */
    KafkaBroker(String name, int id, Path home, Supplier<StackState.Kafka> spec, ServerArtifacts artifacts,
                Path watchdogFolder, StackSecurity security) {
        super(name, home);
        this.id = id;
        this.security = security;
        this.spec = spec;
        this.artifacts = artifacts;
        this.watchdogFolder = watchdogFolder;
    }

    int id() {
        return id;
    }

    @Override
    void prepare(ProgressReporter progress) {
        classpath = artifacts.kafka(progress::detail);
        progress.report(StackEvent.Phase.CONFIGURING, "writing server.properties");
        StackState.Kafka kafka = spec.get();
        try {
            for (String dir : List.of("conf", "data", "logs")) {
                OwnerOnly.folder(home().resolve(dir));
            }
            StackSecurity.writePrivate(home().resolve("conf/server.properties"), properties(kafka));
            StackSecurity.writePrivate(home().resolve("conf/log4j2.xml"), log4j());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write Kafka configuration in " + home(), e);
        }
        Path meta = home().resolve("data/meta.properties");
        if (Files.exists(meta)) {
            String existing = clusterIdIn(meta);
            if (!kafka.clusterId().equals(existing)) {
                throw new StackException("Kafka data folder " + home().resolve("data") + " belongs to cluster id "
                        + existing + " but the state file names " + kafka.clusterId()
                        + ". Nothing was changed; restore the matching state file or move the folder away.");
            }
            return;
        }
        progress.report(StackEvent.Phase.CONFIGURING, "formatting storage (cluster id " + kafka.clusterId() + ")");
        List<String> format = new ArrayList<>(javaPrefix());
        format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", kafka.clusterId(),
                "-c", home().resolve("conf/server.properties").toString()));
        ServerProcess.runToCompletion("kafka storage format", format, home(), home().resolve("logs/format.log"),
                Duration.ofSeconds(120));
    }

    private static String clusterIdIn(Path meta) {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(meta)) {
            properties.load(in);
        } catch (IOException e) {
            throw new StackException("Cannot read " + meta + ": " + e.getMessage(), e);
        }
        String id = properties.getProperty("cluster.id");
        if (id == null) {
            throw new StackException(meta + " has no cluster.id; the Kafka data folder looks corrupt and was left untouched");
        }
        return id;
    }

    private String properties(StackState.Kafka kafka) {
        String host = kafka.host();
        List<StackState.KafkaBroker> brokers = kafka.brokerList();
        StackState.KafkaBroker self = kafka.broker(id);
        int replication = brokers.size();
        int minIsr = replication > 1 ? 2 : 1;
        String voters = brokers.stream().map(b -> b.id() + "@" + host + ":" + b.controllerPort())
                .collect(Collectors.joining(","));
        return String.join("\n",
                "# Generated by Ringside for a local KRaft cluster of " + replication
                        + (replication == 1 ? " node" : " nodes") + ". Rewritten at every start.",
                "process.roles=broker,controller",
                "node.id=" + id,
                "controller.quorum.voters=" + voters,
                "listeners=" + listener() + "://" + host + ":" + self.port() + ",CONTROLLER://" + host + ":"
                        + self.controllerPort(),
                "advertised.listeners=" + listener() + "://" + host + ":" + self.port(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=" + listener(),
                "listener.security.protocol.map=CONTROLLER:" + listener() + "," + listener() + ":" + listener(),
                secureListener(),
                "log.dirs=" + home().resolve("data"),
                "num.partitions=1",
                "num.network.threads=2",
                "num.io.threads=" + (replication > 1 ? 2 : 4),
                "default.replication.factor=" + replication,
                "min.insync.replicas=" + minIsr,
                "offsets.topic.replication.factor=" + replication,
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=" + replication,
                "transaction.state.log.min.isr=" + minIsr,
                "share.coordinator.state.topic.replication.factor=" + replication,
                "share.coordinator.state.topic.min.isr=" + minIsr,
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=16777216",
                "log.retention.hours=168",
                "auto.create.topics.enable=true",
                "");
    }

    private String listener() {
        return security == null ? "PLAINTEXT" : StackSecurity.KAFKA_SECURITY_PROTOCOL;
    }

    /**
     * SASL PLAIN over TLS for clients and the broker itself (inter-broker traffic uses the same
     * listener, logging in as the stack's user); the users are listed in the broker's JAAS line.
     * The KRaft controller listener is SASL_SSL too: an Admin client given
     * {@code bootstrap.controllers} can alter configs there (the audit topic's retention), so it
     * takes the same login; the broker's own controller client logs in with the username and
     * password of that listener's JAAS line ({@code sasl.mechanism.controller.protocol}).
     */
    private String secureListener() {
        if (security == null) {
            return "";
        }
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + security.username() + "\" password=\"" + security.passwordText() + "\" user_" + security.username()
                + "=\"" + security.passwordText() + "\";";
        return String.join("\n",
                "sasl.enabled.mechanisms=" + StackSecurity.SASL_MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + StackSecurity.SASL_MECHANISM,
                "sasl.mechanism.controller.protocol=" + StackSecurity.SASL_MECHANISM,
                "listener.name.sasl_ssl.plain.sasl.jaas.config=" + jaas,
                "listener.name.controller.sasl.enabled.mechanisms=" + StackSecurity.SASL_MECHANISM,
                "listener.name.controller.plain.sasl.jaas.config=" + jaas,
                "ssl.keystore.type=PKCS12",
                "ssl.keystore.location=" + security.serverKeyStore().toAbsolutePath(),
                "ssl.keystore.password=" + security.keyStorePassword(),
                "ssl.key.password=" + security.keyStorePassword(),
                "ssl.truststore.type=PKCS12",
                "ssl.truststore.location=" + security.trustStore().toAbsolutePath(),
                "ssl.truststore.password=" + security.trustStorePassword(),
                "ssl.client.auth=none");
    }

    private String log4j() {
        Path logs = home().resolve("logs");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="WARN">
                  <Appenders>
                    <RollingFile name="FILE" fileName="%s/server.log" filePattern="%s/server.log.%%i">
                      <PatternLayout pattern="[%%d] %%p %%m (%%c)%%n"/>
                      <Policies><SizeBasedTriggeringPolicy size="20 MB"/></Policies>
                      <DefaultRolloverStrategy max="3"/>
                    </RollingFile>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka.request.logger" level="WARN"/>
                    <Logger name="org.apache.kafka.controller" level="INFO"/>
                    <Root level="INFO"><AppenderRef ref="FILE"/></Root>
                  </Loggers>
                </Configuration>
                """.formatted(logs, logs);
    }

    private List<String> javaPrefix() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xms64m", spec.get().brokers().isEmpty() ? "-Xmx512m" : "-Xmx" + MULTI_BROKER_HEAP_MB + "m",
                "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + home().resolve("conf/log4j2.xml").toUri(),
                "-Dkafka.logs.dir=" + home().resolve("logs")));
        cmd.add("-cp");
        cmd.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        return cmd;
    }

    @Override
    List<String> command() {
        List<String> cmd = javaPrefix();
        int cpIndex = cmd.indexOf("-cp") + 1;
        cmd.set(cpIndex, WatchdogJar.ensure(watchdogFolder) + java.io.File.pathSeparator + cmd.get(cpIndex));
        cmd.add("io.ringside.core.stack.watchdog.StdinWatchdog");
        cmd.add("kafka.Kafka");
        cmd.add(home().resolve("conf/server.properties").toString());
        return cmd;
    }

    @Override
    Path serverLog() {
        return home().resolve("logs/server.log");
    }

    @Override
    List<Milestone> milestones() {
        return List.of(
                Milestone.of("Starting controller", "starting controller"),
                Milestone.of("Recovering unflushed segment|Loading producer state", "recovering logs"),
                Milestone.of("Starting broker", "starting broker"),
                Milestone.of("Kafka Server started", "broker started"));
    }

    @Override
    boolean probe() {
        StackState.Kafka kafka = spec.get();
        int port = kafka.broker(id).port();
        if (!PortAllocator.isListening(kafka.host(), port)) {
            return false;
        }
        return clusterId(kafka.host() + ":" + port) != null;
    }

    /**
     * The cluster id reported by {@code Admin.describeCluster()} (logged in as the stack's user on a
     * secure stack), or null if the broker does not answer.
     */
    String clusterId(String bootstrap) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
        if (security != null) {
            properties.putAll(security.kafkaClientProperties());
        }
        try (Admin admin = Admin.create(properties)) {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
                    .clusterId().get(6, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    @Override
    Duration stopGrace() {
        return Duration.ofSeconds(20);
    }
}
