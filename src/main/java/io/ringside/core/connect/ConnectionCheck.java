package io.ringside.core.connect;

import java.time.Duration;

/**
 * The result of checking one backend of a profile.
 *
 * @param failure null when the backend answered
 * @param detail  the server version on success, else the reason in one line
 */
public record ConnectionCheck(Backend backend, String endpoint, FailureKind failure, String detail, Duration latency) {

    public boolean ok() {
        return failure == null;
    }

    /** One line naming the backend, the endpoint and the outcome, e.g. "Redis 10.0.0.5:6379: timed out (...)". */
    public String describe() {
        String head = backend.label() + " " + endpoint + ": ";
        if (ok()) {
            return head + "ok" + (detail == null || detail.isBlank() ? "" : ", version " + detail)
                    + " (" + latency.toMillis() + " ms)";
        }
        return head + failure.label() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
    }
}
