package io.ringside.core.connect.ssh;

import io.ringside.core.BackendUnavailableException;

/**
 * A hop of a profile's SSH tunnel failed: which hop ({@code user@host:port}, 1-based) and why, so
 * Test connection and {@code profiles test} can tell an operator what to fix.
 */
public class SshHopException extends BackendUnavailableException {

    /** Why a hop failed, in the words an operator acts on. */
    public enum Reason {
        UNREACHABLE("unreachable"),
        TIMEOUT("timed out"),
        HOST_KEY_UNKNOWN("host key not yet trusted"),
        HOST_KEY_CHANGED("HOST KEY CHANGED"),
        AUTH("authentication failed"),
        KEY_FILE("key file unusable"),
        FORWARD_REFUSED("forward refused"),
        FAILED("failed");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final int hop;
    private final String hopName;
    private final Reason reason;

    public SshHopException(int hop, String hopName, Reason reason, String detail, Throwable cause) {
        super("SSH hop " + hop + " (" + hopName + "): " + reason.label() + (detail == null || detail.isBlank() ? ""
                : ": " + detail), cause);
        this.hop = hop;
        this.hopName = hopName;
        this.reason = reason;
    }

    /** 1 for the first jump host, 2 for the second. */
    public int hop() {
        return hop;
    }

    /** {@code user@host:port} of the hop. */
    public String hopName() {
        return hopName;
    }

    public Reason reason() {
        return reason;
    }
}
