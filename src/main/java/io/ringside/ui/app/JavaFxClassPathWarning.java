package io.ringside.ui.app;

import java.util.logging.Logger;

/**
 * Drops the one warning JavaFX prints when it starts from the class path: "Unsupported JavaFX
 * configuration: classes were loaded from 'unnamed module @…'". {@code java -jar ringside.jar}
 * puts JavaFX on the class path (the jar's {@code Class-Path}), which JavaFX 21 runs as it does
 * from the module path but warns about at every start; the installed launchers put it on the module
 * path and never print it. Putting it on the module path from the plain jar would need a second JVM
 * started with {@code --module-path}, a cost at every command for a line of noise.
 *
 * <p>JavaFX writes the warning through its platform logger, a {@link System.Logger} named
 * {@value #JAVAFX_LOGGER}, which ends in the {@code java.util.logging} logger of that name; a
 * filter there drops records starting with {@value #WARNING} and lets every other one through. It
 * must be set before the toolkit starts.
 */
public final class JavaFxClassPathWarning {

    static final String JAVAFX_LOGGER = "javafx";
    static final String WARNING = "Unsupported JavaFX configuration";

    /** Held: {@code java.util.logging} keeps loggers weakly, and a filter on a collected one would be lost. */
    private static final Logger JAVAFX = Logger.getLogger(JAVAFX_LOGGER);

    private JavaFxClassPathWarning() {
    }

    /** Drops the class-path warning from now on; call before the JavaFX toolkit starts. */
    public static void silence() {
        JAVAFX.setFilter(record -> record.getMessage() == null || !record.getMessage().startsWith(WARNING));
    }
}
