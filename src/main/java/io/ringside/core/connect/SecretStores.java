package io.ringside.core.connect;

/** Picks the secret store of this machine: the OS keyring when one answers, else this session's memory. */
public final class SecretStores {

    private SecretStores() {
    }

    public static SecretStore open(SecretPrompt fallbackPrompt) {
        return KeyringSecretStore.open().orElseGet(() -> new SessionSecretStore(fallbackPrompt));
    }
}
