package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.NotFoundException;
import io.ringside.core.connect.Backends;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.redis.KeyActionResult;
import io.ringside.core.redis.KeyAdmin;
import io.ringside.core.redis.KeyFailure;
import io.ringside.core.redis.KeyText;
import io.ringside.core.redis.ProfileKeys;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** What {@code evict} and {@code ttl} share: the key admin of the profile, keys from the command line, reporting. */
final class KeyAdminSupport {

    private KeyAdminSupport() {
    }

    /**
     * Runs {@code work} with the key admin of the profile's Redis (its one server, or every master of
     * a cluster), then notes on {@code err} what its audit events could not reach Kafka.
     */
    static <T> T withAdmin(Main main, Backends backends, PrintWriter err, Function<KeyAdmin, T> work) {
        AuditLog audit = new AuditLog(main.dataFolder(), backends.kafkaProperties(), main.profile());
        try (ProfileKeys keys = ProfileKeys.of(backends)) {
            return work.apply(keys.admin(audit, backends.accessGuard()::readOnly));
        } finally {
            DataCommandSupport.noteAudit(audit, err);
        }
    }

    /** Keys as typed, escapes ({@code \xNN}, {@code \t}, ...) resolved to the bytes they name. */
    static List<byte[]> keys(List<String> typed) {
        return typed.stream().map(KeyText::unescape).toList();
    }

    /** Prints the summary to stdout and each key that failed to stderr; exit 5 when any key was missing. */
    static int report(KeyActionResult result, String done, PrintWriter out, PrintWriter err) {
        out.println(done + " " + result.changed() + (result.changed() == 1 ? " key" : " keys"));
        out.flush();
        for (KeyFailure failure : result.failed()) {
            err.println("ringside: " + failure.describe());
        }
        err.flush();
        if (!result.complete()) {
            throw new NotFoundException(result.failed().size() + " of the keys could not be changed");
        }
        return ExitCodes.OK;
    }
}
