package io.ringside.ui.stack;

/** Where the stack screen is; decides which buttons are enabled and whether status is polled. */
public enum StackMode {
    /** Looking for a supervisor and the recorded state. */
    CHECKING,
    /** This console is starting the stack and will supervise it. */
    STARTING,
    /** This console supervises the running stack: closing the window stops it. */
    RUNNING,
    /** Another process supervises the stack; this console only watches. */
    ATTACHED,
    STOPPING,
    STOPPED,
    /** The last start failed; the error banner says why. */
    FAILED;

    /** Whether the servers are up, supervised here or elsewhere: what pages on the local profile wait for. */
    public boolean serversUp() {
        return this == RUNNING || this == ATTACHED;
    }
}
