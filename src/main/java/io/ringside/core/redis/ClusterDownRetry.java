package io.ringside.core.redis;

import io.ringside.core.BackendUnavailableException;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisClusterException;

/**
 * Retries a read step of a key scan that a Redis Cluster node refused with {@code CLUSTERDOWN}.
 * For a second or so after a failover, a node that has not yet learnt of the promotion still
 * holds the cluster down and refuses keyed commands; a moment later it answers. The step is tried
 * again after short, growing pauses until {@link #RETRY_FOR} has passed, and then fails naming
 * the node that still refuses (the refusal alone, "CLUSTERDOWN The cluster is down", said neither
 * which node nor that it was asked again), with the refusal as the cause. Only read steps are
 * retried: asking again changes nothing.
 */
final class ClusterDownRetry {

    /** Longer than a node takes to learn of a promotion (about a second on the local stack). */
    static final Duration RETRY_FOR = Duration.ofSeconds(3);
    private static final long FIRST_PAUSE_MS = 50;
    private static final long LONGEST_PAUSE_MS = 500;

    /** Pauses the retrying thread. */
    interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    static final ClusterDownRetry STANDARD = new ClusterDownRetry(RETRY_FOR, System::nanoTime, Thread::sleep);

    private final Duration retryFor;
    private final LongSupplier nanoTime;
    private final Pause pause;

    ClusterDownRetry(Duration retryFor, LongSupplier nanoTime, Pause pause) {
        this.retryFor = retryFor;
        this.nanoTime = nanoTime;
        this.pause = pause;
    }

    /**
     * The step's answer, asked of {@code node} (its name: "node 127.0.0.1:7001"); an error naming the node
     * once {@link #RETRY_FOR} has passed with only {@code CLUSTERDOWN} refusals.
     */
    <T> T call(String node, Supplier<T> step) {
        long deadline = nanoTime.getAsLong() + retryFor.toNanos();
        long pauseMs = FIRST_PAUSE_MS;
        while (true) {
            try {
                return step.get();
            } catch (JedisClusterException e) {
                long left = deadline - nanoTime.getAsLong();
                if (left <= 0) {
                    throw new BackendUnavailableException("Redis " + node + " still refuses after "
                            + retryFor.toMillis() + " ms of retries (a failover not settled yet?): " + e.getMessage(), e);
                }
                try {
                    pause.sleep(Math.min(pauseMs, Math.max(1, left / 1_000_000)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new BackendUnavailableException("Redis " + node + " refused: " + e.getMessage(), e);
                }
                pauseMs = Math.min(LONGEST_PAUSE_MS, pauseMs * 2);
            }
        }
    }
}
