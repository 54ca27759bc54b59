package io.ringside.core.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Resident memory of a process as Linux counts it ({@code VmRSS} in {@code /proc/<pid>/status}):
 * what each local server really takes, which is what decides whether a two-core, few-GiB machine
 * can run a multi-broker or multi-node stack. Elsewhere (no {@code /proc}) it is unknown.
 */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** The resident set size of process {@code pid} in bytes; 0 when unknown. */
    public static long residentBytes(long pid) {
        return residentBytes(Long.toString(pid));
    }

    /** The resident set size of this process in bytes; 0 when unknown. */
    public static long residentBytesOfSelf() {
        return residentBytes("self");
    }

    private static long residentBytes(String process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", process, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** ", 210 MB resident" for an event's detail, or nothing when unknown. */
    static String describe(Long pid) {
        long bytes = pid == null ? 0 : residentBytes(pid);
        return bytes <= 0 ? "" : String.format(Locale.ROOT, ", %d MB resident", bytes / (1024 * 1024));
    }
}
