package io.ringside.core.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A job command opens the Cassandra session on a thread of its own while it submits through
 * Kafka: the session's start holds the clients' monitor for seconds, and the Kafka settings must
 * not wait for it (they did, through the tunnel's look-up, so the submit started only once the
 * session was open).
 */
class BackendsLockTest {

    @Test
    void kafkaSettingsDoNotWaitForASessionBeingOpened() throws Exception {
        Backends backends = new Backends(new Backends.Endpoints("local",
                List.of(new InetSocketAddress("127.0.0.1", 9042)), "dc1", "127.0.0.1", 6379, "127.0.0.1:19092"));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread opening = new Thread(() -> {
            synchronized (backends) { // as cql() holds it while the driver starts
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "opening-session");
        opening.start();
        try {
            held.await(10, TimeUnit.SECONDS);
            Map<String, Object> kafka = CompletableFuture.supplyAsync(backends::kafkaProperties)
                    .get(5, TimeUnit.SECONDS);
            assertEquals("127.0.0.1:19092", kafka.get("bootstrap.servers"));
        } finally {
            release.countDown();
            opening.join(10_000);
        }
    }
}
