package io.ringside.ui;

import java.nio.file.Path;
import javafx.application.Application;

/**
 * Opens the console from the CLI. Not an {@link Application} itself, so the console starts from a
 * plain classpath; returns when the window has closed.
 */
public final class ConsoleLauncher {

    private ConsoleLauncher() {
    }

    public static void launch(Path dataFolder, String profile) {
        Application.launch(ConsoleApp.class,
                "--" + ConsoleApp.DATA + "=" + dataFolder.toAbsolutePath(),
                "--" + ConsoleApp.PROFILE + "=" + profile);
    }
}
