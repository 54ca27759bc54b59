package io.ringside.ui.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.BackendUnavailableException;
import io.ringside.core.data.cache.CacheStatsMessage;
import io.ringside.core.redis.ClusterNode;
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
    void aClusterFailoverShowsThePromotedReplicaAsMasterAndItsOldMasterAsFailed() {
        gateway.clusterNodes.add(ClusterNode.parse(String.join("\n",
                "a1 127.0.0.1:6380@16380 myself,master - 0 0 1 connected 0-5460",
                "b2 127.0.0.1:6381@16381 master - 0 0 2 connected 5461-10922",
                "c3 127.0.0.1:6382@16382 master - 0 0 3 connected 10923-16383",
                "d4 127.0.0.1:6383@16383 slave a1 0 0 1 connected",
                "e5 127.0.0.1:6384@16384 slave b2 0 0 2 connected",
                "f6 127.0.0.1:6385@16385 slave c3 0 0 3 connected")));
        gateway.clusterNodes.add(ClusterNode.parse(String.join("\n",
                "a1 127.0.0.1:6380@16380 master,fail - 0 0 1 disconnected",
                "b2 127.0.0.1:6381@16381 myself,master - 0 0 2 connected 5461-10922",
                "c3 127.0.0.1:6382@16382 master - 0 0 3 connected 10923-16383",
                "d4 127.0.0.1:6383@16383 master - 0 0 7 connected 0-5460",
                "e5 127.0.0.1:6384@16384 slave b2 0 0 2 connected",
                "f6 127.0.0.1:6385@16385 slave c3 0 0 3 connected")));
        server.start(ok -> { });

        assertEquals(new ServerViewModel.NodeRow("127.0.0.1:6383", "replica", "ok", 0, "127.0.0.1:6380"),
                server.nodes().get(3));
        assertEquals("Redis Cluster: 3 masters, 3 replicas", server.nodesTextProperty().get());

        executor.runScheduled();
        assertEquals(List.of(
                new ServerViewModel.NodeRow("127.0.0.1:6380", "master", "failed", 0, ""),
                new ServerViewModel.NodeRow("127.0.0.1:6381", "master", "ok", 5462, ""),
                new ServerViewModel.NodeRow("127.0.0.1:6382", "master", "ok", 5461, ""),
                new ServerViewModel.NodeRow("127.0.0.1:6383", "master", "ok", 5461, ""),
                new ServerViewModel.NodeRow("127.0.0.1:6384", "replica", "ok", 0, "127.0.0.1:6381"),
                new ServerViewModel.NodeRow("127.0.0.1:6385", "replica", "ok", 0, "127.0.0.1:6382")), server.nodes());
        assertEquals("Redis Cluster: 3 masters, 2 replicas, 1 not ok", server.nodesTextProperty().get());
    }

    @Test
    void aSingleServerHasNoClusterNodes() {
        server.start(ok -> { });
        assertTrue(server.nodes().isEmpty());
        assertEquals("", server.nodesTextProperty().get());
    }

    @Test
    void aSentinelProfilesMasterIsShownAndAFailoverShowsAtTheNextPoll() {
        server.start(ok -> { });
        assertEquals("", server.masterTextProperty().get(), "a server named directly has no master line");
        assertFalse(server.summaryTextProperty().get().contains("master 127"));

        gateway.sentinelMaster = "127.0.0.1:6379 via Sentinel ringside";
        executor.runScheduled();
        assertEquals("master 127.0.0.1:6379 via Sentinel ringside", server.masterTextProperty().get());
        assertTrue(server.summaryTextProperty().get().contains(", master 127.0.0.1:6379 via Sentinel ringside, up "),
                "said once, in the role's place: " + server.summaryTextProperty().get());

        gateway.sentinelMaster = "127.0.0.1:6390 via Sentinel ringside";
        executor.runScheduled();
        assertEquals("master 127.0.0.1:6390 via Sentinel ringside", server.masterTextProperty().get());
        assertEquals(List.of(ServerViewModel.PERIOD), executor.scheduledDelays(), "the next poll is one period away");
    }
}
