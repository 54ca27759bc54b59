package io.ringside.core.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server running as a child process whose stdin pipe this JVM holds open: closing it (or this
 * JVM dying) tells the child's watchdog to shut the server down. Output goes to a log file, never
 * to a pipe nobody drains. Every child runs under {@code umask 077} ({@link OwnerOnly}).
 */
final class ServerProcess {

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final Path consoleLog;

    private ServerProcess(String name, Process process, Path consoleLog) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
        this.consoleLog = consoleLog;
    }

    static ServerProcess start(String name, List<String> command, Path workDir, Path consoleLog,
                               Map<String, String> environment) {
        try {
            OwnerOnly.file(consoleLog);
            ProcessBuilder builder = new ProcessBuilder(OwnerOnly.underPrivateUmask(command))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
            builder.environment().putAll(environment);
            return new ServerProcess(name, builder.start(), consoleLog);
        } catch (IOException e) {
            throw new StackException("Cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    /** Runs a short-lived tool (e.g. Kafka's storage format) to completion; fails with its output. */
    static void runToCompletion(String name, List<String> command, Path workDir, Path log, Duration timeout) {
        runToCompletion(name, command, workDir, log, timeout, Map.of());
    }

    /** Like {@link #runToCompletion(String, List, Path, Path, Duration)} with extra environment variables. */
    static void runToCompletion(String name, List<String> command, Path workDir, Path log, Duration timeout,
                                Map<String, String> environment) {
        ServerProcess tool = start(name, command, workDir, log, environment);
        try {
            tool.stdin.close();
            if (!tool.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                tool.process.destroyForcibly();
                throw new StackException(name + " did not finish within " + timeout.toSeconds() + " s; log " + log);
            }
            if (tool.process.exitValue() != 0) {
                throw new StackException(name + " failed with exit code " + tool.process.exitValue() + ":\n  "
                        + String.join("\n  ", LogTail.last(log, 15)));
            }
        } catch (IOException e) {
            throw new StackException("Cannot run " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tool.process.destroyForcibly();
            throw new StackException(name + " interrupted");
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * The pid of the server itself, which for a shell-wrapped server is the wrapper's child: not
     * the {@code cat} that watches the wrapper's stdin beside it (a drill signalling this pid must
     * hit the server).
     */
    long serverPid() {
        List<ProcessHandle> children = process.children().toList();
        return children.stream().filter(ServerProcess::runningServer)
                .findFirst().or(() -> children.stream().findFirst()).map(ProcessHandle::pid).orElse(process.pid());
    }

    /**
     * Whether the server itself runs: the process, and for a shell-wrapped server a child beside
     * the stdin watcher. A wrapped server that was killed leaves its wrapper waiting on stdin.
     */
    boolean serverAlive() {
        if (!process.isAlive()) {
            return false;
        }
        List<ProcessHandle> children = process.children().toList();
        return children.isEmpty() || children.stream().anyMatch(ServerProcess::runningServer);
    }

    /** A child that is neither the stdin watcher ({@code cat}) nor a killed server not yet reaped (no executable). */
    private static boolean runningServer(ProcessHandle child) {
        return child.info().command().filter(c -> !c.endsWith("/cat")).isPresent();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    Path consoleLog() {
        return consoleLog;
    }

    /**
     * Closes stdin so the watchdog shuts the server down through its own hooks; escalates to
     * SIGTERM and then SIGKILL if it does not go within the grace period.
     */
    void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the pipe is already gone; the process is exiting anyway
        }
        if (!waitFor(process.toHandle(), grace)) {
            process.destroy();
            if (!waitFor(process.toHandle(), Duration.ofSeconds(10))) {
                process.destroyForcibly();
                waitFor(process.toHandle(), Duration.ofSeconds(10));
            }
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroy();
                if (!waitFor(child, Duration.ofSeconds(5))) {
                    child.destroyForcibly();
                }
            }
        }
    }

    static boolean waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
