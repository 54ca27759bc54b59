package io.ringside.cli;

import io.ringside.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ringside bench ...}: benchmarks that ship with the jar, so they run against any stack a
 * profile reaches. A parent only; each benchmark is a subcommand of its own class.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Benchmarks against the stack of the current profile.",
        subcommands = {BenchDatasetCommand.class})
public final class BenchCommand {

    @ParentCommand
    Main main;

    public Main main() {
        return main;
    }
}
