package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.BackendUnavailableException;
import io.ringside.core.NamedThreads;
import io.ringside.core.data.DataServices;
import io.ringside.core.jobs.EmbeddedWorker;
import io.ringside.core.jobs.FollowResult;
import io.ringside.core.jobs.InProcessJob;
import io.ringside.core.jobs.JobClient;
import io.ringside.core.jobs.JobOptions;
import io.ringside.core.jobs.JobRequest;
import io.ringside.core.jobs.JobState;
import io.ringside.core.jobs.ProgressEvent;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.kafka.KnownTopics;
import io.ringside.core.kafka.SharedProducer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Submits a job and follows it to its final event, the way every {@code load} command does:
 * a progress bar from the progress topic on stderr, the exit code from the final event. With no
 * worker alive, this process runs one for the duration of the command; with Kafka down, the job
 * runs right here and its events are spooled.
 */
final class JobCommandSupport {

    private JobCommandSupport() {
    }

    /**
     * @param onEnd prints the job's result (data to stdout) from its final event; called for
     *              every final event before the exit code is decided
     */
    static int submitAndFollow(Main main, PrintWriter out, PrintWriter err, List<String> source, JobOptions options,
                               boolean noWait,
                               BiConsumer<DataServices, ProgressEvent> onEnd) {
        CommandStart.awaitLogging(); // before the threads below, which log
        JobClient.preloadInBackground(); // while the profile and the stack state are read
        return DataCommandSupport.withServices(main, services -> {
            // the submit, its audit record and this process's worker ensure the same topics: Kafka is asked once
            KnownTopics known = new KnownTopics();
            JobClient client = new JobClient(services.backends().kafkaProperties(), main.dataFolder(), known);
            JobRequest request = client.request(source, options, main.profile(),
                    services.backends().accessGuard().readOnly());
            ProgressPrinter bar = new ProgressPrinter(err);
            if (!noWait) {
                connectInBackground(services);
            }
            // the worker (when none is alive) joins its group while the request is audited and sent
            CompletableFuture<EmbeddedWorker> early = noWait ? null : startWorker(main, services, known);
            try {
                return submitAndFollow(main, out, err, client, request, bar, noWait, early, onEnd, services, known);
            } finally {
                if (early != null) {
                    early.thenAccept(EmbeddedWorker::close); // at once when started, else once it has
                }
            }
        });
    }

    private static int submitAndFollow(Main main, PrintWriter out, PrintWriter err, JobClient client,
                                       JobRequest request, ProgressPrinter bar, boolean noWait,
                                       CompletableFuture<EmbeddedWorker> early,
                                       BiConsumer<DataServices, ProgressEvent> onEnd, DataServices services,
                                       KnownTopics known) {
        Optional<BackendUnavailableException> offline;
        // one producer for the request and then its audit record, each acknowledged before the next is sent
        try (SharedProducer producer = new SharedProducer(services.backends().kafkaProperties())) {
            AuditLog audit = new AuditLog(main.dataFolder(), services.backends().kafkaProperties(), main.profile(),
                    producer, known);
            offline = DataCommandSupport.audited(audit, "job.submit", request.describe(), submitted -> 1, () -> {
                try {
                    client.submit(request, producer);
                    return Optional.empty();
                } catch (BackendUnavailableException e) {
                    return Optional.of(e); // submitted all the same: it runs right here
                }
            }, err);
        }
        if (offline.isPresent()) {
            err.println("note: progress feed offline (" + offline.get().getMessage() + "); running job "
                    + request.jobId() + " in this process; its events are kept in the spool of " + main.dataFolder()
                    + " and forwarded when Kafka is back");
            err.flush();
            ProgressEvent end = InProcessJob.run(services, main.dataFolder(), main.profile(), request, bar);
            bar.end();
            return finish(services, request.jobId(), new FollowResult(FollowResult.Outcome.FINISHED, end), out, err,
                    onEnd);
        }
        err.println("job " + request.jobId() + " submitted (" + request.kind().label() + ")");
        err.flush();
        if (noWait) {
            if (!client.workerAlive()) {
                err.println("note: no worker is running; the job waits in the queue until one starts "
                        + "('ringside worker', or any 'load' command or console)");
            }
            err.flush();
            out.println(request.jobId());
            out.flush();
            return ExitCodes.OK;
        }
        EmbeddedWorker worker = early.join();
        FollowResult result;
        if (worker.running()) {
            result = client.follow(request.jobId(), null, worker.publisher(), bar, () -> offlineNote(err, true));
        } else {
            try (StandbyWorker standby = StandbyWorker.watch(client, () -> EmbeddedWorker.startIfNoneAlive(services,
                    main.dataFolder(), main.profile(), line -> { }, known), err)) {
                result = client.follow(request.jobId(), null, null, event -> {
                    if (event.state() != JobState.QUEUED) {
                        standby.picked();
                    }
                    bar.accept(event);
                }, () -> offlineNote(err, false));
                EmbeddedWorker took = standby.started();
                if (result.outcome() == FollowResult.Outcome.OFFLINE && took != null) {
                    // the job runs right here: follow its events in-process, as with a worker started at once
                    result = client.follow(request.jobId(), null, took.publisher(), bar, () -> offlineNote(err, true));
                }
            }
        }
        bar.end();
        return finish(services, request.jobId(), result, out, err, onEnd);
    }

