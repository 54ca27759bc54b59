package io.ringside.archfixture.core;

/** Breaks: core free of the console. */
final class ReachesConsole {
    io.ringside.archfixture.ui.app.ConsoleLauncher launcher;
}
