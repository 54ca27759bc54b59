package io.ringside.core.stack;

import io.ringside.core.stack.StackEvent.Phase;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The life cycle every local server shares: fetch and configure, spawn behind the stdin watchdog,
 * report milestones read from its log while polling a real client until it answers, and on
 * failure say which server, why and the last lines of its log. Subclasses say how.
 */
abstract class ManagedServer {

    /** A log line pattern that marks progress worth telling the operator about. */
    record Milestone(Pattern pattern, String detail) {
        static Milestone of(String regex, String detail) {
            return new Milestone(Pattern.compile(regex), detail);
        }
    }

    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ (more|common))");

    private final String name;
    private final Path home;
    private volatile ServerProcess process;
    private volatile Phase phase = Phase.STOPPED;
    private volatile String abortReason;

    ManagedServer(String name, Path home) {
        this.name = name;
        this.home = home;
    }

    String name() {
        return name;
    }

    Phase phase() {
        return phase;
    }

    /** Fetches binaries and writes configuration; {@code detail} reports steps. */
    abstract void prepare(ProgressReporter progress);

    abstract List<String> command();

    /** The server's own folder in the data folder: its configuration, data and logs live below it. */
    Path home() {
        return home;
    }

    /** Whatever the process prints, which is where a JVM that dies early says why. */
    Path consoleLog() {
        return home.resolve("logs/console.log");
    }

    /** The log whose lines tell the milestones and explain failures. */
    abstract Path serverLog();

    abstract List<Milestone> milestones();

    /** Whether a real client gets an answer; must return quickly (short timeouts). */
    abstract boolean probe();

    Map<String, String> environment() {
        return Map.of();
    }

    Duration stopGrace() {
        return Duration.ofSeconds(30);
    }

    /** Makes a start in progress give up at its next poll, because another server failed. */
    void abort(String reason) {
        abortReason = reason;
    }

    boolean isRunning() {
        ServerProcess p = process;
        return p != null && p.serverAlive();
    }

    /** What the server holds in memory once it answers, for the start's events: ", 959 MiB resident"; empty if unknown. */
    private String residentAtReady() {
        return ResidentMemory.describe(pid()).map(memory -> ", " + memory + " resident").orElse("");
    }

    Long pid() {
        ServerProcess p = process;
        return p != null && p.serverAlive() ? p.serverPid() : null;
    }

    void start(StackListener listener, Duration timeout) {
        if (isRunning()) {
            listener.onEvent(new StackEvent(name, Phase.READY, "already running", 0));
            return;
        }
        ServerProcess killed = process;
        if (killed != null && killed.isAlive()) {
            killed.stop(stopGrace()); // the wrapper of a server killed in a drill: closing its stdin ends it
        }
        ProgressReporter progress = new ProgressReporter(name, listener);
        abortReason = null;
        phase = Phase.RESOLVING;
        try {
            progress.report(Phase.RESOLVING, "fetching binaries");
            prepare(progress);
            phase = Phase.STARTING;
            progress.report(Phase.STARTING, "launching process");
            long logOffset = sizeOf(serverLog());
            process = ServerProcess.start(name, command(), home, consoleLog(), environment());
            awaitReady(progress, timeout, logOffset);
            phase = Phase.READY;
            progress.report(Phase.READY, "ready (pid " + pid() + residentAtReady() + ")");
        } catch (RuntimeException e) {
            phase = Phase.FAILED;
            ServerProcess p = process;
            if (p != null && p.isAlive()) {
                p.stop(Duration.ofSeconds(10));
            }
            String message = e.getMessage();
            progress.report(Phase.FAILED, message == null ? e.toString() : message.lines().findFirst().orElse(""));
            throw e instanceof StackException ? e : new StackException(name + " failed to start: " + e, e);
        }
    }

    private void awaitReady(ProgressReporter progress, Duration timeout, long logOffset) {
        long deadline = System.nanoTime() + timeout.toNanos();
        LogFollower follower = new LogFollower(serverLog(), logOffset);
        List<Milestone> milestones = milestones();
        String lastDetail = null;
        while (true) {
            for (String line : follower.newLines()) {
                for (Milestone milestone : milestones) {
                    if (milestone.pattern().matcher(line).find() && !milestone.detail().equals(lastDetail)) {
                        lastDetail = milestone.detail();
                        progress.report(Phase.STARTING, milestone.detail());
                    }
                }
            }
            if (!process.isAlive()) {
                throw new StackException(name + " exited during startup with code " + process.exitValue()
                        + ". Last lines of " + serverLog() + ":\n  " + String.join("\n  ", failureLines()));
            }
            if (abortReason != null) {
                throw new StackException(name + " start abandoned: " + abortReason);
            }
            if (probe()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(name + " did not answer within " + timeout.toSeconds()
                        + " s. Last lines of " + serverLog() + ":\n  " + String.join("\n  ", failureLines()));
            }
            pause(Duration.ofMillis(250));
        }
    }

    private List<String> failureLines() {
        List<String> lines = new ArrayList<>(LogTail.last(serverLog(), 12));
        if (lines.stream().anyMatch(STACK_FRAME.asPredicate())) {
            // a stack trace's frames say little to an operator; its message lines say why
            lines = new ArrayList<>(LogTail.last(serverLog(), 400).stream()
                    .filter(STACK_FRAME.asPredicate().negate()).toList());
            lines = new ArrayList<>(lines.subList(Math.max(0, lines.size() - 12), lines.size()));
        }
        if (!serverLog().equals(consoleLog())) {
            List<String> console = LogTail.last(consoleLog(), 8);
            if (!console.isEmpty()) {
                lines.add("--- " + consoleLog() + ":");
                lines.addAll(console);
            }
        }
        return lines;
    }

    void stop(StackListener listener) {
        ServerProcess p = process;
        if (p == null || !p.isAlive()) {
            phase = Phase.STOPPED;
            listener.onEvent(new StackEvent(name, Phase.STOPPED, "not running", 0));
            return;
        }
        ProgressReporter progress = new ProgressReporter(name, listener);
        phase = Phase.STOPPING;
        progress.report(Phase.STOPPING, "shutting down " + p);
        p.stop(stopGrace());
        phase = Phase.STOPPED;
        progress.report(Phase.STOPPED, "stopped");
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Reports phase changes with the time since this action began. */
    static final class ProgressReporter {
        private final String server;
        private final StackListener listener;
        private final long started = System.nanoTime();

        ProgressReporter(String server, StackListener listener) {
            this.server = server;
            this.listener = listener;
        }

        void report(Phase phase, String detail) {
            listener.onEvent(new StackEvent(server, phase, detail, (System.nanoTime() - started) / 1_000_000));
        }

        void detail(String detail) {
            report(Phase.RESOLVING, detail);
        }
    }

    /** Reads the lines appended to a log since a given offset. */
    private static final class LogFollower {
        private final Path file;
        private long offset;
        private String partial = "";

        LogFollower(Path file, long offset) {
            this.file = file;
            this.offset = offset;
        }

        List<String> newLines() {
            if (!Files.isRegularFile(file)) {
                return List.of();
            }
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                long length = raf.length();
                if (length < offset) {
                    offset = 0;
                }
                if (length == offset) {
                    return List.of();
                }
                byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
                raf.seek(offset);
                raf.readFully(bytes);
                offset += bytes.length;
                String text = partial + new String(bytes, StandardCharsets.UTF_8);
                int lastNewline = text.lastIndexOf('\n');
                partial = lastNewline < 0 ? text : text.substring(lastNewline + 1);
                return lastNewline < 0 ? List.of() : List.of(text.substring(0, lastNewline).split("\n"));
            } catch (IOException e) {
                return List.of();
            }
        }
    }
}
