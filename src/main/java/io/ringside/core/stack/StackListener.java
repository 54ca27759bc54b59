package io.ringside.core.stack;

/** Receives progress of the local stack; called from the stack's own threads. */
@FunctionalInterface
public interface StackListener {

    StackListener NONE = event -> { };

    void onEvent(StackEvent event);
}
