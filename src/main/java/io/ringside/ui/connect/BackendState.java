package io.ringside.ui.connect;

import io.ringside.core.connect.Backend;
import io.ringside.core.connect.ConnectionCheck;
import io.ringside.ui.theme.Tone;
import java.time.Duration;

/**
 * One backend as the status bar shows it: a coloured dot (green answering, amber checking or slow,
 * an amber ring while the local stack is still starting it, red failing) and the reason on hover.
 */
public record BackendState(Backend backend, Tone tone, String summary, String reason) {

    /** Answers slower than this are amber: up, but something is wrong. */
    static final Duration SLOW = Duration.ofSeconds(1);

    public static BackendState checking(Backend backend) {
        return new BackendState(backend, Tone.WARN, "checking", backend.label() + ": checking…");
    }

    static final String STARTING = "starting";

    /**
     * Not answering yet, but the local stack is starting it: a normal start is not a failure, so it
     * is not painted red.
     */
    public static BackendState starting(ConnectionCheck check) {
        return new BackendState(check.backend(), Tone.WARN, STARTING, check.backend().label()
                + ": starting with the local stack, not answering yet (" + check.describe() + ")");
    }

    public boolean starting() {
        return STARTING.equals(summary);
    }

    /** Up, slow or not: it answered its last check. */
    public boolean answering() {
        return "up".equals(summary) || "slow".equals(summary);
    }

    public static BackendState of(ConnectionCheck check) {
        if (!check.ok()) {
            return new BackendState(check.backend(), Tone.BAD, check.failure().label(), check.describe());
        }
        if (check.latency().compareTo(SLOW) > 0) {
            return new BackendState(check.backend(), Tone.WARN, "slow", check.describe());
        }
        return new BackendState(check.backend(), Tone.OK, "up", check.describe());
    }
}
