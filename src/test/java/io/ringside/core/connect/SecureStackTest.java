package io.ringside.core.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import io.ringside.core.stack.LocalStack;
import io.ringside.core.stack.StackSecurity;
import io.ringside.core.stack.StackState;
import io.ringside.core.stack.StackSupervisor;
import io.ringside.testing.CliRun;
import io.ringside.testing.TempFolders;
import io.ringside.testing.StackTeardown;
import io.ringside.testing.TestPorts;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Connection profiles against a stack of its own started with {@code --secure}: Cassandra with
 * PasswordAuthenticator and TLS, Redis with an ACL user (and TLS where the binary has it), Kafka
 * over SASL_SSL. A profile naming the generated CA and user passes Test connection and really
 * works; a wrong password, a plain client and the built-in superuser are told apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureStackTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ConnectionTester tester = new ConnectionTester(TIMEOUT);
    private Path data;
    private StackSupervisor supervisor;
    private StackState state;
    private StackSecurity security;

    /** What the start said about the data folder's modes it fixed. */
    private final List<String> dataFolderFixes = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startSecureStack() throws Exception {
        data = TempFolders.create("ringside-secure-stack-");
        leaveOpenAsAnEarlierVersionDid(data);
        supervisor = new StackSupervisor(new LocalStack(TestPorts.SECURE_STACK.stack(data)
                .withSecure(true)));
        state = supervisor.start(event -> {
            System.err.println("[secure stack] " + event.describe());
            if (LocalStack.DATA_FOLDER_EVENT.equals(event.server())) {
                dataFolderFixes.add(event.detail());
            }
        });
        security = StackSecurity.read(Path.of(state.security().credentialsFile()));
    }

    /** Folders and files as a version without owner-only modes left them under umask 000 / 022. */
    private static void leaveOpenAsAnEarlierVersionDid(Path data) throws java.io.IOException {
        for (String folder : List.of("cassandra/node1/logs", "kafka/logs", "redis/logs", "stack")) {
            Files.createDirectories(data.resolve(folder));
            Files.setPosixFilePermissions(data.resolve(folder), PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        for (String file : List.of("cassandra/node1/logs/system.log.1.zip", "kafka/logs/server.log.1", "redis/logs/redis.log")) {
            Files.writeString(data.resolve(file), "left by an earlier start\n");
            Files.setPosixFilePermissions(data.resolve(file), PosixFilePermissions.fromString("rw-rw-rw-"));
        }
        for (String folder : List.of("", "cassandra", "cassandra/node1", "kafka", "redis")) {
            Files.setPosixFilePermissions(data.resolve(folder), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @AfterAll
    void stop() {
        StackTeardown.stopAndDelete(supervisor, data);
    }

    /** A profile as an operator types it in: the generated CA file and the generated user on every backend. */
    private ConnectionProfile profile(String user, boolean tls) {
        ConnectionProfile.Tls trust = tls ? new ConnectionProfile.Tls(true, security.caFile().toString(), null)
                : ConnectionProfile.Tls.OFF;
        return new ConnectionProfile("secure", "Secure local", null, false,
                new ConnectionProfile.Cassandra(List.of(state.node(1).address() + ":" + state.node(1).port()),
                        "datacenter1", null, user, trust),
                new ConnectionProfile.Redis(state.redis().host(), state.redis().port(), null, user, 0,
                        state.security().redisTls() ? trust : ConnectionProfile.Tls.OFF),
                new ConnectionProfile.Kafka(state.kafka().bootstrap(), "PLAIN", user, trust));
    }

    private static SecretStore password(char[] password) {
        return new SessionSecretStore((profile, kind) -> Optional.of(password.clone()));
    }

    private Backends backends(ConnectionProfile profile, SecretStore secrets) {
        return Backends.open(profile, data, secrets);
    }

    @Test
    void theGeneratedSecretsAreOwnerOnlyAndNeverInTheStateFile() throws Exception {
        String password = new String(security.password());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(security.credentialsFile())));
        for (Path config : List.of(data.resolve("kafka/conf/server.properties"), data.resolve("redis/conf/secure.conf"))) {
            assertTrue(Files.readString(config).contains(password), config + " configures the password");
        }
        for (Path secret : List.of(data.resolve("cassandra/node1/conf/cassandra.yaml"),
                data.resolve("kafka/conf/server.properties"), data.resolve("redis/conf/secure.conf"),
                data.resolve("tls/server-key.pem"), data.resolve("tls/server.p12"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)), secret.toString());
        }
        for (Path log : List.of(data.resolve("cassandra/node1/logs/system.log"),
                data.resolve("cassandra/node1/logs/console.log"), data.resolve("kafka/logs/server.log"),
                data.resolve("kafka/logs/console.log"), data.resolve("redis/logs/redis.log"),
                data.resolve("tls/keytool.log"))) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            for (String secret : generatedSecrets()) {
                assertFalse(text.contains(secret), log + " must not hold a generated password");
            }
        }
        String stateFile = Files.readString(data.resolve("stack/stack.json"));
        for (String secret : generatedSecrets()) {
            assertFalse(stateFile.contains(secret), "stack.json must not hold a generated password");
        }
        assertTrue(stateFile.contains("\"credentials_file\""), stateFile);

        X509Certificate ca;
        try (InputStream in = Files.newInputStream(security.caFile())) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertTrue(ca.getBasicConstraints() >= 0, "ca.pem is a CA certificate");

        CliRun status = CliRun.in(data, "stack", "status");
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains(security.credentialsFile().toString()), status.out());
        assertFalse(status.out().contains(password), "stack status must not print the password");
    }

    /** Every password in the credentials file: the user's and the key and trust stores'. */
    private List<String> generatedSecrets() throws java.io.IOException {
        java.util.Properties values = new java.util.Properties();
        try (InputStream in = Files.newInputStream(security.credentialsFile())) {
            values.load(in);
        }
        assertEquals(3, values.size(), "user, key store and trust store passwords");
        return values.stringPropertyNames().stream().map(values::getProperty).toList();
    }

    @Test
    void aProfileWithTheCaFileAndTheGeneratedUserPassesEveryBackend() {
        List<ConnectionCheck> checks = tester.checkAll(backends(profile(StackSecurity.USERNAME, true),
                password(security.password())));

        assertEquals(3, checks.size());
        checks.forEach(check -> assertTrue(check.ok(), check.describe()));
        assertTrue(checks.get(0).detail().startsWith("5.0"), checks.get(0).describe());
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureOnEveryBackend() {
        List<ConnectionCheck> checks = tester.checkAll(backends(profile(StackSecurity.USERNAME, true),
                password("not-the-password".toCharArray())));

        checks.forEach(check -> assertEquals(FailureKind.AUTH_FAILED, check.failure(), check.describe()));
    }

    @Test
    void theBuiltInCassandraSuperuserCannotLogIn() {
        ConnectionCheck check = tester.check(backends(profile("cassandra", true), password("cassandra".toCharArray())),
                Backend.CASSANDRA);

        assertEquals(FailureKind.AUTH_FAILED, check.failure(), check.describe());
    }

    @Test
    void redisRefusesAClientWithoutAUser() {
        ConnectionProfile secure = profile(StackSecurity.USERNAME, true);
        ConnectionProfile anonymous = new ConnectionProfile("anon", "anon", null, false, secure.cassandra(),
                new ConnectionProfile.Redis(secure.redis().host(), secure.redis().port(), null, null, 0,
                        secure.redis().tls()), secure.kafka());

        ConnectionCheck check = tester.check(backends(anonymous, password(security.password())), Backend.REDIS);

        assertEquals(FailureKind.AUTH_FAILED, check.failure(), check.describe());
    }

    @Test
    void aPlainClientOnTheTlsPortsIsATlsFailure() {
        List<ConnectionCheck> checks = tester.checkAll(backends(profile(StackSecurity.USERNAME, false),
                password(security.password())));

        assertEquals(FailureKind.TLS_FAILED, checks.get(0).failure(), checks.get(0).describe());
        assertTrue(checks.get(0).describe().contains("the server expects TLS"), checks.get(0).describe());
        assertEquals(FailureKind.TLS_FAILED, checks.get(2).failure(), checks.get(2).describe());
        if (state.security().redisTls()) {
            assertEquals(FailureKind.TLS_FAILED, checks.get(1).failure(), checks.get(1).describe());
        }
    }

    @Test
    void cqlRedisAndKafkaReallyWorkThroughTheProfile() throws Exception {
        try (Backends backends = backends(profile(StackSecurity.USERNAME, true), password(security.password()))) {
            assertRoundTrips(backends);
        }
    }

    @Test
    void theLocalProfileOnASecureStackLogsInWithTheStacksOwnCredentials() throws Exception {
        try (Backends backends = Backends.open(ConnectionProfile.local(), data, new SessionSecretStore(SecretPrompt.NONE))) {
            tester.checkAll(backends).forEach(check -> assertTrue(check.ok(), check.describe()));
            assertRoundTrips(backends);
        }
    }

    @Test
    void theDataFolderAndEveryServersDataAndLogsAreOwnerOnlyAfterAStart() throws Exception {
        assertEquals(1, dataFolderFixes.size(), "the start says once what it fixed: " + dataFolderFixes);
        assertTrue(dataFolderFixes.get(0).contains("owner-only"), dataFolderFixes.get(0));
        assertEquals("rwx------", mode(data));
        List<String> open = new java.util.ArrayList<>();
        int[] serverFiles = new int[1];
        for (String tree : List.of("stack", "tls", "cassandra", "kafka", "redis")) {
            try (var paths = Files.walk(data.resolve(tree))) {
                paths.forEach(path -> {
                    String mode = mode(path);
                    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? !mode.equals("rwx------")
                            : Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && !mode.endsWith("------")) {
                        open.add(mode + " " + data.relativize(path));
                    }
                    if (Files.isRegularFile(path) && (path.startsWith(data.resolve("cassandra/node1/data"))
                            || path.startsWith(data.resolve("kafka/data")))) {
                        serverFiles[0]++;
                    }
                });
            }
        }
        assertEquals(List.of(), open, "folders 0700, files without group or other access");
        assertTrue(serverFiles[0] > 0, "the servers' own data files were checked");
        assertEquals("rw-------", mode(data.resolve("cassandra/node1/logs/system.log")));
        assertEquals("rw-------", mode(data.resolve("kafka/logs/server.log")));
        assertEquals("rw-------", mode(data.resolve("kafka/logs/server.log.1")), "a file from before is fixed");
        Path socket = Path.of(state.supervisor().control());
        assertEquals("rw-------", mode(socket), "the control socket");
        assertEquals("rwx------", mode(socket.getParent()), "the control socket's folder");
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theKafkaControllerListenerRefusesAnAdminWithoutLogin() throws Exception {
        String controller = state.kafka().host() + ":" + state.kafka().controllerPort();
        Map<String, Object> anonymous = new HashMap<>(Map.of(
                AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, controller,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
        try (Admin admin = Admin.create(anonymous)) {
            assertThrows(Exception.class, () -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS),
                    "a client without login gets no answer from the controller");
        }

        try (Backends backends = backends(profile(StackSecurity.USERNAME, true), password(security.password()))) {
            Map<String, Object> loggedIn = new HashMap<>(backends.kafkaProperties());
            loggedIn.remove(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
            loggedIn.putAll(anonymous);
            try (Admin admin = Admin.create(loggedIn)) {
                assertEquals(state.kafka().clusterId(), admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS),
                        "the stack's user does get in");
            }
        }
    }

    @Test
    void cassandraJmxRefusesAConnectionWithoutLogin() throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + state.node(1).jmxPort()
                + "/jmxrmi");
        Exception refused = assertThrows(Exception.class, () -> JMXConnectorFactory.connect(url, null).close());
        Throwable cause = refused;
        while (!(cause instanceof SecurityException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof SecurityException && cause.getMessage().contains("Credentials required"),
                refused.toString());

        try (JMXConnector jmx = JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS,
                new String[] {StackSecurity.USERNAME, new String(security.password())}))) {
            Object version = jmx.getMBeanServerConnection().getAttribute(
                    new ObjectName("org.apache.cassandra.db:type=StorageService"), "ReleaseVersion");
            assertTrue(String.valueOf(version).startsWith("5.0"), String.valueOf(version));
        }

        CliRun status = CliRun.in(data, "stack", "status");
        assertTrue(status.out().contains("Cassandra JMX: login as ringside"), status.out());
    }

    /**
     * Another user who can reach the control socket (its modes opened here on purpose) is still
     * refused: the supervisor checks the peer's uid before reading a command. Needs root to run
     * the client as {@code nobody}.
     */
    @Test
    void theControlSocketRefusesAnotherUser() throws Exception {
        Path setpriv = Path.of("/usr/bin/setpriv");
        Assumptions.assumeTrue(Files.isExecutable(setpriv), "no setpriv to run a client as another user");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "only root can run the client as another user with setpriv");
        Path socket = Path.of(state.supervisor().control());
        Path clientFolder = TempFolders.create("ringside-peer-client-");
        Path client = clientFolder.resolve("StopRedis.java");
        Files.writeString(client, String.join("\n",
                "import java.net.*; import java.nio.*; import java.nio.channels.*; import java.nio.charset.*;",
                "public class StopRedis { public static void main(String[] a) throws Exception {",
                "  try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(a[0]))) {",
                "    c.write(ByteBuffer.wrap(\"{\\\"command\\\":\\\"stop\\\",\\\"server\\\":\\\"redis\\\"}\\n\"",
                "        .getBytes(StandardCharsets.UTF_8)));",
                "    ByteBuffer b = ByteBuffer.allocate(65536); while (c.read(b) > 0) { }",
                "    System.out.println(new String(b.array(), 0, b.position(), StandardCharsets.UTF_8)); } } }", ""));
        List<Path> opened = List.of(data, socket.getParent(), clientFolder);
        Map<Path, String> before = new HashMap<>();
        for (Path path : List.of(data, socket.getParent(), socket, clientFolder, client)) {
            before.put(path, mode(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(opened.contains(path) ? "rwxrwxrwx"
                    : "rw-rw-rw-"));
        }
        try {
            Process process = new ProcessBuilder(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                    "-Xshare:off", client.toString(), socket.toString())
                    .redirectErrorStream(true).start();
            String reply = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertTrue(reply.contains("refused") && reply.contains("answers only its owner"), reply);
            assertTrue(LocalStack.probe(supervisor.stack().state()).redis().up(), "Redis still runs");
        } finally {
            for (Map.Entry<Path, String> entry : before.entrySet()) {
                Files.setPosixFilePermissions(entry.getKey(), PosixFilePermissions.fromString(entry.getValue()));
            }
            TempFolders.deleteQuietly(clientFolder);
        }
    }

    private static void assertRoundTrips(Backends backends) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        CqlSession cql = backends.cql();
        cql.execute("CREATE KEYSPACE IF NOT EXISTS secure_test WITH replication = "
                + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
        cql.execute("CREATE TABLE IF NOT EXISTS secure_test.t (id text PRIMARY KEY, v text)");
        cql.execute("INSERT INTO secure_test.t (id, v) VALUES (?, ?)", id, "over TLS");
        assertEquals("over TLS", cql.execute("SELECT v FROM secure_test.t WHERE id = ?", id).one().getString("v"));

        backends.redis().set("secure:" + id, "cached");
        assertEquals("cached", backends.redis().get("secure:" + id));

        String topic = "secure-test-" + id;
        Map<String, Object> producerProps = new HashMap<>(backends.kafkaProperties());
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            producer.send(new ProducerRecord<>(topic, id, "over SASL_SSL")).get();
        }
        Map<String, Object> consumerProps = new HashMap<>(backends.kafkaProperties());
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ConsumerRecord<String, String> received = null;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    received = record;
                }
            }
        }
        assertNotNull(received, "the record came back within 30 s");
        assertEquals("over SASL_SSL", received.value());
    }
}
