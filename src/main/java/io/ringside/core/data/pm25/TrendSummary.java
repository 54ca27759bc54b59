package io.ringside.core.data.pm25;

import java.time.LocalDate;
import java.util.List;

/**
 * What the Trends screen prints under the chart for one location: the mean of the daily averages,
 * the highest daily average and its day, and how many days' averages were above a threshold
 * (strictly, so a threshold of 35.4 counts the days that left "Moderate").
 */
public record TrendSummary(String location, int days, double mean, double max, LocalDate maxDate, double threshold,
                           int daysAbove) {

    public static TrendSummary of(String location, List<DailyPm25> series, double threshold) {
        double sum = 0;
        double max = Double.NaN;
        LocalDate maxDate = null;
        int above = 0;
        for (DailyPm25 day : series) {
            sum += day.avg();
            if (maxDate == null || day.avg() > max) {
                max = day.avg();
                maxDate = day.date();
            }
            if (day.avg() > threshold) {
                above++;
            }
        }
        double mean = series.isEmpty() ? Double.NaN : sum / series.size();
        return new TrendSummary(location, series.size(), mean, max, maxDate, threshold, above);
    }
}
