package io.ringside.core.stack;

/**
 * A command for the process that supervises a local stack, sent as one JSON line over its
 * control socket. {@code command} is one of {@code events}, {@code status}, {@code down},
 * {@code stop-node}, {@code start-node}, {@code stop-broker}, {@code start-broker}, {@code stop},
 * {@code start}; {@code node} is the node's or broker's 1-based number.
 */
public record ControlRequest(String command, Integer node, String server) {

    public static ControlRequest of(String command) {
        return new ControlRequest(command, null, null);
    }
}
