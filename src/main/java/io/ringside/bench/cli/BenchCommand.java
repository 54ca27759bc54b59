package io.ringside.bench.cli;

import io.ringside.Main;
import io.ringside.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ringside bench ...}: benchmarks that ship with the jar, so they run against any stack a
 * profile reaches. Figures go to stdout, progress to stderr; each benchmark is its own class.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Benchmarks against the stack of the current profile (figures on stdout, progress on stderr).",
        subcommands = {
            BenchImportCommand.class,
            BenchExportCommand.class,
            BenchCacheCommand.class,
            BenchDatasetCommand.class,
            BenchClusterUiCommand.class,
            BenchProgressCommand.class,
            BenchKeysCommand.class,
            BenchUiProgressCommand.class,
            BenchMessagesCommand.class,
            BenchCqlCompletionCommand.class,
            BenchCqlUiCommand.class,
            BenchMessagesUiCommand.class,
            BenchMetadataCommand.class,
            BenchTunnelCommand.class,
        })
public final class BenchCommand {

    @ParentCommand
    Main main;

    public Main main() {
        return main;
    }
}
