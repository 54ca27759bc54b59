package io.ringside.cli;

import io.ringside.core.jobs.CancelOutcome;
import io.ringside.core.jobs.JobClient;
import io.ringside.core.jobs.ProgressEvent;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside jobs cancel ID}: asks the workers to stop a job at its next chunk (audited). */
@Command(name = "cancel", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Cancel a job: its worker stops at the next chunk; a dataset version it was writing is "
            + "marked cancelled and its chunks dropped. Waits up to 20 s for the end; a job no worker runs any "
            + "more (its worker was killed, none is left) is ended here. Follow it with 'jobs watch ID' (exit 4 "
            + "once cancelled).",
            "Exit codes: 0 requested (or the job had already ended), 5 unknown job."})
final class JobsCancelCommand implements Callable<Integer> {

    @ParentCommand
    JobsCommand jobs;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The job id (a UUID).")
    UUID jobId;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CancelOutcome outcome = DataCommandSupport.withBackends(jobs.main(), backends -> {
            JobClient client = new JobClient(backends.kafkaProperties(), jobs.main().dataFolder());
            return DataCommandSupport.audited(jobs.main(), backends, "job.cancel", jobId.toString(),
                    o -> o.before().terminal() ? 0 : 1, () -> {
                        backends.accessGuard().checkWritable("cancel job " + jobId);
                        return client.cancel(jobId);
                    }, err);
        });
        ProgressEvent before = outcome.before();
        if (before.terminal()) {
            err.println("job " + jobId + " already ended: " + before.state().label());
        } else {
            out.println("cancel requested for job " + jobId + " (" + before.state().label() + ")");
            if (outcome.endedHere()) {
                out.println("job " + jobId + " cancelled: no worker was running it");
            } else if (outcome.end() != null) {
                out.println("job " + jobId + " " + outcome.end().state().label());
            }
        }
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }
}
