package io.ringside.cli;

import io.ringside.core.Json;
import io.ringside.core.jobs.JobClient;
import io.ringside.core.jobs.ProgressEvent;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside jobs list}: the newest state of every job of the last day. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Recent jobs, newest first: id, kind, state, percent, requested by, last event time, message.",
            "The percent is '-' for a running job whose total is not known (a query export).",
            "--json prints the newest progress event of each job."})
final class JobsListCommand implements Callable<Integer> {

    @ParentCommand
    JobsCommand jobs;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON array of progress events.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<ProgressEvent> list = DataCommandSupport.withBackends(jobs.main(),
                backends -> new JobClient(backends.kafkaProperties(), jobs.main().dataFolder()).list());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(list));
        } else {
            for (ProgressEvent e : list) {
                out.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%s\t%s\t%s%n", e.jobId(), e.kind().label(), e.state().label(),
                        e.fractionKnown() ? e.percent() : "-", e.requestedBy(), e.ts(), e.headline());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
