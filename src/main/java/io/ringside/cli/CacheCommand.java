package io.ringside.cli;

import io.ringside.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ringside cache ...}: checks of what Ringside's own namespaces hold in Redis. */
@Command(name = "cache", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check the cache against its source.",
        subcommands = {CacheCheckCommand.class})
public final class CacheCommand {

    @ParentCommand
    Main main;

    Main main() {
        return main;
    }
}
