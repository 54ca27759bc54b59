package io.ringside.cli;

import io.ringside.core.jobs.JobUnit;
import io.ringside.core.jobs.ProgressEvent;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A job's progress on stderr, fed by its events: percent, done/total, rate and ETA; a bar redrawn
 * in place on a terminal, one line per event otherwise, each with the event's note (rows read,
 * a degraded consistency, a resume).
 */
final class JobProgressBar implements Consumer<ProgressEvent> {

    private final ProgressPrinter printer;

    JobProgressBar(PrintWriter err) {
        this.printer = new ProgressPrinter(err);
    }

    @Override
    public void accept(ProgressEvent e) {
        if (e.terminal() && e.total() == 0 && e.done() == 0) {
            return;
        }
        String line = String.format(Locale.ROOT, "%-8s %3d%% %s %s ETA %s", e.phase(), Math.round(e.fraction() * 100),
                amounts(e), rate(e), eta(e)) + (e.terminal() || e.message() == null ? "" : "  " + e.message());
        printer.show(e.fraction(), line);
    }

    private static String amounts(ProgressEvent e) {
        if (e.unit() == JobUnit.BYTES) {
            return String.format(Locale.ROOT, "%8.1f/%.1f MB", e.done() / 1e6, e.total() / 1e6);
        }
        return String.format(Locale.ROOT, "%,d/%,d %s", e.done(), e.total(), e.unit().label());
    }

    private static String rate(ProgressEvent e) {
        double rate = e.ratePerS() == null ? 0 : e.ratePerS();
        return e.unit() == JobUnit.BYTES ? String.format(Locale.ROOT, "%7.1f MB/s", rate / 1e6)
                : String.format(Locale.ROOT, "%,.0f %s/s", rate, e.unit().label());
    }

    private static String eta(ProgressEvent e) {
        return e.etaS() == null ? "-" : String.format(Locale.ROOT, "%.0f s", e.etaS());
    }

    /** Ends a terminal bar's line, so what follows starts on a line of its own. */
    void end() {
        printer.endBar();
    }
}
