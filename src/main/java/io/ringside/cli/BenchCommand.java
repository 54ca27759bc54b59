package io.ringside.cli;

import io.ringside.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ringside bench ...}: benchmarks against a running stack; one subcommand per benchmark. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Benchmarks against the running stack (figures on stdout, progress on stderr).",
        subcommands = {
            BenchImportCommand.class,
            BenchCacheCommand.class,
        })
public final class BenchCommand {

    @ParentCommand
    Main main;

    Main main() {
        return main;
    }
}
