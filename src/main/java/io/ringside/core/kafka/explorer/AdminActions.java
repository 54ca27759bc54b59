package io.ringside.core.kafka.explorer;

import io.ringside.core.connect.AccessGuard;
import io.ringside.core.connect.ReadOnlyProfileException;
import io.ringside.core.kafka.AuditLog;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Runs a Kafka change behind the read-only guard and records it in the audit trail however it
 * ends: refused, failed or ok with the number of things it touched.
 */
final class AdminActions {

    private final AccessGuard guard;
    private final Supplier<AuditLog> audit;

    AdminActions(AccessGuard guard, Supplier<AuditLog> audit) {
        this.guard = guard;
        this.audit = audit;
    }

    boolean readOnly() {
        return guard.readOnly();
    }

    /**
     * @param action the audit action, e.g. {@code kafka.topic.delete}
     * @param what   the refusal's wording, e.g. "delete topic orders"
     */
    <T> T run(String action, String target, String what, Supplier<T> work, ToLongFunction<T> count) {
        try {
            guard.checkWritable(what);
        } catch (ReadOnlyProfileException e) {
            audit.get().record(action, target, 0, "refused: read-only profile");
            throw e;
        }
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            audit.get().record(action, target, 0, "failed: " + e.getMessage());
            throw e;
        }
        audit.get().record(action, target, count.applyAsLong(result), "ok");
        return result;
    }
}
