package io.ringside.ui.profiles;

import io.ringside.core.connect.Backend;
import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ConnectionCheck;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ConnectionTester;
import io.ringside.core.connect.ProfileStore;
import io.ringside.core.connect.SecretKind;
import io.ringside.core.connect.SecretStore;
import io.ringside.core.connect.SessionSecretStore;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.profile.ActiveConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The real gateway: {@link ProfileStore} for profiles, a {@link SecretStore} for their secrets. */
public final class StoreProfileGateway implements ProfileGateway {

    private final ProfileStore store;
    private final SecretStore secrets;
    private final ActiveConnection connection;
    private final ConnectionTester tester;

    /** @param connection tests the built-in local profile against the stack's current endpoints */
    public StoreProfileGateway(ProfileStore store, SecretStore secrets, ActiveConnection connection, Duration timeout) {
        this.store = store;
        this.secrets = secrets;
        this.connection = connection;
        this.tester = new ConnectionTester(timeout);
    }

    /** The built-in local profile with the endpoints its stack recorded: the ports in use, also when one had to move. */
    @Override
    public List<ConnectionProfile> list() {
        return store.list().stream().map(profile -> profile.isLocal() ? connection.localAsStored() : profile).toList();
    }

    @Override
    public String newId(String name) {
        return store.newId(name);
    }

    @Override
    public void save(ConnectionProfile profile, Map<SecretKind, char[]> typed) {
        store.save(profile);
        typed.forEach((kind, secret) -> secrets.put(profile.id(), kind, secret));
    }

    @Override
    public void delete(ConnectionProfile profile) {
        AuditLog audit = auditLog();
        String target = profile.id() + " (" + profile.name() + ")";
        try {
            store.delete(profile.id());
            for (SecretKind kind : SecretKind.values()) {
                secrets.delete(profile.id(), kind);
            }
        } catch (RuntimeException e) {
            audit.record("profiles.remove", target, 0, "failed: " + e.getMessage());
            throw e;
        }
        audit.record("profiles.remove", target, 1, "ok");
    }

    @Override
    public List<ProfileStore.ImportedProfile> importFrom(Path file, ProfileStore.OnConflict onConflict) {
        AuditLog audit = auditLog();
        String target = file + " (" + onConflict.name().toLowerCase(java.util.Locale.ROOT) + ")";
        List<ProfileStore.ImportedProfile> outcomes;
        try {
            outcomes = store.importFrom(file, onConflict);
        } catch (RuntimeException e) {
            audit.record("profiles.import", target, 0, "failed: " + e.getMessage());
            throw e;
        }
        audit.record("profiles.import", target, outcomes.stream()
                .filter(o -> o.outcome() != ProfileStore.ImportOutcome.SKIPPED).count(), "ok");
        return outcomes;
    }

    /**
     * The audit trail of the active profile; when its Kafka is not known (the local stack is not
     * running) the events wait in the data folder's spool.
     */
    private AuditLog auditLog() {
        Map<String, Object> kafka;
        try {
            kafka = connection.kafkaProperties();
        } catch (RuntimeException e) {
            kafka = null;
        }
        return new AuditLog(store.file().getParent(), kafka, connection.profile().id());
    }

    @Override
    public void export(List<ConnectionProfile> profiles, Path file) {
        store.export(profiles, file);
    }

    @Override
    public ConnectionCheck test(ConnectionProfile profile, Backend backend, Map<SecretKind, char[]> typed) {
        if (profile.isLocal()) {
            return connection.test(profile, backend).get(0);
        }
        SessionSecretStore overlay = new SessionSecretStore((ref, kind) -> secrets.get(ref.id(), kind));
        typed.forEach((kind, secret) -> overlay.put(profile.id(), kind, secret));
        return tester.check(new Backends(Backends.endpointsOf(profile), profile, overlay), backend);
    }

    @Override
    public ConnectionProfile localAsStored() {
        return connection.localAsStored();
    }

    @Override
    public String secretsDescription() {
        return secrets.description();
    }
}
