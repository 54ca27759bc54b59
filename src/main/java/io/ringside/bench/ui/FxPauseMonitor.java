package io.ringside.bench.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes without a pulse. While it runs, an animation timer asks
 * for a pulse every frame (~16 ms), so a longer gap between two pulses is time the FX thread
 * spent blocked or busy: what an operator sees as a frozen window. Start, read and reset it on
 * the FX thread.
 */
public final class FxPauseMonitor {

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            if (last != 0) {
                long gap = now - last;
                longest = Math.max(longest, gap);
                longestBusy = Math.max(longestBusy, cpu - lastCpu);
                if (pulses < MAX_GAPS) {
                    gaps[(int) pulses] = gap;
                    ends[(int) pulses] = now;
                }
                pulses++;
                if (gap > SLOW_NANOS) {
                    slow++;
                }
            }
            last = now;
            lastCpu = cpu;
        }
    };

    static final long SLOW_NANOS = 50_000_000L;
    private static final int MAX_GAPS = 100_000;

    private final long[] gaps = new long[MAX_GAPS];
    private final long[] ends = new long[MAX_GAPS];

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long last;
    private long lastCpu;
    private long longest;
    private long longestBusy;
    private long pulses;
    private long slow;

    public void start() {
        reset();
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    public void reset() {
        last = 0;
        longest = 0;
        longestBusy = 0;
        pulses = 0;
        slow = 0;
    }

    /** The longest gap between two pulses since the last reset, in milliseconds. */
    public double longestPauseMillis() {
        return longest / 1e6;
    }

    /**
     * The most CPU time the FX thread itself used between two pulses, in milliseconds. On a
     * machine whose cores are taken by other processes, a gap can be far longer than this: the
     * difference is time the FX thread waited for a core (it never waits for the network here).
     */
    public double longestBusyMillis() {
        return longestBusy / 1e6;
    }

    /**
     * The longest gap that ended more than {@code settle} after the first pulse, in milliseconds:
     * what is left once a burst at the start (a table's first fill, code not yet compiled) is over.
     */
    public double longestPauseMillisAfter(Duration settle) {
        int count = (int) Math.min(pulses, MAX_GAPS);
        if (count == 0) {
            return 0;
        }
        long from = ends[0] - gaps[0] + settle.toNanos();
        long longestAfter = 0;
        for (int i = 0; i < count; i++) {
            if (ends[i] > from) {
                longestAfter = Math.max(longestAfter, gaps[i]);
            }
        }
        return longestAfter / 1e6;
    }

    /** The 99th percentile of the gaps since the last reset, in milliseconds (0 before two pulses). */
    public double p99PauseMillis() {
        int count = (int) Math.min(pulses, MAX_GAPS);
        if (count == 0) {
            return 0;
        }
        long[] sorted = java.util.Arrays.copyOf(gaps, count);
        java.util.Arrays.sort(sorted);
        return sorted[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6;
    }

    public long pulses() {
        return pulses;
    }

    /** Gaps longer than 50 ms (three frames) since the last reset. */
    public long slowPulses() {
        return slow;
    }
}
