package io.ringside.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the CLI and the Jobs page both write a job's amounts and rates. */
class JobUnitTest {

    @Test
    void countedProgressNamesItsUnitOnceAndBytesKeepTheirOwnUnits() {
        assertEquals("247,864 / 453,237 rows", JobUnit.ROWS.formatProgress(247_864, 453_237));
        assertEquals("3 / 12 chunks", JobUnit.CHUNKS.formatProgress(3, 12));
        assertEquals("512.0 kB / 26.4 MB", JobUnit.BYTES.formatProgress(512_000, 26_412_236));
        assertEquals("1,200 rows", JobUnit.ROWS.formatProgress(1_200, 0), "no total yet: the amount alone");
    }

    @Test
    void countedRatesFromTenThousandOnKeepThreeFigures() {
        assertEquals("9,999 rows/s", JobUnit.ROWS.formatRate(9_999));
        assertEquals("10k rows/s", JobUnit.ROWS.formatRate(10_000));
        assertEquals("122k rows/s", JobUnit.ROWS.formatRate(122_279));
        assertEquals("1.0M rows/s", JobUnit.ROWS.formatRate(999_600), "rounds up into millions, not to 1000k");
        assertEquals("1.4M chunks/s", JobUnit.CHUNKS.formatRate(1_400_000));
        assertEquals("2.6 MB/s", JobUnit.BYTES.formatRate(2_641_223.6));
    }
}
