package io.ringside.archfixture.ui.theme;

/** Breaks: shared code knows no feature. */
final class Palette {
    io.ringside.archfixture.ui.stack.StackView stack;
}
