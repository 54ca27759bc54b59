package io.ringside.cli;

import java.io.PrintWriter;

/**
 * Lets a benchmark that opens a JavaFX window run on a machine without a display: with no
 * {@code DISPLAY} and Monocle on the classpath, JavaFX is switched to Monocle's headless
 * platform with software rendering before the toolkit starts. With a display nothing changes.
 */
final class HeadlessFx {

    private static final String MONOCLE = "com.sun.glass.ui.monocle.MonoclePlatformFactory";

    private HeadlessFx() {
    }

    static void configureIfNeeded(PrintWriter err) {
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) {
            return;
        }
        try {
            Class.forName(MONOCLE, false, HeadlessFx.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            err.println("note: no DISPLAY and no Monocle on the classpath; run under xvfb-run if JavaFX cannot start");
            err.flush();
            return;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
    }
}
