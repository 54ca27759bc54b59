package io.ringside.core.data.pm25;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Trailing rolling mean of the daily averages over calendar days: the value of a day is the mean
 * of the days present in the {@code windowDays} days ending on it. Missing days are skipped rather
 * than counted as zero, so a gap in the data does not pull the line down.
 */
public final class RollingMean {

    private RollingMean() {
    }

    public record Point(LocalDate date, double mean) {
    }

    /** One point per day of {@code days} (ascending by date). */
    public static List<Point> of(List<DailyPm25> days, int windowDays) {
        if (windowDays < 1) {
            throw new IllegalArgumentException("rolling window must be at least 1 day, was " + windowDays);
        }
        List<Point> points = new ArrayList<>(days.size());
        Deque<DailyPm25> window = new ArrayDeque<>();
        double sum = 0;
        for (DailyPm25 day : days) {
            window.addLast(day);
            sum += day.avg();
            LocalDate first = day.date().minusDays(windowDays - 1L);
            while (window.peekFirst().date().isBefore(first)) {
                sum -= window.removeFirst().avg();
            }
            points.add(new Point(day.date(), sum / window.size()));
        }
        return points;
    }
}
