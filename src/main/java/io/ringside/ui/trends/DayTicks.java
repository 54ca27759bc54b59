package io.ringside.ui.trends;

/**
 * The spacing of the date axis' ticks: a whole number of days. Left to itself, NumberAxis spaces
 * ticks by a round number of units: over a week that was half a day, and both halves of a day
 * were labelled with the same date. A whole-day step from a whole-day start labels each date once
 * however short the range.
 */
final class DayTicks {

    /** Room one date label takes ("2025-03-04" and the gap to the next). */
    static final double LABEL_WIDTH = 90;
    private static final long[] STEPS = {1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826, 3652};

    private DayTicks() {
    }

    /** The smallest step in days that keeps {@code spanDays} within the labels {@code axisWidth} holds. */
    static long step(long spanDays, double axisWidth) {
        long labels = Math.max(2, (long) (axisWidth / LABEL_WIDTH));
        for (long step : STEPS) {
            if (spanDays / step < labels) {
                return step;
            }
        }
        long last = STEPS[STEPS.length - 1];
        return (spanDays / labels / last + 1) * last;
    }
}
