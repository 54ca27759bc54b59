package io.ringside.core.connect;

import java.util.Optional;

/**
 * Where the passwords of profiles live: never in the profiles file. Values are {@code char[]} so a
 * caller can wipe its copy; implementations hand out copies.
 */
public interface SecretStore {

    /** The secret, asking for it if this store does that; empty when there is none. */
    Optional<char[]> get(String profileId, SecretKind kind);

    void put(String profileId, SecretKind kind, char[] secret);

    void delete(String profileId, SecretKind kind);

    /** Says where secrets go, for the profile dialog ("OS keyring", "this session only"). */
    String description();

    /** True when secrets survive a restart of the console. */
    boolean persistent();
}
