package io.ringside.core.connect;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Secrets held in memory for this process only, asked for once through a {@link SecretPrompt}: the
 * fallback where no OS keyring answers (CI, a headless server, a desktop without Secret Service).
 * Nothing is ever written to disk, so nothing needs a cipher key.
 */
public final class SessionSecretStore implements SecretStore {

    private final SecretPrompt prompt;
    private final Function<String, String> profileName;
    private final Map<String, char[]> secrets = new HashMap<>();

    public SessionSecretStore(SecretPrompt prompt) {
        this(prompt, Function.identity());
    }

    /** @param profileName the display name of a profile id, for the prompt */
    public SessionSecretStore(SecretPrompt prompt, Function<String, String> profileName) {
        this.prompt = prompt;
        this.profileName = profileName;
    }

    @Override
    public synchronized Optional<char[]> get(String profileId, SecretKind kind) {
        String key = key(profileId, kind);
        char[] known = secrets.get(key);
        if (known == null) {
            Optional<char[]> asked = prompt.ask(new SecretPrompt.ConnectionProfileRef(profileId,
                    profileName.apply(profileId)), kind);
            if (asked.isEmpty()) {
                return Optional.empty();
            }
            known = asked.get().clone();
            secrets.put(key, known);
        }
        return Optional.of(known.clone());
    }

    @Override
    public synchronized void put(String profileId, SecretKind kind, char[] secret) {
        char[] old = secrets.put(key(profileId, kind), secret.clone());
        if (old != null) {
            Arrays.fill(old, '\0');
        }
    }

    @Override
    public synchronized void delete(String profileId, SecretKind kind) {
        char[] old = secrets.remove(key(profileId, kind));
        if (old != null) {
            Arrays.fill(old, '\0');
        }
    }

    @Override
    public String description() {
        return "no OS keyring answered: secrets are kept for this session only and asked for again next time";
    }

    @Override
    public boolean persistent() {
        return false;
    }

    private static String key(String profileId, SecretKind kind) {
        return profileId + "/" + kind.key();
    }
}
