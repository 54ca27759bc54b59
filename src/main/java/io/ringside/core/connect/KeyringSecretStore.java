package io.ringside.core.connect;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/**
 * Secrets in the OS keyring (Secret Service on Linux, Keychain on macOS, Credential Manager on
 * Windows) through java-keyring, under the service name {@value #SERVICE} and the account
 * {@code <profile id>/<secret key>}. Only built by {@link #open()}, which proves the keyring answers.
 */
public final class KeyringSecretStore implements SecretStore {

    static final String SERVICE = "ringside";

    private final Keyring keyring;

    private KeyringSecretStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /** The keyring, if one exists and answers a read; empty otherwise (CI, headless, no D-Bus). */
    public static Optional<SecretStore> open() {
        try {
            Keyring keyring = Keyring.create();
            try {
                keyring.getPassword(SERVICE, "ringside/probe");
            } catch (PasswordAccessException notThere) {
                // a keyring that says "no such entry" is a working keyring
                if (notThere.getMessage() != null && notThere.getMessage().toLowerCase().contains("dbus")) {
                    return Optional.empty();
                }
            }
            return Optional.of(new KeyringSecretStore(keyring));
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<char[]> get(String profileId, SecretKind kind) {
        try {
            String value = keyring.getPassword(SERVICE, account(profileId, kind));
            return value == null ? Optional.empty() : Optional.of(value.toCharArray());
        } catch (PasswordAccessException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String profileId, SecretKind kind, char[] secret) {
        try {
            keyring.setPassword(SERVICE, account(profileId, kind), new String(secret));
        } catch (PasswordAccessException e) {
            throw new io.ringside.core.RingsideException("The OS keyring refused to store the " + kind.label()
                    + " of profile '" + profileId + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String profileId, SecretKind kind) {
        try {
            keyring.deletePassword(SERVICE, account(profileId, kind));
        } catch (PasswordAccessException e) {
            // nothing stored
        }
    }

    @Override
    public String description() {
        return "secrets are kept in the OS keyring";
    }

    @Override
    public boolean persistent() {
        return true;
    }

    private static String account(String profileId, SecretKind kind) {
        return profileId + "/" + kind.key();
    }
}
