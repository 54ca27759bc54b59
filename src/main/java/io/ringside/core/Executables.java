package io.ringside.core;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds programs on the PATH (redis-server for the local stack, redis-cli for a benchmark baseline)
 * and asks a program what it is ({@code java -version}, {@code redis-server --version}).
 */
public final class Executables {

    private Executables() {
    }

    public static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * What a short-lived command printed (stdout and stderr together), or empty when it could not
     * be started or did not end within {@code timeout}. The output goes to a temporary file rather
     * than a pipe, so a command that prints more than a pipe holds still ends instead of waiting
     * for a reader.
     */
    public static Optional<String> output(List<String> command, Duration timeout) {
        Path captured = null;
        try {
            captured = Files.createTempFile("ringside-output-", ".txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(captured.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(new String(Files.readAllBytes(captured), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (captured != null) {
                try {
                    Files.deleteIfExists(captured);
                } catch (IOException ignored) {
                    // a temporary file left behind is the system's to clean
                }
            }
        }
    }
}
