package io.ringside.bench.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.LocalTime;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes without a pulse, and how much CPU the FX thread itself
 * used for each pulse. While it runs, an animation timer asks for a pulse every frame (~16 ms), so
 * a longer gap between two pulses is time the FX thread spent blocked or busy: what an operator
 * sees as a frozen window. The FX thread's CPU clock, read at every pulse, tells how much of a gap
 * was the thread's own work (layout, CSS, the page's handlers) rather than a wait for a core.
 * Start, read and reset it on the FX thread.
 */
public final class FxPauseMonitor {

    private static final int MAX_GAPS = 100_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * {@code -Dringside.bench.slowPulseMillis=N}: print each pulse whose FX-thread CPU exceeded N ms,
     * with the wall-clock time it ended, to find it among a recording's samples (JFR prints times of day).
     */
    private static final long PROBE_NANOS = Long.getLong("ringside.bench.slowPulseMillis", 0) * 1_000_000;
    /** A pulse using less FX-thread CPU than this (2 ms) is one with nothing of the page's to do. */
    static final long QUIET_PULSE_NANOS = 2_000_000;
    private long lastCpu;
    private long lastNow;
    private volatile int quietInARow;
    private final PulseLog log = new PulseLog(MAX_GAPS);

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // Called on the FX thread: the current thread's CPU clock is the FX thread's.
            long cpu = THREADS.getCurrentThreadCpuTime();
            if (PROBE_NANOS > 0 && lastCpu > 0 && cpu - lastCpu > PROBE_NANOS) {
                System.err.printf("slow pulse ending %s: FX-thread CPU %.1f ms, gap %.1f ms%n", LocalTime.now(),
                        (cpu - lastCpu) / 1e6, (now - lastNow) / 1e6);
            }
            quietInARow = lastCpu > 0 && cpu - lastCpu < QUIET_PULSE_NANOS ? quietInARow + 1 : 0;
            lastCpu = cpu;
            lastNow = now;
            log.pulse(now, cpu);
        }
    };

    public void start() {
        reset();
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** How many of the latest pulses in a row used less than 2 ms of FX-thread CPU each; read from any thread. */
    public int quietPulsesInARow() {
        return quietInARow;
    }

    public void reset() {
        log.reset();
    }

    /** Empties the figures for the next phase; the gap ending at the next pulse is counted in it. */
    public void nextPhase() {
        log.nextPhase();
    }

    /** The longest gap between two pulses since the last reset, in milliseconds. */
    public double longestPauseMillis() {
        return log.longestPauseMillis();
    }

    /**
     * The most CPU time the FX thread itself used between two pulses, in milliseconds. On a
     * machine whose cores are taken by other processes, a gap can be far longer than this: the
     * difference is time the FX thread waited for a core (it never waits for the network here).
     */
    public double longestBusyMillis() {
        return log.longestCpuMillis();
    }

    /** The FX thread's CPU time per pulse since the last reset: p99 and max, with their targets. */
    public FxThreadCpu cpuPerPulse() {
        return new FxThreadCpu(log.p99CpuMillis(), log.longestCpuMillis());
    }

    /**
     * The longest gap that ended more than {@code settle} after the first pulse, in milliseconds:
     * what is left once a burst at the start (a table's first fill, code not yet compiled) is over.
     */
    public double longestPauseMillisAfter(Duration settle) {
        return log.longestPauseMillisAfter(settle);
    }

    /** The 99th percentile of the gaps since the last reset, in milliseconds (0 before two pulses). */
    public double p99PauseMillis() {
        return log.p99PauseMillis();
    }

    /** Each pulse since the last reset: its time (nanoTime) and the FX thread's CPU since the pulse before. */
    void eachPulse(PulseLog.PulseVisitor visitor) {
        log.eachPulse(visitor);
    }

    public long pulses() {
        return log.pulses();
    }

    /** Gaps longer than 50 ms (three frames) since the last reset. */
    public long slowPulses() {
        return log.slowPulses();
    }
}
