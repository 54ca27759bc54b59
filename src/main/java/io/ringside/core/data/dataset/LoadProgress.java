package io.ringside.core.data.dataset;

/**
 * One progress report of a load, export or verify, in the shape the job progress events use
 * (conventions: phase, unit, done, total, rate). {@code note} carries what an operator must
 * know while it runs, e.g. that writes fell back to consistency ONE; null otherwise.
 */
public record LoadProgress(String phase, String unit, long done, long total, double ratePerSecond, int chunks,
                           String note) {

    public static final String UNIT_BYTES = "bytes";

    public double fraction() {
        return total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }
}
