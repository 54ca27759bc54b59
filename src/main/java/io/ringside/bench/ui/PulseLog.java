package io.ringside.bench.ui;

import java.time.Duration;
import java.util.Arrays;

/**
 * The pulses an {@link FxPauseMonitor} saw: for each, the wall-clock gap since the previous pulse
 * and the CPU time the FX thread itself used in that gap. The two answer different questions. The
 * gap is what an operator sees as a frozen window, but on a machine whose cores are busy with
 * other work it is mostly the FX thread waiting for a core; the thread's own CPU per pulse is the
 * work the page puts on it, which does not depend on how many cores the machine has or what else
 * runs there. Kept apart from the animation timer so the arithmetic can be tested without a
 * toolkit; not thread-safe (the monitor feeds and reads it on the FX thread).
 */
final class PulseLog {

    static final long SLOW_NANOS = 50_000_000L;

    private final int capacity;
    private final long[] gaps;
    private final long[] ends;
    private final long[] cpus;

    private boolean started;
    private long last;
    private long lastCpu;
    private long longest;
    private long longestCpu;
    private long pulses;
    private long slow;

    PulseLog(int capacity) {
        this.capacity = capacity;
        this.gaps = new long[capacity];
        this.ends = new long[capacity];
        this.cpus = new long[capacity];
    }

    /**
     * One pulse: its time and the FX thread's CPU clock then, both in nanoseconds. The first pulse
     * after a reset only sets the starting point; every later one closes a gap.
     */
    void pulse(long nowNanos, long threadCpuNanos) {
        if (started) {
            long gap = nowNanos - last;
            long cpu = Math.max(0, threadCpuNanos - lastCpu);
            longest = Math.max(longest, gap);
            longestCpu = Math.max(longestCpu, cpu);
            if (pulses < capacity) {
                gaps[(int) pulses] = gap;
                ends[(int) pulses] = nowNanos;
                cpus[(int) pulses] = cpu;
            }
            pulses++;
            if (gap > SLOW_NANOS) {
                slow++;
            }
        }
        started = true;
        last = nowNanos;
        lastCpu = threadCpuNanos;
    }

    /**
     * A fresh start: the next pulse only sets the starting point (the clock's last reading may be
     * from long ago).
     */
    void reset() {
        started = false;
        nextPhase();
    }

    /**
     * The figures emptied for the next phase, the last pulse kept as the starting point: the gap
     * that ends at the next pulse is counted in the new phase, so no pulse falls between two phases.
     */
    void nextPhase() {
        longest = 0;
        longestCpu = 0;
        pulses = 0;
        slow = 0;
    }

    double longestPauseMillis() {
        return longest / 1e6;
    }

    double p99PauseMillis() {
        return p99(gaps);
    }

    double longestCpuMillis() {
        return longestCpu / 1e6;
    }

    double p99CpuMillis() {
        return p99(cpus);
    }

    /** The longest gap that ended more than {@code settle} after the first pulse, in milliseconds. */
    double longestPauseMillisAfter(Duration settle) {
        int count = recorded();
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

    long pulses() {
        return pulses;
    }

    /** Each recorded pulse since the last reset: when it came (nanoTime) and the FX thread's CPU since the one before. */
    void eachPulse(PulseVisitor visitor) {
        for (int i = 0; i < recorded(); i++) {
            visitor.pulse(ends[i], cpus[i]);
        }
    }

    /** Sees one pulse. */
    interface PulseVisitor {
        void pulse(long endNanos, long cpuNanos);
    }

    long slowPulses() {
        return slow;
    }

    private int recorded() {
        return (int) Math.min(pulses, capacity);
    }

    /** The nearest-rank 99th percentile of the recorded values, in milliseconds (0 before two pulses). */
    private double p99(long[] values) {
        int count = recorded();
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return sorted[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6;
    }
}
