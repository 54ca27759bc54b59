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
        store.delete(profile.id());
        for (SecretKind kind : SecretKind.values()) {
            secrets.delete(profile.id(), kind);
        }
    }

    @Override
    public List<ProfileStore.ImportedProfile> importFrom(Path file, ProfileStore.OnConflict onConflict) {
        return store.importFrom(file, onConflict);
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