    /** Starts this process's worker (unless one is alive) on a thread of its own. */
    private static CompletableFuture<EmbeddedWorker> startWorker(Main main, DataServices services, KnownTopics known) {
        return CompletableFuture.supplyAsync(() -> EmbeddedWorker.startIfNoneAlive(services, main.dataFolder(),
                main.profile(), line -> { }, known), task -> NamedThreads.daemon("ringside-cli-worker", task).start());
    }

    /**
     * Opens the Cassandra session the job will use as the command starts, while the request is
     * audited and sent and this process's worker asks whether another one is alive, joins its group
     * and takes the request: the driver's start (its configuration, Netty, the control connection,
     * the schema) took longer than all of that and was the job's first wait. Started before the
     * worker check, not after it: that check alone (an admin client, a group description) delayed
     * the connect by 4.9 s at load 10. When a worker of another process takes the job, the session was
     * opened for nothing and is closed with the command. A failure is left for the job to meet and
     * report.
     */
    private static void connectInBackground(DataServices services) {
        NamedThreads.daemon("ringside-cli-connect", () -> {
            try {
                services.backends().cql();
            } catch (RuntimeException e) {
                // the job opens the session again and reports why it cannot
            }
        }).start();
    }

    /** Follows a job already submitted ({@code jobs watch}), with the same output and exit codes. */
    static int watch(Main main, UUID jobId, Duration timeout, PrintWriter out, PrintWriter err) {
        return DataCommandSupport.withServices(main, services -> {
            JobClient client = new JobClient(services.backends().kafkaProperties(), main.dataFolder());
            client.forwardSpool();
            ProgressPrinter bar = new ProgressPrinter(err);
            FollowResult result = client.follow(jobId, timeout, null, bar, () -> offlineNote(err, false));
            bar.end();
            return finish(services, jobId, result, out, err, (s, end) -> printMessage(out, end));
        });
    }

    private static void offlineNote(PrintWriter err, boolean local) {
        err.println();
        err.println(local ? "note: progress feed offline (Kafka unreachable); following the job in this process"
                : "note: progress feed offline (Kafka unreachable)");
        err.flush();
    }

    private static int finish(DataServices services, UUID jobId, FollowResult result, PrintWriter out, PrintWriter err,
                              BiConsumer<DataServices, ProgressEvent> onEnd) {
        switch (result.outcome()) {
            case UNKNOWN -> {
                err.println("ringside: no job " + jobId + " in the last day of progress events");
                err.flush();
                return ExitCodes.NOT_FOUND;
            }
            case OFFLINE -> {
                err.println("ringside: the progress feed is offline (Kafka unreachable); job " + jobId
                        + " goes on in its worker; follow it later with 'ringside jobs watch " + jobId + "'");
                err.flush();
                return ExitCodes.UNREACHABLE;
            }
            case TIMED_OUT -> {
                err.println("ringside: job " + jobId + " has not ended yet ("
                        + (result.last() == null ? "no event" : result.state().label()) + "); it goes on");
                err.flush();
                return ExitCodes.FAILED;
            }
            default -> {
                ProgressEvent end = result.last();
                onEnd.accept(services, end);
                out.flush();
                return switch (end.state()) {
                    case SUCCEEDED -> ExitCodes.OK;
                    case CANCELLED -> {
                        err.println("ringside: job " + jobId + " was cancelled");
                        err.flush();
                        yield ExitCodes.CANCELLED;
                    }
                    default -> {
                        err.println("ringside: " + end.headline());
                        err.flush();
                        yield ExitCodes.FAILED;
                    }
                };
            }
        }
    }

    /** The final message on stdout; for a failed job without its first line (the reason, on stderr). */
    static void printMessage(PrintWriter out, ProgressEvent end) {
        if (end.message() == null) {
            return;
        }
        String text = end.message();
        if (end.state() == io.ringside.core.jobs.JobState.FAILED) {
            int newline = text.indexOf('\n');
            text = newline < 0 ? "" : text.substring(newline + 1);
        }
        if (!text.isEmpty()) {
            out.println(text);
        }
    }
}
