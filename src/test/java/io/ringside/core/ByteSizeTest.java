package io.ringside.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringside.core.jobs.JobUnit;
import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void bytesAreWrittenInDecimalUnitsWithOneDecimal() {
        assertEquals("26.4 MB", ByteSize.format(26_412_236), "the file the console once called 25.2 MB");
        assertEquals("512 B", ByteSize.format(512));
        assertEquals("1.5 kB", ByteSize.format(1_500));
        assertEquals("1.0 MB", ByteSize.format(999_950), "rounded before the unit is chosen: not 1000.0 kB");
        assertEquals("3.2 GB", ByteSize.format(3_200_000_000L));
        assertEquals("0 B", ByteSize.format(-5));
    }

    @Test
    void jobUnitsShareTheFormatWithTheirRates() {
        assertEquals("26.4 MB", JobUnit.BYTES.format(26_412_236));
        assertEquals("2.6 MB/s", JobUnit.BYTES.formatRate(2_641_223.6));
        assertEquals("1,200 rows", JobUnit.ROWS.format(1200));
        assertEquals("12 chunks/s", JobUnit.CHUNKS.formatRate(12.4));
    }
}
