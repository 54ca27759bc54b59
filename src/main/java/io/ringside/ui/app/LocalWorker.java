package io.ringside.ui.app;

import io.ringside.core.jobs.EmbeddedWorker;
import io.ringside.core.profile.ActiveConnection;
import io.ringside.core.profile.ProfileServices;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.TaskExecutor;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job worker a console hosts for the local stack, so that a load submitted from here (or from
 * a CLI with {@code --no-wait}) never waits for a worker nobody started. It starts when the
 * stack is up and no other worker is alive, and stops (suspending its job for the next worker)
 * when the stack goes down, the profile changes or the console closes. Starting and stopping talk
 * to Kafka, so both run in the background.
 */
final class LocalWorker {

    private static final Logger LOG = LoggerFactory.getLogger(LocalWorker.class);

    private final ActiveConnection connection;
    private final Path dataFolder;
    private final TaskExecutor executor;
    private EmbeddedWorker worker;
    private volatile boolean wanted;

    LocalWorker(ActiveConnection connection, Path dataFolder, TaskExecutor executor) {
        this.connection = connection;
        this.dataFolder = dataFolder;
        this.executor = executor;
    }

    /** On the FX thread: the stack came up (true) or went away (false). */
    void stackUp(boolean up) {
        if (up == wanted) {
            return;
        }
        wanted = up;
        if (up) {
            BackgroundTask.wrap(this::start).withTitle("Starting the job worker").executeWith(executor);
        } else {
            BackgroundTask.wrap((Runnable) this::stop).executeWith(executor);
        }
    }

    private synchronized EmbeddedWorker start() {
        ProfileServices profile = connection.services();
        if (worker == null && wanted && profile.profile().isLocal()) {
            // the profile's own data services (one cache, one set of metrics): closing them is the connection's job
            worker = EmbeddedWorker.startIfNoneAlive(profile.data(), dataFolder, profile.profile().id(), LOG::info);
            LOG.info(worker.running() ? "Job worker running in the console" : "Another worker is alive; none started here");
        }
        return worker;
    }

    /** Stops the worker; blocks until its job is suspended. Off the FX thread only. */
    synchronized void stop() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }
}
