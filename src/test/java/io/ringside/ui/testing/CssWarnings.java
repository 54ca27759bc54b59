package io.ringside.ui.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What JavaFX's CSS engine warns about while open: a looked-up colour no sheet defines, a value
 * that does not convert. The engine only logs these and goes on without the style, so a control
 * silently loses its background or text colour; a test that lays pages out can fail on them.
 */
public final class CssWarnings implements AutoCloseable {

    private static final Logger CSS = Logger.getLogger("javafx.css");

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                messages.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CssWarnings() {
        CSS.addHandler(handler);
    }

    public static CssWarnings collect() {
        return new CssWarnings();
    }

    /** The distinct warnings so far, in the order first logged. */
    public List<String> messages() {
        return messages.stream().distinct().toList();
    }

    @Override
    public void close() {
        CSS.removeHandler(handler);
    }
}
