package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringside.core.data.dataset.LoadProgress;
import io.ringside.core.data.pm25.Pm25ImportProgress;
import io.ringside.core.jobs.JobKind;
import io.ringside.core.jobs.JobState;
import io.ringside.core.jobs.JobUnit;
import io.ringside.core.jobs.ProgressEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private final StringWriter text = new StringWriter();

    @Test
    void onATerminalALoadGetsABarAndAnImportOnlyItsLineRedrawnInPlace() {
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), true);

        printer.onProgress(new LoadProgress("write", LoadProgress.UNIT_BYTES, 500_000, 1_000_000, 250_000, 3, null));
        printer.show(new Pm25ImportProgress("a.csv", 2000, 1990, 10, 50, 100, Duration.ofSeconds(2)));
        printer.end();

        assertEquals("\r\033[K[############            ] write     50% 500.0 kB / 1.0 MB 250.0 kB/s  chunks 3"
                + "\r\033[K2,000 rows read, 10 rejected, 1,000 rows/s, 50% (a.csv)" + System.lineSeparator(),
                text.toString());
    }

    @Test
    void elsewhereEachReportIsALineAndNotesAreShownOnce() {
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), false);

        printer.onProgress(new LoadProgress("write", LoadProgress.UNIT_BYTES, 0, 1_000_000, 0, 0, "consistency ONE"));
        printer.onProgress(new LoadProgress("write", LoadProgress.UNIT_BYTES, 0, 1_000_000, 0, 0, "consistency ONE"));
        printer.show(new Pm25ImportProgress(null, 5, 5, 0, 0, 0, Duration.ZERO));
        printer.end();

        String line = "write      0% 0 B / 1.0 MB 0 B/s  chunks 0";
        String n = System.lineSeparator();
        assertEquals("note: consistency ONE" + n + line + n + line + n + "5 rows read, 0 rejected, 0 rows/s" + n,
                text.toString());
    }

    /** A query export's events have no total: no bar, percentage or ETA, only what is written and how fast. */
    @Test
    void aJobWithoutATotalShowsItsCountAndRateWithoutABarPercentOrEta() {
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), true);
        UUID job = UUID.randomUUID();

        printer.accept(new ProgressEvent(job, 1, Instant.now(), JobKind.EXPORT_TABLE, List.of("SELECT * FROM a.b"), "me",
                JobState.RUNNING, "export", JobUnit.ROWS, 12_345, 0, 1_500.0, null, 0, List.of(), null, null,
                "12,345 rows written, 1.2 MB"));
        printer.accept(new ProgressEvent(job, 2, Instant.now(), JobKind.EXPORT_TABLE, List.of("SELECT * FROM a.b"), "me",
                JobState.SUCCEEDED, "complete", JobUnit.ROWS, 20_000, 20_000, 2_000.0, 0.0, 0, List.of(), null, null,
                "exported"));
        printer.end();

        assertEquals("\r\033[Kexport   12,345 rows 1,500 rows/s  12,345 rows written, 1.2 MB"
                + "\r\033[K[########################] complete 100% 20,000 / 20,000 rows 2,000 rows/s ETA 0 s"
                + System.lineSeparator(), text.toString());
    }

    /** A job's first events count nothing yet: their phase and note, not a zero-byte job's "0 B 0 B/s". */
    @Test
    void aJobThatHasOnlyStartedShowsItsPhaseWithoutAnAmount() {
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), false);
        UUID job = UUID.randomUUID();

        printer.accept(new ProgressEvent(job, 0, Instant.now(), JobKind.LOAD_PM25, List.of("/data/a.csv"), "me",
                JobState.QUEUED, "queued", JobUnit.BYTES, 0, 0, null, null, 0, List.of(), null, null,
                "waiting for a worker"));
        printer.accept(new ProgressEvent(job, 1, Instant.now(), JobKind.LOAD_PM25, List.of("/data/a.csv"), "me",
                JobState.RUNNING, "start", JobUnit.BYTES, 0, 0, null, null, 0, List.of(), null, null, null));

        String n = System.lineSeparator();
        assertEquals("queued  waiting for a worker" + n + "start" + n, text.toString());
    }
}
