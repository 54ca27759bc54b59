package io.ringside.cli;

import io.ringside.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ringside load ...}: loads data into the stack. A parent only; each kind of data is a
 * subcommand of its own class, so adding one touches just the list below.
 */
@Command(name = "load", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Load data into the stack.",
        subcommands = {
            LoadPm25Command.class,
            LoadDatasetCommand.class,
        })
public final class LoadCommand {

    @ParentCommand
    Main main;

    public Main main() {
        return main;
    }
}
