package io.ringside.cli;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverException;
import io.ringside.Main;
import io.ringside.core.BackendUnavailableException;
import io.ringside.core.RingsideException;
import io.ringside.core.cassandra.NotEnoughReplicasException;
import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ReadOnlyProfileException;
import io.ringside.core.data.DataServices;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.data.dataset.DatasetStore;
import java.io.PrintWriter;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Opens the profile's backends for one data command and closes them however it ends. Driver
 * errors become Ringside errors here, so an operator gets a one-line message and the right exit
 * code (3 when Cassandra cannot be reached) rather than a stack trace.
 */
public final class DataCommandSupport {

    private DataCommandSupport() {
    }

    static <T> T withStore(Main main, Function<DatasetStore, T> work) {
        return withServices(main, services -> work.apply(services.datasetStore()));
    }

    /**
     * The data services of the profile, publishing the command's cache counters, and closed however
     * the work ends (the publisher sending the last second first).
     */
    public static <T> T withServices(Main main, Function<DataServices, T> work) {
        return withBackends(main, backends -> {
            try (DataServices services = new DataServices(backends, main.dataFolder())) {
                services.publishCacheStats();
                return work.apply(services);
            }
        });
    }

    /**
     * Runs an admin action and records it in the audit trail whatever its outcome (a read-only
     * refusal as {@code refused}); the event is on disk before this returns, and a note says so,
     * with the reason, when Kafka could not take it yet.
     */
    public static <T> T audited(Main main, Backends backends, String action, String target, ToLongFunction<T> count,
                         Supplier<T> work, PrintWriter err) {
        return audited(new AuditLog(main.dataFolder(), backends.kafkaProperties(), main.profile()), action, target,
                count, work, err);
    }

    /** As {@link #audited(Main, Backends, String, String, ToLongFunction, Supplier, PrintWriter)}, into {@code audit}. */
    static <T> T audited(AuditLog audit, String action, String target, ToLongFunction<T> count, Supplier<T> work,
                         PrintWriter err) {
        T result;
        try {
            result = work.get();
        } catch (ReadOnlyProfileException e) {
            audit.record(action, target, 0, "refused: " + e.getMessage());
            noteAudit(audit, err);
            throw e;
        } catch (RuntimeException e) {
            audit.record(action, target, 0, "failed: " + e.getMessage());
            noteAudit(audit, err);
            throw e;
        }
        audit.record(action, target, count.applyAsLong(result), "ok");
        noteAudit(audit, err);
        return result;
    }

    /**
     * Tells the operator what the last flush of {@code audit} left undone: events still waiting
     * (with the real reason, not always "unreachable") and records moved to the dead-letter file.
     */
    static void noteAudit(AuditLog audit, PrintWriter err) {
        if (audit.deadLettered() > 0) {
            err.println("note: " + audit.deadLettered() + " audit record(s) Kafka will never accept moved to "
                    + audit.deadLetterSpool().file() + " (the reason is in each line)");
        }
        if (audit.waitingReason() != null) {
            err.println("note: " + audit.spool().size() + " audit event(s) kept in " + audit.spool().file()
                    + " and forwarded later; " + audit.waitingReason());
        }
        err.flush();
    }

    public static <T> T withBackends(Main main, Function<Backends, T> work) {
        try (Backends backends = Backends.forProfile(main.profile(), main.dataFolder())) {
            return work.apply(backends);
        } catch (AllNodesFailedException e) {
            throw NotEnoughReplicasException.in(e).map(BackendUnavailableException.class::cast).orElseGet(
                    () -> new BackendUnavailableException("Cassandra is unreachable: " + e.getMessage(), e));
        } catch (DriverException e) {
            throw NotEnoughReplicasException.in(e).map(RingsideException.class::cast)
                    .orElseGet(() -> new RingsideException("Cassandra request failed: " + e.getMessage(), e));
        }
    }
}
