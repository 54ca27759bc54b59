package io.ringside.archfixture.cli;

/** Breaks: the CLI reaches the console only through the launcher (the launcher field is fine). */
final class ShotCommand {
    io.ringside.archfixture.ui.app.ConsoleLauncher launcher;
    io.ringside.archfixture.ui.cache.CacheView view;
}
