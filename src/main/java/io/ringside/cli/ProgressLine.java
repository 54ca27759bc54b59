package io.ringside.cli;

import io.ringside.core.data.pm25.Pm25ImportProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Import progress on stderr. On a terminal one line is redrawn in place; redirected to a file
 * or a pipe, each update is a line of its own so a log stays readable.
 */
public final class ProgressLine {

    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private boolean drawn;

    public ProgressLine(PrintWriter err) {
        this.err = err;
    }

    public void show(Pm25ImportProgress p) {
        String percent = p.percent() < 0 ? "" : String.format(Locale.ROOT, ", %.0f%%", p.percent());
        String line = String.format(Locale.ROOT, "%,d rows read, %,d rejected, %,.0f rows/s%s%s", p.rowsRead(),
                p.rowsRejected(), p.rowsPerSecond(), percent, p.file() == null ? "" : " (" + p.file() + ")");
        if (terminal) {
            err.print("\r\033[K" + line);
            drawn = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    public void end() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
