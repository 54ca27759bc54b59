package io.ringside.core.data.storage;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import io.ringside.core.cassandra.NotEnoughReplicasException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The write consistency of one long write (a dataset load). It starts as
 * {@link WriteConsistency#of}, chosen from what the driver knew at the start, and drops to ONE for
 * the rest of the write the first time Cassandra answers that too few replicas are alive (or a
 * replica did not acknowledge in time): a node lost in the middle of a load at RF 2 must not fail
 * it. Only for idempotent writes, which the caller repeats at ONE.
 */
public final class DowngradingConsistency {

    private final AtomicReference<WriteConsistency> current;

    public DowngradingConsistency(WriteConsistency initial) {
        this.current = new AtomicReference<>(initial);
    }

    public WriteConsistency current() {
        return current.get();
    }

    public ConsistencyLevel level() {
        return current.get().level();
    }

    /**
     * Whether a write that failed with {@code failure} should be repeated at ONE: it failed for lack
     * of replicas at a stronger level. The first such failure switches this write to ONE and tells
     * {@code whenDowngraded} why, for the progress notes.
     */
    public boolean retryAtOne(Throwable failure, Consumer<String> whenDowngraded) {
        Optional<String> shortage = shortage(failure);
        if (shortage.isEmpty()) {
            return false;
        }
        WriteConsistency was = current.get();
        if (was.level() == DefaultConsistencyLevel.ONE) {
            return true;
        }
        WriteConsistency degraded = new WriteConsistency(DefaultConsistencyLevel.ONE, "writing at ONE: " + shortage.get());
        if (current.compareAndSet(was, degraded)) {
            whenDowngraded.accept(degraded.degradedReason());
        }
        return true;
    }

    /** What was short, when the failure says a level above ONE could not be met. */
    private static Optional<String> shortage(Throwable failure) {
        Optional<UnavailableException> unavailable = NotEnoughReplicasException.unavailable(failure);
        if (unavailable.isPresent()) {
            UnavailableException e = unavailable.get();
            return e.getConsistencyLevel() == DefaultConsistencyLevel.ONE ? Optional.empty()
                    : Optional.of("not enough replicas for " + e.getConsistencyLevel().name() + " (" + e.getRequired()
                    + " required, " + e.getAlive() + " alive)");
        }
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof WriteTimeoutException timeout && timeout.getConsistencyLevel() != DefaultConsistencyLevel.ONE) {
                return Optional.of("a replica did not acknowledge a write at " + timeout.getConsistencyLevel().name()
                        + " (" + timeout.getReceived() + " of " + timeout.getBlockFor() + ")");
            }
        }
        return Optional.empty();
    }
}
