package io.ringside.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time, which unlike wall time hardly depends on what else runs on the machine: of the calling
 * thread, of this JVM, and of the child processes this JVM has waited for (user + sys, from
 * {@code /proc/self/stat}'s cutime and cstime: a {@code bash -c "a | b"} child counts with the
 * processes it waited for).
 */
final class CpuTimes {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** USER_HZ, 100 on every Linux the console runs on. */
    private static final double TICK_NANOS = 1e9 / 100;

    private CpuTimes() {
    }

    static long threadNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** CPU time of a live thread; -1 once it has ended. */
    static long threadNanos(Thread thread) {
        return THREADS.getThreadCpuTime(thread.getId());
    }

    /** CPU time of this JVM so far, or 0 where the platform does not say. */
    static long processNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /** User + sys CPU of the waited-for children, or -1 where there is no {@code /proc}. */
    static long childrenNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command name in parentheses: state is field 3, cutime 16, cstime 17
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (long) ((Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * TICK_NANOS);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
