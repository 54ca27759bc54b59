package io.ringside.ui.profiles;

import io.ringside.core.connect.Backend;
import io.ringside.core.connect.ConnectionCheck;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ProfileStore;
import io.ringside.core.connect.SecretKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the profiles dialog needs from the core: the profile store, the secret store and the
 * connection test. Every method may block (files, a keyring over D-Bus, a 5-second connection
 * test): call them off the FX thread only.
 */
public interface ProfileGateway {

    List<ConnectionProfile> list();

    String newId(String name);

    /** Saves the profile to the profiles file and each typed secret to the secret store, never to the file. */
    void save(ConnectionProfile profile, Map<SecretKind, char[]> secrets);

    /** Deletes the profile and its stored secrets. */
    void delete(ConnectionProfile profile);

    /** Imports an exported file; a profile meeting a stored one is handled by {@code onConflict}. */
    List<ProfileStore.ImportedProfile> importFrom(Path file, ProfileStore.OnConflict onConflict);

    void export(List<ConnectionProfile> profiles, Path file);

    /** Tests one backend with the profile as edited; typed secrets win over stored ones. */
    ConnectionCheck test(ConnectionProfile profile, Backend backend, Map<SecretKind, char[]> typedSecrets);

    /**
     * The built-in local profile with the settings the console reads it with (the stack's endpoints,
     * a secure stack's TLS and user), for a copy; never its password.
     */
    ConnectionProfile localAsStored();

    /** Where secrets go on this machine, for the dialog to say. */
    String secretsDescription();
}
