package io.ringside.cli;

import io.ringside.core.data.dataset.LoadProgress;
import io.ringside.core.data.dataset.ProgressListener;
import io.ringside.core.data.pm25.Pm25ImportProgress;
import io.ringside.core.jobs.JobUnit;
import io.ringside.core.jobs.ProgressEvent;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The CLI's one progress printer, on stderr: on a terminal one line redrawn in place (with a bar
 * when the amount of work is known), otherwise one line per report, so logs and captured output
 * stay readable. It speaks the three kinds of progress the commands follow: a dataset load or
 * verify ({@link LoadProgress}), a job's events ({@link ProgressEvent}: percent, done/total, rate,
 * ETA and the event's note) and a PM2.5 import ({@link Pm25ImportProgress}: rows, no known end).
 * Notes such as a degraded write consistency are printed once, on a line of their own.
 */
public final class ProgressPrinter implements ProgressListener, Consumer<ProgressEvent> {

    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private String lastNote;
    private boolean lineOpen;

    public ProgressPrinter(PrintWriter err) {
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
            end();
            err.println("note: " + p.note());
        }
        draw(p.fraction(), String.format(Locale.ROOT, "%-8s %3d%% %s / %s %s  chunks %d", p.phase(),
                Math.round(p.fraction() * 100), JobUnit.BYTES.format(p.done()), JobUnit.BYTES.format(p.total()),
                JobUnit.BYTES.formatRate(p.ratePerSecond()), p.chunks()));
    }

    /** A job's event; the empty end of a job that did nothing is not shown. */
    @Override
    public void accept(ProgressEvent e) {
        if (e.terminal() && e.total() == 0 && e.done() == 0) {
            return;
        }
        String note = e.terminal() || e.message() == null ? "" : "  " + e.message();
        if (!e.amountKnown()) {
            // queued or only started: nothing counted yet, so no "0 B 0 B/s" of a zero-byte job
            draw(null, e.phase() + note);
            return;
        }
        if (!e.fractionKnown()) {
            // no total (a query export): what is done and how fast, no bar, percentage or ETA
            draw(null, String.format(Locale.ROOT, "%-8s %s %s", e.phase(), amounts(e), rate(e)) + note);
            return;
        }
        String line = String.format(Locale.ROOT, "%-8s %4s %s %s ETA %s", e.phase(), e.percent(), amounts(e), rate(e),
                eta(e)) + note;
        draw(e.fraction(), line);
    }

    /** An import's progress: rows so far, and a percent only when the input's size is known. */
    public void show(Pm25ImportProgress p) {
        String percent = p.percent() < 0 ? "" : String.format(Locale.ROOT, ", %.0f%%", p.percent());
        draw(null, String.format(Locale.ROOT, "%,d rows read, %,d rejected, %,.0f rows/s%s%s", p.rowsRead(),
                p.rowsRejected(), p.rowsPerSecond(), percent, p.file() == null ? "" : " (" + p.file() + ")"));
    }

    /** Ends a terminal line drawn in place, so what follows starts on a line of its own. */
    public synchronized void end() {
        if (lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
    }

    /** Draws {@code line}, after a bar at {@code fraction} unless that is null (a line of its own when not on a terminal). */
    private synchronized void draw(Double fraction, String line) {
        if (terminal) {
            String bar = "";
            if (fraction != null) {
                int filled = (int) Math.round(fraction * BAR_WIDTH);
                bar = "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] ";
            }
            err.print("\r\033[K" + bar + line);
            lineOpen = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** In the units the console's Jobs page shows too ({@link JobUnit#format}). */
    private static String amounts(ProgressEvent e) {
        return e.unit().formatProgress(e.done(), e.total());
    }

    private static String rate(ProgressEvent e) {
        return e.unit().formatRate(e.ratePerS() == null ? 0 : e.ratePerS());
    }

    private static String eta(ProgressEvent e) {
        return e.etaS() == null ? "-" : String.format(Locale.ROOT, "%.0f s", e.etaS());
    }
}
