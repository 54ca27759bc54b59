package io.ringside.bench.ui;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * What an {@link FxPauseMonitor} saw over one measured phase of a UI benchmark: the wall-clock gaps
 * between pulses (longest, p99, how many over 50 ms) and the FX thread's own CPU time per pulse,
 * which is what the benchmarks judge (see {@link FxThreadCpu}). Every UI benchmark prints it the
 * same way.
 */
public record FxPulses(double longestPauseMillis, double p99PauseMillis, long slowPulses, long pulses, FxThreadCpu cpu) {

    /** Read on the FX thread. */
    public static FxPulses of(FxPauseMonitor monitor) {
        return new FxPulses(monitor.longestPauseMillis(), monitor.p99PauseMillis(), monitor.slowPulses(),
                monitor.pulses(), monitor.cpuPerPulse());
    }

    /**
     * {@code longest FX pause 80.1 ms, p99 40.2 ms, 3 of 900 pulses over 50 ms; FX-thread CPU per
     * pulse p99 ... (target ...: met)}: the wall-clock figures first, the judged one last.
     */
    public String describe() {
        return String.format(Locale.ROOT, "longest FX pause %.1f ms, p99 %.1f ms, %d of %d pulses over 50 ms; %s",
                longestPauseMillis, p99PauseMillis, slowPulses, pulses, cpu.describe());
    }

    /** Prints one phase's line ({@code phase<TAB>describe()}); true when its FX-thread CPU met the targets. */
    public boolean print(PrintWriter out, String phase) {
        out.println(phase + "\t" + describe());
        return cpu.met();
    }
}
