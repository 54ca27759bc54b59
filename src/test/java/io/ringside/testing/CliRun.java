package io.ringside.testing;

import io.ringside.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in this JVM and captures what it printed, as a script would see it. */
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
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
