package io.ringside.cli;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside jobs watch ID}: follows a job like {@code load} does, also one that already ended. */
@Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Follow a job's progress until its final event.",
            "Exit codes: 0 succeeded, 1 failed (or not ended within --timeout), 3 progress feed offline, "
                + "4 cancelled, 5 unknown job."})
final class JobsWatchCommand implements Callable<Integer> {

    @ParentCommand
    JobsCommand jobs;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The job id (a UUID).")
    UUID jobId;

    @Option(names = "--timeout", paramLabel = "S", description = "Give up after S seconds (default: wait).")
    Long timeoutSeconds;

    @Override
    public Integer call() {
        if (timeoutSeconds != null && timeoutSeconds <= 0) {
            throw new IllegalArgumentException("--timeout must be a positive number of seconds");
        }
        return JobCommandSupport.watch(jobs.main(), jobId, timeoutSeconds == null ? null
                : Duration.ofSeconds(timeoutSeconds), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
