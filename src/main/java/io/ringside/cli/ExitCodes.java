package io.ringside.cli;

import io.ringside.core.BackendUnavailableException;
import io.ringside.core.NotFoundException;
import io.ringside.core.RingsideException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The exit codes every command shares (conventions): 0 ok, 1 failed, 2 usage error, 3 backend
 * unreachable, 4 cancelled, 5 not found. Errors Ringside raises on purpose print their message
 * alone; anything else is a bug and prints its stack trace.
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;
    public static final int CANCELLED = 4;
    public static final int NOT_FOUND = 5;

    private ExitCodes() {
    }

    public static int of(Throwable e) {
        if (e instanceof BackendUnavailableException) {
            return UNREACHABLE;
        }
        if (e instanceof NotFoundException) {
            return NOT_FOUND;
        }
        return FAILED;
    }

    public static int handle(Exception e, CommandLine cli, ParseResult parseResult) {
        if (e instanceof RingsideException) {
            cli.getErr().println("ringside: " + e.getMessage());
        } else if (e instanceof IllegalArgumentException) {
            cli.getErr().println("ringside: " + e.getMessage());
            return USAGE;
        } else {
            e.printStackTrace(cli.getErr());
        }
        cli.getErr().flush();
        return of(e);
    }

    public static int handleUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("ringside: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, cli.getErr())) {
            cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        return USAGE;
    }
}
