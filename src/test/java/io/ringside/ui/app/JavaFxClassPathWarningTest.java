package io.ringside.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.javafx.logging.PlatformLogger;
import com.sun.javafx.util.Logging;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The warning JavaFX logs when it starts from the class path ({@code java -jar ringside.jar}) is
 * dropped, logged the way JavaFX logs it (its platform logger); its other warnings still pass.
 */
class JavaFxClassPathWarningTest {

    @Test
    void theClassPathWarningIsDroppedAndOtherWarningsPass() {
        Logger jul = Logger.getLogger(JavaFxClassPathWarning.JAVAFX_LOGGER);
        List<String> published = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                published.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(handler);
        try {
            JavaFxClassPathWarning.silence();
            PlatformLogger javafx = Logging.getJavaFXLogger();
            javafx.warning("Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'");
            javafx.warning("Some other JavaFX warning");

            assertEquals(List.of("Some other JavaFX warning"), published);
        } finally {
            jul.removeHandler(handler);
        }
    }
}
