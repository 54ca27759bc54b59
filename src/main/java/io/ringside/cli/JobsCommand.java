package io.ringside.cli;

import io.ringside.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ringside jobs ...}: the jobs of the last day, from the progress topic. */
@Command(name = "jobs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List, watch and cancel load jobs (history: the last 24 h of ringside.jobs.progress).",
        subcommands = {
            JobsListCommand.class,
            JobsWatchCommand.class,
            JobsCancelCommand.class,
        })
public final class JobsCommand {

    @ParentCommand
    Main main;

    public Main main() {
        return main;
    }
}
