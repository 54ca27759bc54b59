package io.ringside.archfixture.ui.stack;

/** Breaks: features stay below the frame. */
public final class StackView {
    io.ringside.archfixture.ui.shell.ShellFrame frame;
}
