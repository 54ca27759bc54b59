package io.ringside.ui.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DayTicksTest {

    @Test
    void aShortRangeIsLabelledOncePerDayNeverInFractionsOfOne() {
        assertEquals(1, DayTicks.step(8, 900), "nine days on a wide axis: every day, once");
        assertEquals(1, DayTicks.step(1, 900));
        assertEquals(1, DayTicks.step(0, 900));
    }

    @Test
    void longerRangesStepInWholeDaysThatKeepTheLabelsApart() {
        assertEquals(7, DayTicks.step(8, 200), "two labels fit: a week apart");
        assertEquals(182, DayTicks.step(4 * 365, 900), "four years: half-years");
        assertEquals(3652, DayTicks.step(100 * 365, 900));
        assertEquals(3 * 3652, DayTicks.step(300 * 365, 900), "past the table: whole decades");
    }
}
