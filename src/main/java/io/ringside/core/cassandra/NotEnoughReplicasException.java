package io.ringside.core.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import io.ringside.core.BackendUnavailableException;
import java.util.List;
import java.util.Optional;

/**
 * Cassandra answered, but too few replicas of the data are alive for the consistency asked for
 * (a node of the ring is down). The driver hides that answer in an {@link AllNodesFailedException}
 * once it has tried the live nodes, which reads like an unreachable cluster; this says what it is.
 */
public final class NotEnoughReplicasException extends BackendUnavailableException {

    private NotEnoughReplicasException(UnavailableException cause) {
        super("Not enough Cassandra replicas alive: " + cause.getConsistencyLevel().name() + " needs "
                + cause.getRequired() + ", only " + cause.getAlive() + " alive (a node of the ring is down; "
                + "start it again, or write at ONE)", cause);
    }

    /** The replica shortage behind {@code error} (itself, a cause, or one node's error in an all-nodes failure). */
    public static Optional<NotEnoughReplicasException> in(Throwable error) {
        return unavailable(error).map(NotEnoughReplicasException::new);
    }

    /** The server's {@code Unavailable} answer behind {@code error}, if that is what it is. */
    public static Optional<UnavailableException> unavailable(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof NotEnoughReplicasException replicas) {
                return Optional.of((UnavailableException) replicas.getCause());
            }
            if (e instanceof UnavailableException unavailable) {
                return Optional.of(unavailable);
            }
            if (e instanceof AllNodesFailedException all) {
                Optional<UnavailableException> found = all.getAllErrors().values().stream().flatMap(List::stream)
                        .filter(UnavailableException.class::isInstance).map(UnavailableException.class::cast)
                        .findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
