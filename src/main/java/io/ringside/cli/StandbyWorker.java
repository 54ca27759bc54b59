package io.ringside.cli;

import io.ringside.core.NamedThreads;
import io.ringside.core.jobs.EmbeddedWorker;
import io.ringside.core.jobs.JobClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Starts this process's worker when the worker that was alive at the submit has gone while the job
 * still waits. A console killed without leaving the workers' group (SIGKILL, a crash: SIGTERM runs
 * the worker's shutdown hook) stays a member until the broker drops it (the workers' session
 * timeout, 10 s); a command that saw it alive started no worker of its own and waited for one that
 * would never come.
 */
final class StandbyWorker implements AutoCloseable {

    static final Duration CHECK_EVERY = Duration.ofSeconds(3);

    private final JobClient client;
    private final Supplier<EmbeddedWorker> start;
    private final PrintWriter err;
    private final ScheduledExecutorService timer;
    private volatile boolean picked;
    private volatile EmbeddedWorker started;

    private StandbyWorker(JobClient client, Supplier<EmbeddedWorker> start, PrintWriter err) {
        this.client = client;
        this.start = start;
        this.err = err;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> NamedThreads.daemon("ringside-cli-standby", task));
        timer.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Watches until the job is picked up; {@code start} starts a worker unless one is alive. */
    static StandbyWorker watch(JobClient client, Supplier<EmbeddedWorker> start, PrintWriter err) {
        return new StandbyWorker(client, start, err);
    }

    /** A worker has taken the job: nothing more to watch. */
    void picked() {
        picked = true;
    }

    /** The worker this watch started, or null when none was needed. */
    EmbeddedWorker started() {
        return started;
    }

    private void check() {
        if (picked || started != null || client.workerAlive()) {
            return;
        }
        EmbeddedWorker worker = start.get();
        if (!worker.running()) {
            worker.close();
            return;
        }
        started = worker;
        synchronized (err) {
            err.println("note: the worker that was alive at the submit has gone; the job runs in this process");
            err.flush();
        }
        timer.shutdown();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (started != null) {
            started.close();
        }
    }
}
