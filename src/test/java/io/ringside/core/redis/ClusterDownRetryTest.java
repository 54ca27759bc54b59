package io.ringside.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.BackendUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisClusterException;
import redis.clients.jedis.exceptions.JedisDataException;

/** How a scan step refused with CLUSTERDOWN is asked again, on a clock of the test's own. */
class ClusterDownRetryTest {

    private final AtomicLong now = new AtomicLong();
    private final List<Long> pauses = new ArrayList<>();
    private final ClusterDownRetry retry = new ClusterDownRetry(ClusterDownRetry.RETRY_FOR, now::get, millis -> {
        pauses.add(millis);
        now.addAndGet(millis * 1_000_000);
    });

    private static JedisClusterException down() {
        return new JedisClusterException("CLUSTERDOWN The cluster is down");
    }

    @Test
    void aNodeThatLearnsOfTheFailoverWithinASecondIsAnsweredAfterShortGrowingPauses() {
        AtomicInteger calls = new AtomicInteger();
        String answer = retry.call("node 127.0.0.1:7001", () -> {
            if (calls.incrementAndGet() <= 4) {
                throw down();
            }
            return "page";
        });
        assertEquals("page", answer);
        assertEquals(List.of(50L, 100L, 200L, 400L), pauses);
    }

    @Test
    void aClusterStillDownAfterTheDeadlineFailsNamingTheNodeWithItsRefusal() {
        JedisClusterException refusal = down();
        AtomicInteger calls = new AtomicInteger();
        BackendUnavailableException thrown = assertThrows(BackendUnavailableException.class,
                () -> retry.call("node 127.0.0.1:7002", () -> {
                    calls.incrementAndGet();
                    throw refusal;
                }));
        assertSame(refusal, thrown.getCause());
        assertEquals("Redis node 127.0.0.1:7002 still refuses after 3000 ms of retries (a failover not settled"
                + " yet?): CLUSTERDOWN The cluster is down", thrown.getMessage());
        long waited = pauses.stream().mapToLong(Long::longValue).sum();
        assertEquals(ClusterDownRetry.RETRY_FOR.toMillis(), waited, "pauses end at the deadline: " + pauses);
        assertTrue(pauses.stream().allMatch(p -> p <= 500), "no pause longer than half a second: " + pauses);
        assertEquals(pauses.size() + 1, calls.get());
    }

    @Test
    void otherRefusalsAreNotAskedAgain() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(JedisDataException.class, () -> retry.call("node 127.0.0.1:7001", () -> {
            calls.incrementAndGet();
            throw new JedisDataException("WRONGTYPE Operation against a key holding the wrong kind of value");
        }));
        assertEquals(1, calls.get());
        assertTrue(pauses.isEmpty());
    }
}
