package io.ringside.testing;

import io.ringside.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--data", data.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output not read: ").append(e).append(')');
            }
        }, "cli-run-output");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            reader.join(5_000);
            throw new AssertionError("ringside " + String.join(" ", args) + " did not exit within "
                    + timeout.toSeconds() + " s:\n" + output);
        }
        reader.join(5_000);
        return new CliRun(process.exitValue(), "", output.toString());
    }
}
