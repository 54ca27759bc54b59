package io.ringside.cli;

import io.ringside.core.data.dataset.LoadProgress;
import io.ringside.core.data.dataset.ProgressListener;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * Shows progress on stderr: a self-overwriting bar on a terminal, one line per report otherwise
 * (logs and captured output stay readable). Notes such as a degraded write consistency are
 * printed once, on a line of their own.
 */
final class ProgressPrinter implements ProgressListener {

    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private String lastNote;
    private boolean barOpen;

    ProgressPrinter(PrintWriter err) {
        this(err, System.console() != null);
    }

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void onProgress(LoadProgress p) {
        if (p.note() != null && !Objects.equals(p.note(), lastNote)) {
            lastNote = p.note();
            endBar();
            err.println("note: " + p.note());
        }
        show(p.fraction(), String.format("%-8s %3d%% %8.1f/%.1f MB %7.1f MB/s  chunks %d", p.phase(),
                Math.round(p.fraction() * 100), p.done() / 1e6, p.total() / 1e6, p.ratePerSecond() / 1e6, p.chunks()));
    }

    /** Draws a bar at {@code fraction} followed by {@code line} (a line of its own when not on a terminal). */
    synchronized void show(double fraction, String line) {
        if (terminal) {
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            err.print("\r\033[K[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + line);
            barOpen = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends a terminal bar's line, so what follows starts on a line of its own. */
    synchronized void endBar() {
        if (barOpen) {
            err.println();
            err.flush();
            barOpen = false;
        }
    }
}
