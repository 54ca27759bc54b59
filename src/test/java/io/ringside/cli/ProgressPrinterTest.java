package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringside.core.data.dataset.LoadProgress;
import io.ringside.core.data.pm25.Pm25ImportProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
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
}
