package io.ringside.testing;

import io.ringside.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the CLI (in this JVM, or in one of its own) and captures what it printed, as a script would see it. */
public record CliRun(int exitCode, String out, String err) {

    /** Runs a command line against the data folder {@code data} ({@code --data} first). */
    public static CliRun in(java.nio.file.Path data, String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "--data";
        full[1] = data.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        return of(full);
    }

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Runs a command line against {@code data} in a JVM of its own on this test's class path,
     * without a display (headless Monocle is chosen at run time), as a script on a server would:
     * for commands that must not share this JVM, e.g. a console attaching to the shared stack
     * that this JVM supervises. stdout and stderr are both in {@code err}, in order.
     */
    public static CliRun inChildJvm(Path data, Duration timeout, String... args) throws IOException, InterruptedException {
        return inChildJvm(data, timeout, List.of(), Map.of(), true, args);
    }

    /**
     * Like {@link #inChildJvm(Path, Duration, String...)} with JVM options and environment
     * variables of its own (e.g. {@code LANG=C}), stdout in {@code out} and stderr in {@code err},
     * each read as UTF-8: a character the child could not write arrives as the {@code ?} it wrote.
     */
    public static CliRun inChildJvm(Path data, Duration timeout, List<String> jvmOptions, Map<String, String> environment,
                                    String... args) throws IOException, InterruptedException {
        return inChildJvm(data, timeout, jvmOptions, environment, false, args);
    }

    private static CliRun inChildJvm(Path data, Duration timeout, List<String> jvmOptions, Map<String, String> environment,
                                     boolean merged, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "--data", data.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(merged);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().putAll(environment);
        Process process = builder.start();
        StreamReader out = new StreamReader(process.getInputStream(), "cli-run-output");
        StreamReader err = merged ? out : new StreamReader(process.getErrorStream(), "cli-run-errors");
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("ringside " + String.join(" ", args) + " did not exit within "
                    + timeout.toSeconds() + " s:\n" + out.text() + (merged ? "" : err.text()));
        }
        return merged ? new CliRun(process.exitValue(), "", out.text())
                : new CliRun(process.exitValue(), out.text(), err.text());
    }

    /** A child's stream read to its end, as UTF-8, on a thread of its own. */
    private static final class StreamReader extends Thread {
        private final InputStream stream;
        private volatile String text = "";

        StreamReader(InputStream stream, String name) {
            super(name);
            this.stream = stream;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            try {
                text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "(output not read: " + e + ")";
            }
        }

        /** What was read, once the stream ended (or after 5 s, whatever was read by then: nothing). */
        String text() throws InterruptedException {
            join(5_000);
            return text;
        }
    }
}
