package io.ringside.core.connect.ssh;

import java.util.Optional;

/** Where a tunnel gets the password or key passphrase of a hop (1-based) when it logs in; asked only then. */
public interface HopSecrets {

    /** No secret for any hop: for hops that log in with the SSH agent. */
    HopSecrets NONE = new HopSecrets() {
        @Override
        public Optional<char[]> password(int hop) {
            return Optional.empty();
        }

        @Override
        public Optional<char[]> passphrase(int hop) {
            return Optional.empty();
        }

        @Override
        public String describe(int hop, boolean passphrase) {
            return "no " + (passphrase ? "key passphrase" : "password") + " for hop " + hop + " (none is kept)";
        }
    };

    Optional<char[]> password(int hop);

    Optional<char[]> passphrase(int hop);

    /** Names the secret and where it was looked for, for the error when there is none. */
    String describe(int hop, boolean passphrase);
}
