package io.ringside.ui.cluster;

import java.time.Instant;

/**
 * The time axis of a Nodes tab chart, in minutes since the epoch: from the oldest sample shown to the
 * latest, as a live monitor grows its axis until its window is full and then scrolls with it. A
 * window fixed on the clock (as before) put a just-selected node's first minutes as a short line at
 * the right edge of an empty chart; here the line starts at the left edge from the first sample.
 *
 * <p>The axis spans at least {@value #MIN_SPAN_MINUTES} minutes, so a first sample has an axis with a
 * labelled minute on it ({@code NumberAxis} puts no tick between bounds one tick unit apart), and the
 * first minutes' line grows to the right on a still axis; at most {@code window} minutes,
 * so samples spread out by the health poll's back-off do not squeeze the last minutes. Its ticks are
 * the whole minutes between the bounds ({@code NumberAxis} counts a whole tick unit from the first
 * whole minute above the lower bound, and adds a tick at each bound); a tick is labelled only on a
 * multiple of {@link #labelEvery()} minutes (every minute while the span is at most
 * {@value #FINE_SPAN_MINUTES} minutes), so labels keep to the same minutes as the axis scrolls, where
 * a tick unit of two minutes would label even minutes, then odd ones, as the lower bound passed a
 * whole minute.
 *
 * <p>The axis is ranged anew only when it no longer holds the samples well ({@link #next}): it ends
 * {@value #STEP_MINUTES} minutes past the latest sample when ranged, and moves when a sample passes its
 * end or the oldest has left its start that far behind. Ranged at every five-second sample, each
 * refresh laid out every tick and the whole line again (13-28 ms of FX-thread CPU a refresh against
 * 4-12 ms on a still axis); so it moves about once in six samples.
 */
record TimeAxisSpan(double lower, double upper, int labelEvery) {

    static final double MIN_SPAN_MINUTES = 2;
    static final double FINE_SPAN_MINUTES = 4;
    /** The axis's tick unit, in minutes: a whole one, so ticks fall on whole minutes. */
    static final int TICK_UNIT = 1;
    /** Room left right of the latest sample, and how far the oldest may pass the start, before the axis moves. */
    static final double STEP_MINUTES = 0.5;

    /**
     * The axis for samples taken from {@code oldest} to {@code latest}, ranged anew: from the oldest
     * to {@value #STEP_MINUTES} minutes past the latest, {@code window} minutes at most, labelled every
     * {@code coarseLabels} minutes once longer than {@value #FINE_SPAN_MINUTES}.
     */
    static TimeAxisSpan of(Instant oldest, Instant latest, double window, int coarseLabels) {
        double end = minutes(latest) + STEP_MINUTES;
        double lower = Math.max(minutes(oldest), end - window);
        double upper = Math.max(end, lower + MIN_SPAN_MINUTES);
        return new TimeAxisSpan(lower, upper, upper - lower <= FINE_SPAN_MINUTES ? 1 : coarseLabels);
    }

    /**
     * The axis to show for these samples: {@code current} (null before the first) while the latest sample
     * is on it and the oldest has not left its start {@value #STEP_MINUTES} minutes behind, else
     * {@link #of} them.
     */
    static TimeAxisSpan next(TimeAxisSpan current, Instant oldest, Instant latest, double window, int coarseLabels) {
        double first = minutes(oldest);
        if (current != null && minutes(latest) <= current.upper && first >= current.lower
                && first - current.lower < STEP_MINUTES) {
            return current;
        }
        return of(oldest, latest, window, coarseLabels);
    }

    /** The axis before any sample: the {@code window} minutes ending {@code now}. */
    static TimeAxisSpan endingAt(Instant now, double window, int coarseLabels) {
        double end = minutes(now);
        return new TimeAxisSpan(end - window, end, coarseLabels);
    }

    static double minutes(Instant at) {
        return at.toEpochMilli() / 60_000.0;
    }

    /** Whether the tick at {@code minute} has a label: a whole multiple of {@link #labelEvery()}, not a bound between minutes. */
    boolean labelled(double minute) {
        double steps = minute / labelEvery;
        return Math.abs(steps - Math.rint(steps)) < 1e-6;
    }
}
