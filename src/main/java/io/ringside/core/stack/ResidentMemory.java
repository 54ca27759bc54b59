package io.ringside.core.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a server costs in memory, as the kernel counts it ({@code VmRSS} in {@code /proc/<pid>/status}):
 * the heap flag alone says little of a JVM (a Cassandra node at {@code -Xmx512m} holds 600-730 MB),
 * and a server started through a wrapper process has its memory in a child. Linux only; elsewhere
 * nothing is known.
 */
public final class ResidentMemory {

    private ResidentMemory() {
    }

    /** {@link #ofTree} as people read it ("959 MiB"); empty for no process or when nothing can be read. */
    public static Optional<String> describe(Long pid) {
        if (pid == null) {
            return Optional.empty();
        }
        OptionalLong bytes = ofTree(pid);
        return bytes.isPresent() ? Optional.of((bytes.getAsLong() >> 20) + " MiB") : Optional.empty();
    }

    /** The resident set of a process and all its descendants; empty when the process is gone or nothing can be read. */
    public static OptionalLong ofTree(long pid) {
        OptionalLong own = of(pid);
        if (own.isEmpty()) {
            return own;
        }
        long total = own.getAsLong() + ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .mapToLong(child -> of(child.pid()).orElse(0)).sum();
        return OptionalLong.of(total);
    }

    /** The resident set of one process in bytes. */
    public static OptionalLong of(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
