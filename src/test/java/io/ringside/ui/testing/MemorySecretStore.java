package io.ringside.ui.testing;

import io.ringside.core.connect.SecretKind;
import io.ringside.core.connect.SecretStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A stand-in for the OS keyring: keeps secrets in memory, so tests can see what was stored. */
public final class MemorySecretStore implements SecretStore {

    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public Optional<char[]> get(String profileId, SecretKind kind) {
        return Optional.ofNullable(secrets.get(profileId + "/" + kind.key())).map(String::toCharArray);
    }

    @Override
    public void put(String profileId, SecretKind kind, char[] secret) {
        secrets.put(profileId + "/" + kind.key(), new String(secret));
    }

    @Override
    public void delete(String profileId, SecretKind kind) {
        secrets.remove(profileId + "/" + kind.key());
    }

    @Override
    public String description() {
        return "kept in a test keyring";
    }

    @Override
    public boolean persistent() {
        return true;
    }

    public Optional<String> stored(String profileId, SecretKind kind) {
        return Optional.ofNullable(secrets.get(profileId + "/" + kind.key()));
    }
}
