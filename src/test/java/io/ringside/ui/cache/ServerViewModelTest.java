package io.ringside.ui.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.BackendUnavailableException;
import io.ringside.core.data.cache.CacheStatsMessage;
import io.ringside.core.redis.InfoSnapshot;
import io.ringside.ui.testing.FakeCacheGateway;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerViewModelTest {

    private final FakeCacheGateway gateway = new FakeCacheGateway();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final ServerViewModel server = new ServerViewModel(gateway, executor);

    private static InfoSnapshot info(int second, long hits, long misses) {
        return new InfoSnapshot(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second), Map.of(
                "redis_version", "7.0.15", "keyspace_hits", String.valueOf(hits),
                "keyspace_misses", String.valueOf(misses), "used_memory", "1048576", "maxmemory", "0",
                "maxmemory_policy", "allkeys-lru", "db0", "keys=3,expires=1,avg_ttl=10"));
    }

    @Test
    void ratesComeFromInfoDeltasAndTheSeriesIsBounded() {
        for (int i = 0; i <= ServerViewModel.MAX_POINTS + 5; i++) {
            gateway.samples.add(info(i * 2, i * 20L, i * 2L));
        }
        server.start(ok -> { });
        assertTrue(server.points().isEmpty(), "one sample gives no rate yet");
        assertTrue(server.memoryTextProperty().get().contains("allkeys-lru"));
        assertTrue(server.summaryTextProperty().get().contains("db0 3 keys"));

        executor.runScheduled();
        assertEquals(1, server.points().size());
        assertEquals(10.0, server.points().get(0).hitsPerSecond(), 1e-9);
        assertEquals(1.0, server.points().get(0).missesPerSecond(), 1e-9);

        for (int i = 0; i < ServerViewModel.MAX_POINTS + 10; i++) {
            executor.runScheduled();
        }
        assertEquals(ServerViewModel.MAX_POINTS, server.points().size());
    }

    @Test
    void failuresBackOffAndTheStopEndsThePolling() {
        gateway.sampleFailure = new BackendUnavailableException("Redis is unreachable: refused");
        boolean[] first = new boolean[] {true};
        server.start(ok -> first[0] = ok);
        executor.runScheduled();
        executor.runScheduled();

        assertEquals(false, first[0]);
        assertTrue(server.errorProperty().get().contains("unreachable"));
        assertEquals(List.of(Duration.ofSeconds(16)), executor.scheduledDelays());

        server.stop();
        assertTrue(executor.scheduledDelays().isEmpty());
    }

    @Test
    void applicationCountersAreSummedPerSecondAndNamespaceWhileShown() {
        server.start(ok -> { });
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertTrue(gateway.emitStats(new CacheStatsMessage(t, "a", "pm25", 8, 2, 0, 1, 2)));
        gateway.emitStats(new CacheStatsMessage(t.plusMillis(300), "b", "pm25", 2, 8, 0, 1, 2));
        gateway.emitStats(new CacheStatsMessage(t, "a", "dataset", 1, 0, 0, 1, 2));
        gateway.emitStats(new CacheStatsMessage(t.plusSeconds(1), "a", "pm25", 3, 1, 0, 1, 2));

        assertEquals(List.of(new ServerViewModel.AppPoint(0, "pm25", 10, 10), new ServerViewModel.AppPoint(0, "dataset",
                1, 0), new ServerViewModel.AppPoint(1, "pm25", 3, 1)), server.appPoints());
        assertEquals(50.0, server.appPoints().get(0).hitRatioPercent(), 1e-9);

        server.stop();
        assertFalse(gateway.emitStats(new CacheStatsMessage(t, "a", "pm25", 1, 1, 0, 1, 2)), "the feed is closed");
    }

    @Test
    void aSentinelProfilesMasterIsShownAndAFailoverShowsAtTheNextPoll() {
        server.start(ok -> { });
        assertEquals("", server.masterTextProperty().get(), "a server named directly has no master line");
        assertFalse(server.summaryTextProperty().get().contains("master 127"));

        gateway.sentinelMaster = "127.0.0.1:6379 via Sentinel ringside";
        executor.runScheduled();
        assertEquals("master 127.0.0.1:6379 via Sentinel ringside", server.masterTextProperty().get());
        assertTrue(server.summaryTextProperty().get().endsWith("; master 127.0.0.1:6379 via Sentinel ringside"));

        gateway.sentinelMaster = "127.0.0.1:6390 via Sentinel ringside";
        executor.runScheduled();
        assertEquals("master 127.0.0.1:6390 via Sentinel ringside", server.masterTextProperty().get());
        assertEquals(List.of(ServerViewModel.PERIOD), executor.scheduledDelays(), "the next poll is one period away");
    }
}
