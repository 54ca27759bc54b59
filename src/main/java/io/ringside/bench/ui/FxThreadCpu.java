package io.ringside.bench.ui;

import java.util.Locale;

/**
 * The FX thread's own CPU time per pulse of one measured phase, and the verdict every UI
 * benchmark gives on it. Responsiveness is judged by this rather than by the wall-clock gaps
 * between pulses, which on a machine with few, shared cores measure mostly the FX thread waiting
 * for a core: p99 within one frame at 60 Hz, and no pulse costing more than three.
 *
 * @param p99Millis the 99th percentile of the FX thread's CPU time per pulse
 * @param maxMillis the most CPU time the FX thread used in one pulse
 */
public record FxThreadCpu(double p99Millis, double maxMillis) {

    /** One frame at 60 Hz. */
    public static final double P99_TARGET_MILLIS = 16;

    /** Three frames: a stutter an operator notices. */
    public static final double MAX_TARGET_MILLIS = 50;

    public boolean met() {
        return p99Millis <= P99_TARGET_MILLIS && maxMillis <= MAX_TARGET_MILLIS;
    }

    /** {@code FX-thread CPU per pulse p99 3.1 ms, max 12.0 ms (target p99 <= 16 ms, max <= 50 ms: met)}. */
    public String describe() {
        return String.format(Locale.ROOT, "FX-thread CPU per pulse p99 %.1f ms, max %.1f ms (target p99 <= %.0f ms, "
                + "max <= %.0f ms: %s)", p99Millis, maxMillis, P99_TARGET_MILLIS, MAX_TARGET_MILLIS,
                met() ? "met" : "missed");
    }

    /**
     * A UI benchmark's pass/fail line: {@code met} when every measured phase's FX-thread CPU per
     * pulse was within the targets.
     */
    public static String verdict(boolean met) {
        return verdict(met, "");
    }

    /** The same, for a benchmark that also judges {@code alsoJudged} (", event -> bar lag p99 < 100 ms"). */
    public static String verdict(boolean met, String alsoJudged) {
        return String.format(Locale.ROOT, "result\t%s (targets: FX-thread CPU per pulse p99 <= %.0f ms, max <= %.0f ms"
                + " in every measured phase%s; the wall-clock pauses are printed, not judged)", met ? "PASS" : "FAIL",
                P99_TARGET_MILLIS, MAX_TARGET_MILLIS, alsoJudged);
    }
}
