package io.ringside.ui.streams;

import io.ringside.core.kafka.explorer.MessageFilter;
import io.ringside.ui.util.GridClassPreload;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads, on a background thread while the Streams page opens, what a first search would otherwise
 * load on the FX thread in the pulse that shows its first matches: the row grid's classes (the
 * Messages table may be the first table with rows in the process) and the JSON path libraries.
 * Measured by {@code bench messages-ui}: in a fresh JVM the first matches' pulse loaded about 60
 * classes and the break iterator's bundles on the FX thread. Nothing here touches the scene.
 */
final class MessagesTabPreload {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private MessagesTabPreload() {
    }

    /** Starts the preload once per process; returns at once. */
    static void start() {
        GridClassPreload.startOnce(STARTED, "ringside-messages-preload", MessagesTabPreload::load);
    }

    private static void load() {
        GridClassPreload.load();
        MessageFilter.jsonPath("$.state == \"failed\"");
    }
}
