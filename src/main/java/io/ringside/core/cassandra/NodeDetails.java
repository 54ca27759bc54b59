package io.ringside.core.cassandra;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one node's virtual tables ({@code system_views}) say about it at one moment: these are
 * node-local, so each comes from a statement sent to that node alone.
 */
public record NodeDetails(UUID hostId, Instant at, List<ThreadPool> threadPools, List<Client> clients,
                          List<CacheStats> caches, long diskUsageBytes, Latency reads, Latency writes) {

    public NodeDetails {
        threadPools = List.copyOf(threadPools);
        clients = List.copyOf(clients);
        caches = List.copyOf(caches);
    }

    public long pendingTasks() {
        return threadPools.stream().mapToLong(ThreadPool::pending).sum();
    }

    public long blockedTasks() {
        return threadPools.stream().mapToLong(ThreadPool::blocked).sum();
    }

    public record ThreadPool(String name, int active, int pending, long blocked, long completed) {
    }

    public record Client(String address, int port, String username, String driver, long requests) {
    }

    public record CacheStats(String name, int entries, long sizeBytes, long capacityBytes, double hitRatio) {
    }

    /**
     * Coordinator latency over every table: requests per second summed, p50 weighted by request
     * count, and the worst table's p99 (the tables' histograms cannot be merged exactly), in
     * milliseconds, whole ones: Cassandra's virtual tables keep no finer figure.
     */
    public record Latency(double perSecond, double p50Ms, double p99Ms) {
        public static final Latency NONE = new Latency(0, 0, 0);
    }
}
