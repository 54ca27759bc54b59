package io.ringside.archfixture.ui.app;

/** The launcher the CLI may use. */
public final class ConsoleLauncher {
}
