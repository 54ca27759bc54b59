package io.ringside.cli;

import io.ringside.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ringside pm25 ...}: the PM2.5 series in the store. */
@Command(name = "pm25", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Query the PM2.5 series.",
        subcommands = {
            Pm25LocationsCommand.class,
            Pm25TrendCommand.class,
        })
public final class Pm25Command {

    @ParentCommand
    Main main;

    Main main() {
        return main;
    }
}
