package io.ringside.core.data.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Pending invalidations in a temporary folder of their own, so tests never share or leave them behind. */
public final class FreshPending {

    private FreshPending() {
    }

    public static PendingInvalidations folder() {
        try {
            return PendingInvalidations.in(Files.createTempDirectory("ringside-pending"), "127.0.0.1", 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
