package io.ringside.core.connect;

import java.util.Optional;

/** Asks the operator for a secret that no keyring keeps; empty when they declined. */
@FunctionalInterface
public interface SecretPrompt {

    SecretPrompt NONE = (profile, kind) -> Optional.empty();

    Optional<char[]> ask(ConnectionProfileRef profile, SecretKind kind);

    /** What a prompt needs to say which secret it asks for. */
    record ConnectionProfileRef(String id, String name) {
    }

    /** Reads from the terminal without echo; empty when there is no terminal. */
    static SecretPrompt terminal() {
        return (profile, kind) -> {
            java.io.Console console = System.console();
            if (console == null) {
                return Optional.empty();
            }
            char[] read = console.readPassword("%s for profile '%s': ", kind.label(), profile.name());
            return read == null || read.length == 0 ? Optional.empty() : Optional.of(read);
        };
    }
}
