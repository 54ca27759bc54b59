package io.ringside.cli;

import io.ringside.ui.app.ConsoleLauncher;
import java.io.PrintWriter;

/**
 * Lets a benchmark that opens a JavaFX window run on a machine without a display, the way
 * snapshot mode does: with no display, JavaFX is switched to Monocle's headless platform with
 * software rendering before the toolkit starts. With a display nothing changes.
 */
public final class HeadlessFx {

    private HeadlessFx() {
    }

    public static void configureIfNeeded(PrintWriter err) {
        if (ConsoleLauncher.configureHeadlessIfNoDisplay()) {
            err.println("note: no display; JavaFX runs headless (Monocle, software rendering)");
            err.flush();
        }
    }
}
