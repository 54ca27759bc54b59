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
        assertEquals("10.0k rows/s", JobUnit.ROWS.formatRate(10_000));
        assertEquals("122k rows/s", JobUnit.ROWS.formatRate(122_279));
        assertEquals("1.00M rows/s", JobUnit.ROWS.formatRate(999_600), "rounds up into millions, not to 1000k");
        assertEquals("1.40M chunks/s", JobUnit.CHUNKS.formatRate(1_400_000));
        assertEquals("2.6 MB/s", JobUnit.BYTES.formatRate(2_641_223.6));
    }

    /** The CLI's rate and the Jobs table's are one figure, the table's leaving the unit to its Done column. */
    @Test
    void theCliWritesTheRateTheJobsTableShowsWithItsUnit() {
        for (double rate : new double[] {0, 1_200, 9_999.6, 12_345, 99_960, 122_279, 999_400, 999_600, 1_234_567}) {
            assertEquals(JobUnit.ROWS.formatRateShort(rate).replace("/s", " rows/s"), JobUnit.ROWS.formatRate(rate),
                    "at " + rate);
        }
        assertEquals(JobUnit.BYTES.formatRateShort(2_641_223.6), JobUnit.BYTES.formatRate(2_641_223.6));
    }

    @Test
    void theJobsTableWritesSevenDigitFiguresShortAndKeepsEveryDigitForTheTooltip() {
        assertEquals("1.23M / 9.88M rows", JobUnit.ROWS.formatProgressShort(1_234_567, 9_876_543));
        assertEquals("1,234,567 / 9,876,543 rows", JobUnit.ROWS.formatProgressExact(1_234_567, 9_876_543));
        assertEquals("9,999 / 12.3k rows", JobUnit.ROWS.formatProgressShort(9_999, 12_345));
        assertEquals("421k / 453k rows", JobUnit.ROWS.formatProgressShort(420_768, 453_237));
        assertEquals("3 / 12 chunks", JobUnit.CHUNKS.formatProgressShort(3, 12));
        assertEquals("1,200 rows", JobUnit.ROWS.formatProgressShort(1_200, 0), "no total yet: the amount alone");
        assertEquals("0.5 / 26.4 MB", JobUnit.BYTES.formatProgressShort(512_000, 26_412_236), "one unit, the total's");
        assertEquals("26.4 / 26.4 MB", JobUnit.BYTES.formatProgressShort(26_412_236, 26_412_236));
        assertEquals("512 / 900 B", JobUnit.BYTES.formatProgressShort(512, 900));
        assertEquals("13,206,118 / 26,412,236 bytes", JobUnit.BYTES.formatProgressExact(13_206_118, 26_412_236));
        assertEquals("122k/s", JobUnit.ROWS.formatRateShort(122_279));
        assertEquals("1.23M/s", JobUnit.ROWS.formatRateShort(1_234_567));
        assertEquals("2.6 MB/s", JobUnit.BYTES.formatRateShort(2_641_223.6));
        assertEquals("122,279 rows/s", JobUnit.ROWS.formatRateExact(122_279.4));
    }

    @Test
    void countsRoundBeforeTheSuffixIsChosen() {
        assertEquals("9,999", JobUnit.count(9_999));
        assertEquals("10.0k", JobUnit.count(9_999.6));
        assertEquals("100k", JobUnit.count(99_960));
        assertEquals("1.00M", JobUnit.count(999_600));
        assertEquals("12.3M", JobUnit.count(12_345_678));
        assertEquals("123M", JobUnit.count(123_456_789));
        assertEquals("1.00B", JobUnit.count(999_999_999));
    }
}
