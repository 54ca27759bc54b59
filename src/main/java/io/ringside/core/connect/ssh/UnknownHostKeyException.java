package io.ringside.core.connect.ssh;

import java.security.PublicKey;

/**
 * A jump host offered a key neither known-hosts file lists: carries the key and its SHA256
 * fingerprint so a dialog or the CLI can show it and, once the user compares and accepts it,
 * {@link KnownHosts#accept} it into Ringside's file.
 */
public final class UnknownHostKeyException extends SshHopException {

    private final String host;
    private final int port;
    private final transient PublicKey key;
    private final String fingerprint;

    public UnknownHostKeyException(int hop, String hopName, String host, int port, PublicKey key, String fingerprint) {
        super(hop, hopName, Reason.HOST_KEY_UNKNOWN, key.getAlgorithm() + " key " + fingerprint
                + " is not in ~/.ssh/known_hosts nor in Ringside's known hosts; compare it with the server's and accept it",
                null);
        this.host = host;
        this.port = port;
        this.key = key;
        this.fingerprint = fingerprint;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public PublicKey key() {
        return key;
    }

    /** {@code SHA256:...}, as {@code ssh-keygen -lf} prints it. */
    public String fingerprint() {
        return fingerprint;
    }
}
