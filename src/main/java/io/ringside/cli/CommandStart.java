package io.ringside.cli;

import io.ringside.core.NamedThreads;
import io.ringside.core.stack.StateFile;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * What a command that connects needs before anything else, begun on a thread of its own while
 * the main thread builds the command line: logging (logback, set in code) and Jackson's mapper
 * with the stack state's deserializers. On the main thread they took 0.3-0.6 s of every
 * command's start, after the command line was built.
 */
public final class CommandStart {

    private static volatile CountDownLatch logging;

    private CommandStart() {
    }

    /** Starts logging, then builds the state's reader, on a daemon thread. */
    public static void prepareInBackground() {
        CountDownLatch ready = new CountDownLatch(1);
        logging = ready;
        NamedThreads.daemon("ringside-command-start", () -> {
            try {
                LoggerFactory.getILoggerFactory();
            } finally {
                ready.countDown();
            }
            try {
                StateFile.prepareReader();
            } catch (RuntimeException e) {
                // only a head start: the read builds it itself and reports what fails
            }
        }).start();
    }

    /**
     * Returns once logging has started (started here when nothing began it): a command calls it
     * before it starts threads that log, since a thread that logs while another one starts logging
     * has its events replayed, and SLF4J says so on stderr.
     */
    static void awaitLogging() {
        CountDownLatch ready = logging;
        if (ready != null) {
            try {
                ready.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LoggerFactory.getILoggerFactory();
    }
}
