package io.ringside.ui.streams;

import io.ringside.core.kafka.explorer.MessageFilter;
import java.text.BreakIterator;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads, on a background thread while the Streams page opens, the classes a first search would
 * otherwise load on the FX thread in the pulse that shows its first matches: the table's row and
 * cell skins (the Messages table may be the first table with rows in the process), the break
 * iterator JavaFX clips a long value with (its resource bundles), and the JSON path libraries.
 * Measured by {@code bench messages-ui}: in a fresh JVM the first matches' pulse loaded about 60
 * classes and the break iterator's bundles on the FX thread. Nothing here touches the scene.
 */
final class MessagesTabPreload {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final String[] CLASSES = {
        "javafx.scene.control.skin.TableRowSkin", "javafx.scene.control.skin.TableCellSkin",
        "com.sun.javafx.scene.control.behavior.TableRowBehavior",
        "com.sun.javafx.scene.control.behavior.TableCellBehavior"};

    private MessagesTabPreload() {
    }

    /** Starts the preload once per process; returns at once. */
    static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread preload = new Thread(MessagesTabPreload::load, "ringside-messages-preload");
        preload.setDaemon(true);
        preload.setPriority(Thread.MIN_PRIORITY);
        preload.start();
    }

    private static void load() {
        ClassLoader loader = MessagesTabPreload.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError ignored) {
                // a preload only: the FX thread loads it when it needs it
            }
        }
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText("a preload");
        characters.following(1);
        MessageFilter.jsonPath("$.state == \"failed\"");
    }
}
