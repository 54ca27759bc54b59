package io.ringside.archfixture.ui.shell;

/** A frame page. */
public final class ShellFrame {
}
