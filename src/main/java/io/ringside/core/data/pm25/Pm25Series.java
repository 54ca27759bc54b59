package io.ringside.core.data.pm25;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A daily series held as columns of primitives (what a cache hit decodes into with a few bulk
 * copies, and what charts and downsampling want), readable as a list of days. Rows are built on
 * access; the columns are the data.
 */
public final class Pm25Series extends AbstractList<DailyPm25> implements RandomAccess {

    private final String location;
    private final int[] epochDays;
    private final double[] avg;
    private final double[] min;
    private final double[] max;
    private final int[] samples;

    Pm25Series(String location, int[] epochDays, double[] avg, double[] min, double[] max, int[] samples) {
        this.location = location;
        this.epochDays = epochDays;
        this.avg = avg;
        this.min = min;
        this.max = max;
        this.samples = samples;
    }

    /** Columns of the given days; {@code samples} -1 stands for null. */
    public static Pm25Series of(String location, List<DailyPm25> days) {
        int n = days.size();
        int[] epochDays = new int[n];
        double[] avg = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        int[] samples = new int[n];
        for (int i = 0; i < n; i++) {
            DailyPm25 day = days.get(i);
            epochDays[i] = (int) day.date().toEpochDay();
            avg[i] = day.avg();
            min[i] = day.min();
            max[i] = day.max();
            samples[i] = day.samples() == null ? -1 : day.samples();
        }
        return new Pm25Series(location, epochDays, avg, min, max, samples);
    }

    @Override
    public DailyPm25 get(int index) {
        return new DailyPm25(location, Dates.ofEpochDay(epochDays[index]), avg[index], min[index], max[index],
                samples[index] < 0 ? null : samples[index]);
    }

    @Override
    public int size() {
        return epochDays.length;
    }

    public String location() {
        return location;
    }

    public LocalDate date(int index) {
        return Dates.ofEpochDay(epochDays[index]);
    }

    public double avg(int index) {
        return avg[index];
    }

    public double min(int index) {
        return min[index];
    }

    public double max(int index) {
        return max[index];
    }

    int[] epochDays() {
        return epochDays;
    }

    double[] avgColumn() {
        return avg;
    }

    double[] minColumn() {
        return min;
    }

    double[] maxColumn() {
        return max;
    }

    int[] samplesColumn() {
        return samples;
    }
}
