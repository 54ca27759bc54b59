package io.ringside.core.data.dataset;

/**
 * Why a load stops before its end: {@link #CANCEL} marks the version cancelled and drops its
 * chunks; {@link #SUSPEND} (a worker handing its job over) leaves the version {@code loading}
 * with its verified chunks, for the next worker to continue.
 */
public enum LoadInterruption {
    CANCEL, SUSPEND
}
