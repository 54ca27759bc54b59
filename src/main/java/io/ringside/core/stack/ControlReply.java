package io.ringside.core.stack;

/**
 * One JSON line from the supervisor: either a progress {@code event}, or the final line with
 * {@code done=true} and the outcome ({@code ok}, {@code error}, the resulting {@code state}).
 */
public record ControlReply(StackEvent event, boolean done, boolean ok, String error, StackState state) {

    static ControlReply progress(StackEvent event) {
        return new ControlReply(event, false, false, null, null);
    }

    static ControlReply success(StackState state) {
        return new ControlReply(null, true, true, null, state);
    }

    static ControlReply failure(String error, StackState state) {
        return new ControlReply(null, true, false, error, state);
    }
}
