package io.ringside.core.connect.ssh;

/**
 * One SSH hop as the tunnel needs it: where, who, and how it logs in. Profiles keep their hops in
 * their own model; this package depends on nothing of it, so the tunnel stays a layer below.
 *
 * @param keyFile an OpenSSH or PEM private key, for {@link Login#KEY}; {@code ~/} is the user's home
 */
public record JumpHost(String host, int port, String user, Login login, String keyFile) {

    /** How a hop logs in. */
    public enum Login { KEY, PASSWORD, AGENT }

    public JumpHost {
        port = port == 0 ? 22 : port;
        login = login == null ? Login.KEY : login;
    }

    /** {@code user@host:port}, how failures name the hop. */
    public String describe() {
        return user + "@" + host + ":" + port;
    }
}
