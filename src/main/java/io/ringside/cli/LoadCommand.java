package io.ringside.cli;

import io.ringside.Main;
import picocli.CommandLine.Command;

/** {@code ringside load ...}: one subcommand per kind of data; each is its own class. */
@Command(name = "load", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Load data into the stack.",
        subcommands = {
            LoadPm25Command.class,
        })
public final class LoadCommand {

    @picocli.CommandLine.ParentCommand
    Main main;

    Main main() {
        return main;
    }
}
