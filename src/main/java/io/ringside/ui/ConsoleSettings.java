package io.ringside.ui;

import java.nio.file.Path;

/**
 * What the console was opened with.
 *
 * @param autoStart start the local stack when none runs; off in UI tests, which must not start
 *                  real servers
 */
public record ConsoleSettings(Path dataFolder, String profile, boolean autoStart) {
}
