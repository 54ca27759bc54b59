package io.ringside.bench.ui;

import io.ringside.ui.util.UiTaskExecutor;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Waits, before either side of a comparison is timed, until this JVM has nothing left running
 * that the timed read would share the two cores with: the page's executor idle, the FX thread's
 * last few pulses nearly free (a page made a moment ago is laid out and styled over several
 * pulses, longer than a fixed pause under load), and the JIT compilers not working (a C2
 * compilation of the page's code overlapping a read made it 50 ms slower than the same read
 * alone). Both the page and the limit wait for the same moment, so neither pays for the other's
 * leftovers; the wait is bounded and reported, never silently skipped.
 */
final class QuietMoment {

    /** Pulses in a row whose FX-thread CPU stayed under {@link FxPauseMonitor#QUIET_PULSE_NANOS}. */
    private static final int QUIET_PULSES = 5;
    /** How long the JIT's total compilation time must stay unchanged. */
    private static final Duration COMPILER_QUIET = Duration.ofMillis(150);
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

    /** How long one wait took, and whether the moment came before the deadline. */
    record Wait(double millis, boolean quiet) {

        String describe() {
            return String.format(Locale.ROOT, quiet ? "quiet after %.0f ms" : "NOT quiet after %.0f ms", millis);
        }
    }

    private QuietMoment() {
    }

    static Wait await(FxPauseMonitor monitor, UiTaskExecutor executor) {
        long started = System.nanoTime();
        long deadline = started + DEADLINE.toNanos();
        boolean timed = COMPILER != null && COMPILER.isCompilationTimeMonitoringSupported();
        long compiled = timed ? COMPILER.getTotalCompilationTime() : 0;
        long compiledSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (timed) {
                long now = COMPILER.getTotalCompilationTime();
                if (now != compiled) {
                    compiled = now;
                    compiledSince = System.nanoTime();
                }
            }
            boolean compilerQuiet = System.nanoTime() - compiledSince >= COMPILER_QUIET.toNanos();
            if (compilerQuiet && executor.idle() && monitor.quietPulsesInARow() >= QUIET_PULSES) {
                return new Wait((System.nanoTime() - started) / 1e6, true);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Wait((System.nanoTime() - started) / 1e6, false);
    }
}
