package io.ringside.core.jobs;

import io.ringside.core.data.DataServices;
import io.ringside.core.kafka.KnownTopics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * A worker inside the console or a CLI command, for the local stack: started only when no worker
 * is alive in the group (e.g. no {@code ringside worker} runs), so a submitted job never waits for
 * nobody. Closing it suspends whatever it still runs, for the next worker to continue.
 *
 * <p>The console: {@code try (EmbeddedWorker w = EmbeddedWorker.startIfNoneAlive(services,
 * dataFolder, profile, log)) ...} for as long as it is open; {@link #running()} says whether this
 * process hosts the worker, {@link #publisher()} gives its events in-process.
 */
public final class EmbeddedWorker implements AutoCloseable {

    private final Worker worker;

    private EmbeddedWorker(Worker worker) {
        this.worker = worker;
    }

    /**
     * Starts a one-job-at-a-time worker in this process unless a worker is alive (or Kafka cannot
     * be reached, in which case no worker could take requests anyway).
     */
    public static EmbeddedWorker startIfNoneAlive(DataServices services, Path dataFolder, String profile,
                                                  Consumer<String> log) {
        return startIfNoneAlive(services, dataFolder, profile, log, new KnownTopics());
    }

    /** @param known the topics the command it runs in ensured already (its submit ensures the same ones) */
    public static EmbeddedWorker startIfNoneAlive(DataServices services, Path dataFolder, String profile,
                                                  Consumer<String> log, KnownTopics known) {
        JobClient client = new JobClient(services.backends().kafkaProperties(), dataFolder);
        if (client.workerAlive()) {
            return new EmbeddedWorker(null);
        }
        try {
            return new EmbeddedWorker(new Worker(services, dataFolder, profile, 1, null, log, Clock.systemUTC(), known));
        } catch (RuntimeException e) {
            log.accept("note: no worker started in this process: " + e.getMessage());
            return new EmbeddedWorker(null);
        }
    }

    public static EmbeddedWorker startIfNoneAlive(DataServices services, Path dataFolder, String profile) {
        return startIfNoneAlive(services, dataFolder, profile, line -> { });
    }

    /** True when this process hosts the worker. */
    public boolean running() {
        return worker != null;
    }

    /** The worker's publisher (its events, in-process), or null when another process works. */
    public ProgressPublisher publisher() {
        return worker == null ? null : worker.publisher();
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
        }
    }
}
