package io.ringside.core.data.pm25;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** LTTB downsampling, rolling means and summary statistics of a daily series. */
class TrendStatisticsTest {

    private static final LocalDate START = LocalDate.of(2014, 1, 1);

    @Test
    void downsamplingKeepsFirstLastAndTheExtremesAndShrinksTheSeries() {
        Random random = new Random(42);
        int n = 4 * 365;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 50 + 30 * Math.sin(i / 20.0) + random.nextGaussian() * 10;
        }
        y[777] = 900;
        y[778] = -5;
        int[] kept = Lttb.select(x, y, 300);
        assertTrue(kept.length <= 302 && kept.length >= 300, "kept " + kept.length);
        assertEquals(0, kept[0]);
        assertEquals(n - 1, kept[kept.length - 1]);
        assertTrue(Arrays.stream(kept).anyMatch(i -> i == 777), "maximum dropped");
        assertTrue(Arrays.stream(kept).anyMatch(i -> i == 778), "minimum dropped");
        for (int i = 1; i < kept.length; i++) {
            assertTrue(kept[i] > kept[i - 1], "indices not ascending at " + i);
        }
    }

    @Test
    void aSeriesShorterThanTheThresholdIsKeptWhole() {
        assertArrayEquals(new int[] {0, 1, 2}, Lttb.select(new double[] {1, 2, 3}, new double[] {5, 1, 7}, 10));
    }

    @Test
    void rollingMeanIsTrailingOverCalendarDaysAndSkipsMissingDays() {
        List<DailyPm25> days = new ArrayList<>();
        days.add(day(0, 10));
        days.add(day(1, 20));
        days.add(day(5, 30));
        days.add(day(6, 40));
        days.add(day(7, 50));
        List<RollingMean.Point> mean = RollingMean.of(days, 7);
        assertEquals(List.of(10.0, 15.0, 20.0, 25.0, 35.0), mean.stream().map(RollingMean.Point::mean).toList());
        assertEquals(START.plusDays(7), mean.get(4).date());
    }

    @Test
    void summaryHasTheMeanTheMaximumAndItsDayAndTheDaysAboveTheThreshold() {
        TrendSummary summary = TrendSummary.of("X", List.of(day(0, 10), day(1, 40), day(2, 35.4), day(3, 70)), 35.4);
        assertEquals(38.85, summary.mean(), 1e-9);
        assertEquals(70, summary.max());
        assertEquals(START.plusDays(3), summary.maxDate());
        assertEquals(2, summary.daysAbove());
        assertEquals(4, summary.days());
    }

    @Test
    void aqiCategoriesFollowTheEpaBounds() {
        assertEquals(AqiCategory.GOOD, AqiCategory.of(9.0));
        assertEquals(AqiCategory.GOOD, AqiCategory.of(9.05));
        assertEquals(AqiCategory.MODERATE, AqiCategory.of(9.1));
        assertEquals(AqiCategory.SENSITIVE, AqiCategory.of(35.5));
        assertEquals(AqiCategory.UNHEALTHY, AqiCategory.of(125.4));
        assertEquals(AqiCategory.VERY_UNHEALTHY, AqiCategory.of(225.4));
        assertEquals(AqiCategory.HAZARDOUS, AqiCategory.of(225.5));
    }

    private static DailyPm25 day(int offset, double avg) {
        return new DailyPm25("X", START.plusDays(offset), avg, avg - 1, avg + 1, 24);
    }
}
