package io.ringside.core.connect;

/** Why a connection check failed, in the words an operator acts on. */
public enum FailureKind {
    /** Nothing listens there, or the host name does not resolve: wrong endpoint or server down. */
    UNREACHABLE("unreachable"),
    /** The server answered and refused the credentials. */
    AUTH_FAILED("authentication failed"),
    /** The TLS handshake failed: TLS against a plain port, an untrusted certificate, a bad client certificate. */
    TLS_FAILED("TLS failed"),
    /** Something accepted the connection but did not answer in time. */
    TIMEOUT("timed out"),
    /** An SSH jump host offered a key that is not trusted yet (unknown) or not the one trusted before (changed). */
    HOST_KEY("host key not trusted"),
    /** The SSH jump host refused to forward to the endpoint (nothing listens there, or forwarding is not allowed). */
    FORWARD_REFUSED("forward refused"),
    /** The profile lacks what the check needs (no endpoint, a missing secret or file). */
    MISCONFIGURED("not configured"),
    FAILED("failed");

    private final String label;

    FailureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
