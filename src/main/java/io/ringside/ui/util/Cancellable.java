package io.ringside.ui.util;

/** Handle to background work or a scheduled action, so a view-model can stop what it started. */
@FunctionalInterface
public interface Cancellable {

    Cancellable NONE = () -> { };

    void cancel();
}
