package io.ringside.core.data.pm25;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds hourly PM2.5 readings into daily average, minimum, maximum and sample count. Only
 * readings that exist count: a missing hour lowers {@code samples}, it does not pull the
 * average towards zero, and a day without any reading yields no daily row at all. Held for a
 * whole import (a few thousand days per station), so a day split across files still comes out whole.
 */
final class DailyAggregator {

    private record Day(String location, LocalDate date) {
    }

    private static final class Stats {
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int count;
    }

    private final Map<Day, Stats> days = new LinkedHashMap<>();

    void add(HourlyReading reading) {
        if (reading.pm25() == null) {
            return;
        }
        double value = reading.pm25();
        Stats stats = days.computeIfAbsent(new Day(reading.location(),
                LocalDate.of(reading.year(), reading.month(), reading.day())), k -> new Stats());
        stats.sum += value;
        stats.min = Math.min(stats.min, value);
        stats.max = Math.max(stats.max, value);
        stats.count++;
    }

    List<DailyPm25> days() {
        List<DailyPm25> result = new ArrayList<>(days.size());
        days.forEach((day, s) -> result.add(new DailyPm25(day.location(), day.date(), s.sum / s.count, s.min, s.max,
                s.count)));
        return result;
    }
}
