package io.ringside.ui.stack;

import io.ringside.core.stack.StackEvent.Phase;
import io.ringside.ui.theme.Tone;

/**
 * A server's state as the table shows it. Start events give the fine-grained phases; status polls
 * only know {@link #UP} or {@link #DOWN}.
 */
public enum ServerStatus {
    UNKNOWN("unknown", Tone.MUTED, false),
    PENDING("pending", Tone.MUTED, true),
    RESOLVING("resolving", Tone.WARN, true),
    CONFIGURING("configuring", Tone.WARN, true),
    STARTING("starting", Tone.WARN, true),
    READY("ready", Tone.OK, false),
    UP("up", Tone.OK, false),
    STOPPING("stopping", Tone.WARN, true),
    STOPPED("stopped", Tone.MUTED, false),
    FAILED("failed", Tone.BAD, false),
    DOWN("down", Tone.BAD, false);

    private final String label;
    private final Tone tone;
    private final boolean transitional;

    ServerStatus(String label, Tone tone, boolean transitional) {
        this.label = label;
        this.tone = tone;
        this.transitional = transitional;
    }

    public String label() {
        return label;
    }

    public Tone tone() {
        return tone;
    }

    /** In the middle of an action whose end an event will tell; a poll must not overrule it. */
    public boolean transitional() {
        return transitional;
    }

    public boolean running() {
        return this == READY || this == UP;
    }

    public static ServerStatus of(Phase phase) {
        return switch (phase) {
            case PENDING -> PENDING;
            case RESOLVING -> RESOLVING;
            case CONFIGURING -> CONFIGURING;
            case STARTING -> STARTING;
            case READY -> READY;
            case STOPPING -> STOPPING;
            case STOPPED -> STOPPED;
            case FAILED -> FAILED;
        };
    }
}
