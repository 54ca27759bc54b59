package io.ringside.core.profile;

import com.datastax.oss.driver.api.core.CqlSession;
import io.ringside.core.BackendUnavailableException;
import io.ringside.core.connect.AccessGuard;
import io.ringside.core.connect.Backend;
import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ConnectionCheck;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ConnectionTester;
import io.ringside.core.connect.FailureKind;
import io.ringside.core.connect.LocalStackProfile;
import io.ringside.core.connect.SecretStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;

/**
 * The console's one connection: the {@link ProfileServices} of the chosen profile (its clients,
 * data services, Redis services and job client), opened on first use and closed once when the
 * profile changes, so every page talks to the same clients and caches and none keeps those of a
 * profile the operator left. For {@code local} the endpoints come from the stack's state file,
 * read again after every switch (the stack may have started since, on moved ports). Every method
 * may block; the console calls them off the FX thread.
 */
public final class ActiveConnection implements AutoCloseable {

    private final Path dataFolder;
    private final SecretStore secrets;
    private final ConnectionTester tester;
    private ProfileServices services;

    public ActiveConnection(Path dataFolder, SecretStore secrets, ConnectionProfile profile, Duration checkTimeout) {
        this.dataFolder = dataFolder;
        this.secrets = secrets;
        this.services = new ProfileServices(profile, dataFolder, secrets);
        this.tester = new ConnectionTester(checkTimeout);
    }

    public synchronized ConnectionProfile profile() {
        return services.profile();
    }

    public SecretStore secrets() {
        return secrets;
    }

    /** Closes the services of the previous profile; the next call opens those of {@code next}. */
    public synchronized void switchTo(ConnectionProfile next) {
        ProfileServices left = services;
        services = new ProfileServices(next, dataFolder, secrets);
        left.close();
    }

    /** The services of the current profile; gateways ask on every call, so a switch takes effect at once. */
    public synchronized ProfileServices services() {
        return services;
    }

    /**
     * The clients of the current profile.
     *
     * @throws BackendUnavailableException for {@code local} when the stack is not running
     */
    public Backends backends() {
        return services().backends();
    }

    public CqlSession cql() {
        return backends().cql();
    }

    public JedisPooled redis() {
        return backends().redis();
    }

    public Map<String, Object> kafkaProperties() {
        return backends().kafkaProperties();
    }

    public AccessGuard accessGuard() {
        return AccessGuard.of(profile());
    }

    /**
     * Checks each backend of the current profile (the status bar's poll): a TCP connect to the
     * endpoints first, so a dead server shows as such even while pooled clients hold old sockets,
     * then a request through the pooled Cassandra and Redis clients and a short-lived Kafka admin.
     */
    public List<ConnectionCheck> check() {
        ConnectionProfile current = profile();
        Optional<Backends> probe = Backends.probe(current, dataFolder, secrets);
        if (probe.isEmpty()) {
            return java.util.Arrays.stream(Backend.values())
                    .map(backend -> new ConnectionCheck(backend, "local stack", FailureKind.UNREACHABLE,
                            "the local stack is not running", Duration.ZERO))
                    .toList();
        }
        Backends pooled;
        try {
            pooled = backends();
        } catch (RuntimeException notYet) {
            pooled = null;
        }
        if (current.ssh().enabled() && pooled != null) {
            // through the session's own tunnel: a poll every few seconds must not log in to the jump hosts anew
            return tester.checkAll(pooled, pooled);
        }
        try (Backends fresh = probe.get()) {
            return tester.checkAll(fresh, pooled);
        }
    }

    /**
     * The built-in local profile as a stored copy of it would be (the Connections dialog's Clone):
     * the stack's recorded endpoints and, on a secure stack, TLS trusting its CA and its user; the
     * defaults when this data folder has no stack.
     */
    public ConnectionProfile localAsStored() {
        return LocalStackProfile.asStored(dataFolder);
    }

    /** Like {@link #check()} for one profile that need not be the current one (the dialog's Test button). */
    public List<ConnectionCheck> test(ConnectionProfile candidate, Backend backend) {
        Optional<Backends> probe = Backends.probe(candidate, dataFolder, secrets);
        if (probe.isEmpty()) {
            return List.of(new ConnectionCheck(backend, "local stack", FailureKind.UNREACHABLE,
                    "the local stack is not running", Duration.ZERO));
        }
        try (Backends fresh = probe.get()) {
            return List.of(tester.check(fresh, backend));
        }
    }

    @Override
    public synchronized void close() {
        services.close();
    }
}
