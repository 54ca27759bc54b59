package io.ringside.core.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import io.ringside.core.stack.LocalStack;
import io.ringside.core.stack.StackSecurity;
import io.ringside.core.stack.StackState;
import io.ringside.core.stack.StackSupervisor;
import io.ringside.testing.CliRun;
import io.ringside.testing.TempFolders;
import io.ringside.testing.TestPorts;
import java.io.InputStream;
import java.nio.file.Files;
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

    @BeforeAll
    void startSecureStack() {
        data = TempFolders.create("ringside-secure-stack-");
        supervisor = new StackSupervisor(new LocalStack(TestPorts.SECURE_STACK.stack(data)
                .withSecure(true)));
        state = supervisor.start(event -> System.err.println("[secure stack] " + event.describe()));
        security = StackSecurity.read(Path.of(state.security().credentialsFile()));
    }

    @AfterAll
    void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
        TempFolders.deleteQuietly(data);
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
