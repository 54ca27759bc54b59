package io.ringside.core.data.pm25;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013), so that a chart of years of
 * daily points for many locations stays smooth. Plain LTTB keeps the first and last point but may
 * drop the series' highest or lowest day, which is exactly what an operator looks for in a
 * pollution chart, so the global minimum and maximum are added back: the result holds at most
 * {@code threshold + 2} points.
 */
public final class Lttb {

    private Lttb() {
    }

    /**
     * Indices into {@code x}/{@code y} of the points to keep, ascending. {@code x} must be
     * ascending; series no longer than {@code threshold} (or thresholds below 3) are kept whole.
     */
    public static int[] select(double[] x, double[] y, int threshold) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values, y has " + y.length);
        }
        int n = x.length;
        if (threshold < 3 || n <= threshold) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        TreeSet<Integer> kept = new TreeSet<>();
        kept.add(0);
        double bucketSize = (double) (n - 2) / (threshold - 2);
        int a = 0;
        for (int bucket = 0; bucket < threshold - 2; bucket++) {
            int start = (int) Math.floor(bucket * bucketSize) + 1;
            int end = (int) Math.floor((bucket + 1) * bucketSize) + 1;
            int nextStart = end;
            int nextEnd = Math.min((int) Math.floor((bucket + 2) * bucketSize) + 1, n);
            double avgX = 0;
            double avgY = 0;
            for (int i = nextStart; i < nextEnd; i++) {
                avgX += x[i];
                avgY += y[i];
            }
            int count = Math.max(nextEnd - nextStart, 1);
            avgX /= count;
            avgY /= count;
            double bestArea = -1;
            int best = start;
            for (int i = start; i < end; i++) {
                double area = Math.abs((x[a] - avgX) * (y[i] - y[a]) - (x[a] - x[i]) * (avgY - y[a]));
                if (area > bestArea) {
                    bestArea = area;
                    best = i;
                }
            }
            kept.add(best);
            a = best;
        }
        kept.add(n - 1);
        kept.add(extreme(y, true));
        kept.add(extreme(y, false));
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int extreme(double[] y, boolean max) {
        int found = 0;
        for (int i = 1; i < y.length; i++) {
            if (max ? y[i] > y[found] : y[i] < y[found]) {
                found = i;
            }
        }
        return found;
    }
}
