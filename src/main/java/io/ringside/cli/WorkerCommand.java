package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.jobs.Worker;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ringside worker}: runs jobs from {@code ringside.jobs.requests} until stopped. SIGTERM or
 * Ctrl-C suspends the running jobs, and another worker continues them.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run load jobs as a member of the consumer group ringside-workers until stopped.",
            "Several workers share the requests; a job of a worker that stops or dies is continued by another."})
public final class WorkerCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1",
            description = "Jobs run in parallel (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    public Integer call() throws InterruptedException {
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1, not " + concurrency);
        }
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch stopped = new CountDownLatch(1);
        return DataCommandSupport.withServices(main, services -> {
            Worker worker = new Worker(services, main.dataFolder(), main.profile(), concurrency, null, line -> {
                synchronized (err) {
                    err.println(line);
                    err.flush();
                }
            });
            Thread hook = new Thread(() -> {
                worker.close();
                services.close(); // here, not after the latch: the JVM does not wait for the main thread
                stopped.countDown();
            }, "ringside-worker-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            err.println("worker " + ProcessHandle.current().pid() + " ready (group " + Worker.GROUP + ", concurrency "
                    + concurrency + ")");
            err.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                worker.close();
            }
            return ExitCodes.OK;
        });
    }
}
