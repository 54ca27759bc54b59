package io.ringside.core.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.profile.ActiveConnection;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/** Test connection names the endpoint and tells the four failures an operator acts on apart. */
@ExtendWith(SharedStack.class)
class ConnectionTesterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ConnectionTester tester = new ConnectionTester(TIMEOUT);

    private static ConnectionProfile pointingAt(String host, int port) {
        String endpoint = host + ":" + port;
        return new ConnectionProfile("p", "p", null, false,
                new ConnectionProfile.Cassandra(List.of(endpoint), "datacenter1", null, null, null),
                new ConnectionProfile.Redis(host, port, null, null, 0, null),
                new ConnectionProfile.Kafka(endpoint, null, null, null));
    }

    private static Backends backends(ConnectionProfile profile, SecretStore secrets) {
        return new Backends(Backends.endpointsOf(profile), profile, secrets);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aClosedPortIsUnreachableForEachBackend() throws IOException {
        int port = closedPort();
        Backends backends = backends(pointingAt("127.0.0.1", port), new SessionSecretStore(SecretPrompt.NONE));

        for (ConnectionCheck check : tester.checkAll(backends)) {
            assertEquals(FailureKind.UNREACHABLE, check.failure(), check.describe());
            assertEquals("127.0.0.1:" + port, check.endpoint());
            assertTrue(check.describe().contains("127.0.0.1:" + port + ": unreachable"), check.describe());
        }
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Backends backends = backends(pointingAt("127.0.0.1", silent.getLocalPort()),
                    new SessionSecretStore(SecretPrompt.NONE));

            for (ConnectionCheck check : tester.checkAll(backends)) {
                assertEquals(FailureKind.TIMEOUT, check.failure(), check.describe());
            }
        }
    }

    @Test
    void theSharedStackAnswersOnEveryBackend(TestStack stack) {
        ConnectionProfile profile = Profiles.of("plain", stack.state(), false);

        List<ConnectionCheck> checks = tester.checkAll(backends(profile, new SessionSecretStore(SecretPrompt.NONE)));

        checks.forEach(check -> assertTrue(check.ok(), check.describe()));
        assertTrue(checks.get(0).detail().startsWith("5.0"), checks.get(0).describe());
    }

    @Test
    void theLocalProfileIsCheckedThroughTheStateFileAndPooledClients(TestStack stack) {
        try (ActiveConnection connection = new ActiveConnection(stack.dataFolder(),
                new SessionSecretStore(SecretPrompt.NONE), ConnectionProfile.local(), TIMEOUT)) {
            List<ConnectionCheck> first = connection.check();
            List<ConnectionCheck> second = connection.check();

            first.forEach(check -> assertTrue(check.ok(), check.describe()));
            second.forEach(check -> assertTrue(check.ok(), check.describe()));
            assertEquals(stack.state().redis().host() + ":" + stack.state().redis().port(), first.get(1).endpoint());
            assertEquals(first.get(0).detail(), connection.cql().execute("SELECT release_version FROM system.local")
                    .one().getString(0), "the pooled session is the one the pages use");
        }
    }

    @Test
    void tlsAgainstAPlainCassandraPortIsATlsFailure(TestStack stack) {
        ConnectionProfile plain = Profiles.of("tls", stack.state(), false);
        ConnectionProfile tls = new ConnectionProfile("tls", "tls", null, false,
                new ConnectionProfile.Cassandra(plain.cassandra().contactPoints(), "datacenter1", null, null,
                        new ConnectionProfile.Tls(true, null, null)),
                plain.redis(), plain.kafka());

        ConnectionCheck check = tester.check(backends(tls, new SessionSecretStore(SecretPrompt.NONE)), Backend.CASSANDRA);

        assertEquals(FailureKind.TLS_FAILED, check.failure(), check.describe());
    }

    @Test
    void aWrongRedisPasswordIsAnAuthenticationFailure(TestStack stack) {
        String user = "ringside-test-" + UUID.randomUUID().toString().substring(0, 8);
        try (Jedis admin = stack.redis()) {
            admin.aclSetUser(user, "on", ">right-password", "~*", "+@all");
            try {
                ConnectionProfile plain = Profiles.of("acl", stack.state(), false);
                ConnectionProfile acl = new ConnectionProfile("acl", "acl", null, false, plain.cassandra(),
                        new ConnectionProfile.Redis(plain.redis().host(), plain.redis().port(), null, user, 0, null),
                        plain.kafka());
                SecretStore wrong = new SessionSecretStore((profile, kind) -> Optional.of("wrong".toCharArray()));
                SecretStore right = new SessionSecretStore((profile, kind) -> Optional.of("right-password".toCharArray()));

                ConnectionCheck refused = tester.check(backends(acl, wrong), Backend.REDIS);
                ConnectionCheck accepted = tester.check(backends(acl, right), Backend.REDIS);

                assertEquals(FailureKind.AUTH_FAILED, refused.failure(), refused.describe());
                assertTrue(refused.describe().startsWith("Redis " + plain.redis().host() + ":" + plain.redis().port()),
                        refused.describe());
                assertTrue(accepted.ok(), accepted.describe());
            } finally {
                admin.aclDelUser(user);
            }
        }
    }

    @Test
    void aMissingSecretIsReportedAsNotConfigured(TestStack stack) {
        ConnectionProfile plain = Profiles.of("nosecret", stack.state(), false);
        ConnectionProfile acl = new ConnectionProfile("nosecret", "No secret", null, false, plain.cassandra(),
                new ConnectionProfile.Redis(plain.redis().host(), plain.redis().port(), null, "someone", 0, null),
                plain.kafka());

        ConnectionCheck check = tester.check(backends(acl, new SessionSecretStore(SecretPrompt.NONE)), Backend.REDIS);

        assertEquals(FailureKind.MISCONFIGURED, check.failure(), check.describe());
        assertTrue(check.describe().contains("No Redis password for profile 'No secret'"), check.describe());
    }
}
