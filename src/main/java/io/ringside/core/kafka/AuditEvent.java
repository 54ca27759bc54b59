package io.ringside.core.kafka;

import io.ringside.core.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * One admin action as published on {@code ringside.audit} (JSON, snake_case): who did what to
 * which target under which profile, how many things it touched and how it ended.
 *
 * @param user    the OS user that ran the action
 * @param action  e.g. {@code dataset.delete}, {@code cache.warm}, {@code cache.evict}, {@code cache.ttl}
 * @param outcome {@code ok}, {@code failed: <reason>}, {@code refused: <reason>}
 */
public record AuditEvent(Instant ts, String user, String profile, String action, String target, long count,
                         String outcome) {

    /** An audit event from its JSON; empty for anything else. */
    public static Optional<AuditEvent> decode(byte[] json) {
        try {
            return Optional.of(Json.mapper().readValue(json, AuditEvent.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
