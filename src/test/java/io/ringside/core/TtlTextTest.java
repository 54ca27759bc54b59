package io.ringside.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TtlTextTest {

    @Test
    void theTwoLargestUnitsRoundedUpToTheSecond() {
        assertEquals("—", TtlText.of(-1));
        assertEquals("expired", TtlText.of(0));
        assertEquals("1 s", TtlText.of(1));
        assertEquals("59 s", TtlText.of(59_000));
        assertEquals("1m 00s", TtlText.of(59_001));
        assertEquals("12m 03s", TtlText.of(723_000));
        assertEquals("5h 59m", TtlText.of((5 * 3600 + 59 * 60 + 30) * 1000L));
        assertEquals("2d 03h", TtlText.of((2 * 86_400 + 3 * 3600) * 1000L));
    }
}
