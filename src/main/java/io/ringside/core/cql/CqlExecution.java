package io.ringside.core.cql;

import io.ringside.core.RingsideException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A statement on its way. {@link #cancel()} may be called from any thread (the console's Cancel
 * button) and never blocks: it cancels the driver's request. {@link #await()} blocks the caller
 * until the page arrived, failed or was cancelled, and audits the outcome of a non-read
 * statement there, on the caller's thread, never on the driver's I/O threads.
 */
public final class CqlExecution {

    private final CompletableFuture<CqlResult> result;
    private final Function<Throwable, RuntimeException> failure;
    private final Outcome outcome;
    private volatile boolean cancelled;

    /** Told how a statement ended, once: {@code null} failure means it succeeded. */
    interface Outcome {
        void ended(CqlResult result, RuntimeException failure, boolean cancelled);
    }

    CqlExecution(CompletableFuture<CqlResult> result, Function<Throwable, RuntimeException> failure, Outcome outcome) {
        this.result = result;
        this.failure = failure;
        this.outcome = outcome;
    }

    public void cancel() {
        cancelled = true;
        result.cancel(true);
    }

    public boolean cancelled() {
        return cancelled;
    }

    /**
     * @throws CancellationException when {@link #cancel()} came first
     * @throws RingsideException     when the server refused or failed the statement (its message)
     */
    public CqlResult await() {
        try {
            CqlResult page = result.get();
            outcome.ended(page, null, false);
            return page;
        } catch (CancellationException e) {
            outcome.ended(null, null, true);
            throw e;
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            outcome.ended(null, null, true);
            throw new CancellationException("interrupted while waiting for the statement");
        } catch (ExecutionException e) {
            RuntimeException cause = failure.apply(e.getCause());
            outcome.ended(null, cause, false);
            throw cause;
        }
    }
}
