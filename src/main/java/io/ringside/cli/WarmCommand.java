package io.ringside.cli;

import io.ringside.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ringside warm ...}: fill the Redis cache ahead of use. */
@Command(name = "warm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Fill the Redis cache ahead of use, rate-limited so Cassandra is not flooded.",
        subcommands = {
            WarmPm25Command.class,
            WarmDatasetCommand.class,
        })
public final class WarmCommand {

    @ParentCommand
    Main main;

    Main main() {
        return main;
    }
}
