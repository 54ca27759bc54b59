package io.ringside.bench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PulseLogTest {

    private static final long MS = 1_000_000L;

    /** Feeds pulses 16 ms apart, each with the given FX-thread CPU in ms (the first pulse only starts). */
    private static PulseLog pulses(long... cpuMillis) {
        PulseLog log = new PulseLog(1000);
        long now = 1_000 * MS;
        long cpu = 5_000 * MS;
        log.pulse(now, cpu);
        for (long c : cpuMillis) {
            now += 16 * MS;
            cpu += c * MS;
            log.pulse(now, cpu);
        }
        return log;
    }

    @Test
    void eachPulseIsChargedTheThreadCpuUsedSinceThePreviousOneNotTheClockReading() {
        PulseLog log = pulses(3, 7, 2);

        assertEquals(3, log.pulses());
        assertEquals(7.0, log.longestCpuMillis(), 1e-9);
        assertEquals(7.0, log.p99CpuMillis(), 1e-9);
        assertEquals(16.0, log.longestPauseMillis(), 1e-9);
    }

    @Test
    void theGapEndingAtThePulseAfterANextPhaseIsCountedInTheNewPhase() {
        PulseLog log = pulses(3, 3);
        log.nextPhase();
        log.pulse(1_100 * MS, 5_090 * MS);

        assertEquals(1, log.pulses(), "the first pulse of the phase closes a gap instead of only starting");
        assertEquals(84.0, log.longestCpuMillis(), 1e-9);

        log.reset();
        log.pulse(1_200 * MS, 5_190 * MS);
        assertEquals(0, log.pulses(), "after a reset the first pulse only starts");
    }

    @Test
    void theP99LeavesOutTheWorstPercentButTheMaxKeepsIt() {
        long[] cpu = new long[200];
        java.util.Arrays.fill(cpu, 4);
        cpu[50] = 90;
        cpu[150] = 60;
        PulseLog log = pulses(cpu);

        assertEquals(4.0, log.p99CpuMillis(), 1e-9, "2 of 200 pulses are the worst 1 %");
        assertEquals(90.0, log.longestCpuMillis(), 1e-9);
        FxThreadCpu judged = new FxThreadCpu(log.p99CpuMillis(), log.longestCpuMillis());
        assertFalse(judged.met(), "one pulse over 50 ms fails the max target");
    }

    @Test
    void aLongGapWithLittleCpuIsAWaitForACoreNotTheThreadsWork() {
        PulseLog log = new PulseLog(10);
        log.pulse(0, 0);
        log.pulse(200 * MS, 3 * MS);

        assertEquals(200.0, log.longestPauseMillis(), 1e-9);
        assertEquals(1, log.slowPulses());
        assertTrue(new FxThreadCpu(log.p99CpuMillis(), log.longestCpuMillis()).met());
    }

    @Test
    void aResetStartsOverFromTheNextPulseWithoutChargingTheTimeBeforeIt() {
        PulseLog log = pulses(40, 45);
        log.reset();
        log.pulse(10_000 * MS, 90_000 * MS);
        log.pulse(10_016 * MS, 90_002 * MS);

        assertEquals(1, log.pulses());
        assertEquals(2.0, log.longestCpuMillis(), 1e-9);
        assertEquals(2.0, log.p99CpuMillis(), 1e-9);
    }

    @Test
    void theTargetsAreOneFrameAtP99AndThreeFramesAtMost() {
        assertTrue(new FxThreadCpu(16.0, 50.0).met());
        assertFalse(new FxThreadCpu(16.1, 20.0).met());
        assertFalse(new FxThreadCpu(5.0, 50.1).met());
        assertTrue(new FxThreadCpu(16.0, 50.0).describe().endsWith("met)"));
        assertTrue(FxThreadCpu.verdict(false).startsWith("result\tFAIL"));
    }
}
