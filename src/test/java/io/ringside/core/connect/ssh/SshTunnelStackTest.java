package io.ringside.core.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.Node;
import io.ringside.core.connect.Backend;
import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ConnectionCheck;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ConnectionTester;
import io.ringside.core.connect.FailureKind;
import io.ringside.core.connect.SecretKind;
import io.ringside.core.connect.SecretPrompt;
import io.ringside.core.connect.SessionSecretStore;
import io.ringside.core.data.cache.CacheOutcome;
import io.ringside.core.data.pm25.Pm25ImportOptions;
import io.ringside.core.data.pm25.Pm25Source;
import io.ringside.core.data.pm25.Pm25Trend;
import io.ringside.core.profile.ProfileServices;
import io.ringside.core.stack.LocalStack;
import io.ringside.core.stack.SshdFiles;
import io.ringside.core.stack.StackState;
import io.ringside.core.stack.StackSupervisor;
import io.ringside.testing.Await;
import io.ringside.testing.TempFolders;
import io.ringside.testing.TestPorts;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.sshd.common.kex.KexProposalOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * SSH tunnels against a real SSH server: a stack of its own started with {@code --sshd}, whose
 * Cassandra, Redis and Kafka a profile reaches only through that server's forwards. The profile's
 * services work through the tunnel (a trend read through the cache-aside included), a host key
 * that differs from the trusted one and a wrong key passphrase are named as such, and after the
 * SSH server goes away and comes back the same services work again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SshTunnelStackTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Path data;
    private Path client;
    private StackSupervisor supervisor;
    private StackState state;
    private SshdFiles files;
    private ProfileServices services;

    @BeforeAll
    void startStackWithSshServer() {
        data = TempFolders.create("ringside-ssh-stack-");
        client = TempFolders.create("ringside-ssh-client-");
        supervisor = new StackSupervisor(new LocalStack(TestPorts.SSH_TUNNEL.stack(data).withSshd(true)));
        state = supervisor.start(event -> System.err.println("[ssh stack] " + event.describe()));
        files = SshdFiles.of(data);
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
        if (supervisor != null) {
            supervisor.close();
        }
        TempFolders.deleteQuietly(data);
        TempFolders.deleteQuietly(client);
    }

    /** The stack's endpoints as the SSH server sees them, behind the hops (the last one's view). */
    private ConnectionProfile profile(String id, ConnectionProfile.SshHop... hops) {
        return new ConnectionProfile(id, "Behind SSH " + id, null, false,
                new ConnectionProfile.Cassandra(List.of(state.node(1).address() + ":" + state.node(1).port()),
                        "datacenter1", null, null, null),
                new ConnectionProfile.Redis(state.redis().host(), state.redis().port(), null, null, 0, null),
                new ConnectionProfile.Kafka(state.kafka().bootstrap(), null, null, null),
                new ConnectionProfile.Ssh(List.of(hops)));
    }

    private ConnectionProfile.SshHop keyHop() {
        return new ConnectionProfile.SshHop("127.0.0.1", state.sshd().port(), SshdFiles.USER,
                ConnectionProfile.SshAuth.KEY, files.clientKey().toString());
    }

    private static SessionSecretStore secrets(String profile, SecretKind kind, String value) {
        SessionSecretStore secrets = new SessionSecretStore(SecretPrompt.NONE);
        secrets.put(profile, kind, value.toCharArray());
        return secrets;
    }

    @Test
    @Order(1)
    void aProfileBehindTheSshServerReachesEveryBackendAndTheDataSystemWorksThroughIt() throws Exception {
        ConnectionProfile profile = profile("tunnelled", keyHop());
        services = new ProfileServices(profile, client, secrets(profile.id(), SecretKind.SSH_KEY_PASSPHRASE,
                files.passphrase()));

        UnknownHostKeyException unknown = assertThrows(UnknownHostKeyException.class, () -> services.backends().cql());
        assertEquals(state.sshd().hostKeyFingerprint(), unknown.fingerprint(), "the fingerprint the user compares");
        assertTrue(unknown.getMessage().startsWith("SSH hop 1 (ringside@127.0.0.1:" + state.sshd().port() + ")"),
                unknown.getMessage());
        KnownHosts.of(client).accept(unknown.host(), unknown.port(), unknown.key());

        CqlSession cql = services.backends().cql();
        assertEquals(state.node(1).version(), cql.execute("SELECT release_version FROM system.local").one()
                .getString(0));
        for (Node node : cql.getMetadata().getNodes().values()) {
            InetSocketAddress endpoint = (InetSocketAddress) node.getEndPoint().resolve();
            assertNotEquals(state.node(1).port(), endpoint.getPort(), "each node through a forward: " + endpoint);
        }
        assertEquals("PONG", services.backends().redis().ping());
        SshTunnel tunnel = services.backends().tunnel();
        assertFalse(tunnel.hasForward(state.redis().host(), state.redis().port()),
                "the data services' Redis connections are channels written by Jedis itself, no local forward");
        assertEquals("aes128-gcm@openssh.com", tunnel.connect().getNegotiatedKexParameter(KexProposalOption.C2SENC),
                "AES-GCM preferred to MINA's plain-Java ChaCha20");

        Map<String, Object> kafka = services.backends().kafkaProperties();
        assertFalse(String.valueOf(kafka.get("bootstrap.servers")).contains(":" + state.kafka().port()),
                "bootstrap through a forward: " + kafka);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            for (org.apache.kafka.common.Node broker : admin.describeCluster().nodes().get(20, TimeUnit.SECONDS)) {
                assertEquals("127.0.0.1", broker.host());
                assertNotEquals(state.kafka().port(), broker.port(), "the advertised broker rewritten to its forward");
            }
            assertEquals(state.kafka().clusterId(), admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS));
        }

        String location = "tunnel-" + UUID.randomUUID();
        Path csv = client.resolve("pm25.csv");
        Files.writeString(csv, "date,location,avg_pm25,min_pm25,max_pm25\n2024-03-01," + location + ",12.5,7.5,17.5\n"
                + "2024-03-02," + location + ",14.0,9.0,19.0\n");
        services.data().pm25Importer().run(List.of(Pm25Source.of(csv)), Pm25ImportOptions.defaults(), p -> { });
        Pm25Trend first = services.data().pm25Cache().trend(location, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2),
                false);
        assertEquals(12.5, first.days().get(0).avg());
        assertEquals(CacheOutcome.HIT, services.data().pm25Cache().trend(location, LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 3, 2), false).outcome(), "the second read is a cache hit in Redis, through the tunnel");

        List<ConnectionCheck> checks = new ConnectionTester(TIMEOUT).checkAll(services.backends());
        assertTrue(checks.stream().allMatch(ConnectionCheck::ok), checks.toString());
    }

    @Test
    @Order(2)
    void aHostKeyOtherThanTheTrustedOneIsRefused() throws Exception {
        Path elsewhere = TempFolders.create("ringside-ssh-changed-");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KnownHosts.of(elsewhere).accept("127.0.0.1", state.sshd().port(), generator.generateKeyPair().getPublic());
            ConnectionProfile profile = profile("changed", keyHop());
            try (Backends backends = new Backends(Backends.endpointsOf(profile), profile,
                    secrets(profile.id(), SecretKind.SSH_KEY_PASSPHRASE, files.passphrase()), elsewhere)) {
                SshHopException refused = assertThrows(SshHopException.class, () -> backends.tunnel().connect());
                assertEquals(SshHopException.Reason.HOST_KEY_CHANGED, refused.reason());
                assertTrue(refused.getMessage().contains(state.sshd().hostKeyFingerprint()), refused.getMessage());
                ConnectionCheck check = new ConnectionTester(TIMEOUT).check(backends, Backend.REDIS);
                assertEquals(FailureKind.HOST_KEY, check.failure(), check.describe());
                assertTrue(check.detail().contains("SSH hop 1"), check.describe());
            }
        } finally {
            TempFolders.deleteQuietly(elsewhere);
        }
    }

    @Test
    @Order(3)
    void aWrongPassphraseARefusedForwardAndPasswordLoginAreToldApart() {
        ConnectionProfile wrong = profile("wrong-passphrase", keyHop());
        try (Backends backends = new Backends(Backends.endpointsOf(wrong), wrong,
                secrets(wrong.id(), SecretKind.SSH_KEY_PASSPHRASE, "not-the-passphrase"), client)) {
            ConnectionCheck check = new ConnectionTester(TIMEOUT).check(backends, Backend.CASSANDRA);
            assertEquals(FailureKind.AUTH_FAILED, check.failure(), check.describe());
            assertTrue(check.detail().contains("wrong passphrase"), check.describe());
        }

        ConnectionProfile.SshHop passwordHop = new ConnectionProfile.SshHop("127.0.0.1", state.sshd().port(),
                SshdFiles.USER, ConnectionProfile.SshAuth.PASSWORD, null);
        ConnectionProfile base = profile("password", passwordHop);
        ConnectionProfile noRedisThere = new ConnectionProfile(base.id(), base.name(), null, false, base.cassandra(),
                new ConnectionProfile.Redis("127.0.0.1", 1, null, null, 0, null), base.kafka(), base.ssh());
        try (Backends backends = new Backends(Backends.endpointsOf(noRedisThere), noRedisThere,
                secrets(base.id(), SecretKind.SSH_PASSWORD, files.password()), client)) {
            ConnectionCheck redis = new ConnectionTester(TIMEOUT).check(backends, Backend.REDIS);
            assertEquals(FailureKind.FORWARD_REFUSED, redis.failure(), redis.describe());
            assertTrue(backends.tunnel().isConnected(), "password login worked");
        }
    }

    @Test
    @Order(4)
    void afterTheSshServerWentAwayAndCameBackTheSameServicesWorkAgain() {
        SshTunnel tunnel = services.backends().tunnel();
        int before = tunnel.sessionsOpened();
        supervisor.stack().stopServer("sshd", event -> { });
        Await.until("the tunnel to notice the drop", Duration.ofSeconds(15), () -> !tunnel.isConnected());
        assertThrows(RuntimeException.class, () -> services.backends().redis().ping());

        supervisor.stack().startServer("sshd", event -> { });
        Await.until("Redis through the re-opened tunnel", Duration.ofSeconds(20), () -> works(
                () -> services.backends().redis().ping()));
        Await.until("Cassandra through the re-opened tunnel", Duration.ofSeconds(30), () -> works(
                () -> services.backends().cql().execute("SELECT now() FROM system.local").one()));
        assertTrue(tunnel.sessionsOpened() > before, "the tunnel was logged in to again");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                services.backends().kafkaProperties().get("bootstrap.servers"),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            Await.until("Kafka through the re-opened tunnel", Duration.ofSeconds(30), () -> works(() -> {
                try {
                    admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
    }

    /**
     * Two hops: the first is the SSH server logged in to by password, the second the same server
     * again, named {@code localhost} and reached only through a forward of the first, logged in to
     * by the encrypted key. Each hop's unknown host key is shown in turn and accepted, as a user
     * would; then Redis, Cassandra and Kafka answer through both hops.
     */
    @Test
    @Order(5)
    void twoHopsTheSecondReachedThroughTheFirstCarryEveryBackend() throws Exception {
        Path twoHopsData = TempFolders.create("ringside-ssh-two-hops-");
        ConnectionProfile profile = profile("two-hops",
                new ConnectionProfile.SshHop("127.0.0.1", state.sshd().port(), SshdFiles.USER,
                        ConnectionProfile.SshAuth.PASSWORD, null),
                new ConnectionProfile.SshHop("localhost", state.sshd().port(), SshdFiles.USER,
                        ConnectionProfile.SshAuth.KEY, files.clientKey().toString()));
        SessionSecretStore secrets = new SessionSecretStore(SecretPrompt.NONE);
        secrets.put(profile.id(), SecretKind.SSH_PASSWORD, files.password().toCharArray());
        secrets.put(profile.id(), SecretKind.SSH2_KEY_PASSPHRASE, files.passphrase().toCharArray());
        try (ProfileServices twoHops = new ProfileServices(profile, twoHopsData, secrets)) {
            SshTunnel tunnel = twoHops.backends().tunnel();
            UnknownHostKeyException first = assertThrows(UnknownHostKeyException.class, tunnel::connect);
            assertEquals(1, first.hop(), first.getMessage());
            assertEquals(state.sshd().hostKeyFingerprint(), first.fingerprint());
            tunnel.knownHosts().accept(first.host(), first.port(), first.key());

            UnknownHostKeyException second = assertThrows(UnknownHostKeyException.class, tunnel::connect);
            assertEquals(2, second.hop(), second.getMessage());
            assertTrue(second.getMessage().startsWith("SSH hop 2 (ringside@localhost:" + state.sshd().port() + ")"),
                    second.getMessage());
            assertEquals("localhost", second.host());
            assertEquals(state.sshd().hostKeyFingerprint(), second.fingerprint(), "the same server behind the first hop");
            tunnel.knownHosts().accept(second.host(), second.port(), second.key());

            assertEquals("PONG", twoHops.backends().redis().ping());
            assertTrue(tunnel.isConnected() && tunnel.sessionsOpened() == 1, "both hops logged in once");
            assertEquals(state.node(1).version(), twoHops.backends().cql()
                    .execute("SELECT release_version FROM system.local").one().getString(0));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    twoHops.backends().kafkaProperties().get("bootstrap.servers"),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
                assertEquals(state.kafka().clusterId(), admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS));
            }
            List<ConnectionCheck> checks = new ConnectionTester(TIMEOUT).checkAll(twoHops.backends());
            assertTrue(checks.stream().allMatch(ConnectionCheck::ok), checks.toString());
        } finally {
            TempFolders.deleteQuietly(twoHopsData);
        }
    }

    /**
     * A hop that logs in with the agent's keys, against a real {@code ssh-agent}: an agent holding
     * no key and a missing {@code SSH_AUTH_SOCK} are each named; once {@code ssh-add} has loaded the
     * stack's client key the hop logs in and forwards to Redis, the agent signing.
     */
    @Test
    @Order(6)
    void aHopLogsInWithTheKeysOfARealSshAgent() throws Exception {
        RealSshAgent.assumeInstalled();
        Path folder = TempFolders.create("ringside-ssh-agent-");
        List<JumpHost> agentHop = List.of(new JumpHost("127.0.0.1", state.sshd().port(), SshdFiles.USER,
                JumpHost.Login.AGENT, null));
        try (RealSshAgent agent = RealSshAgent.start(folder);
                SshTunnel tunnel = new SshTunnel("agent", agentHop, HopSecrets.NONE, KnownHosts.of(client), TIMEOUT, agent.socket())) {
            SshHopException empty = assertThrows(SshHopException.class, tunnel::connect);
            assertEquals(SshHopException.Reason.AUTH, empty.reason(), empty.getMessage());
            assertTrue(empty.getMessage().contains("holds no key"), empty.getMessage());

            // the stack's client key, decrypted into an owner-only copy, then loaded as a user would
            Path key = folder.resolve("id_ecdsa");
            Files.copy(files.clientKey(), key);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            RealSshAgent.decrypt(key, files.passphrase());
            agent.add(key);

            tunnel.connect();
            assertEquals("+PONG", pingThrough(tunnel.forward(state.redis().host(), state.redis().port())));
        } finally {
            TempFolders.deleteQuietly(folder);
        }
        try (SshTunnel noAgent = new SshTunnel("no agent", agentHop, HopSecrets.NONE, KnownHosts.of(client), TIMEOUT, null)) {
            SshHopException unset = assertThrows(SshHopException.class, noAgent::connect);
            assertTrue(unset.getMessage().contains("SSH_AUTH_SOCK is not set"), unset.getMessage());
        }
    }

    private static String pingThrough(InetSocketAddress forward) throws Exception {
        try (Socket socket = new Socket(forward.getAddress(), forward.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    private static boolean works(Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
