/**
 * What the console is started with ({@link io.ringside.ui.settings.ConsoleSettings}) and what it
 * remembers between runs ({@link io.ringside.ui.settings.ConsolePreferences}); shared by the
 * composition root and the shell, so neither has to reach into the other.
 */
package io.ringside.ui.settings;
