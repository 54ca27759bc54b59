package io.ringside.ui.cache;

import io.ringside.ui.util.Errors;
import io.ringside.core.cassandra.ByteSizes;
import io.ringside.core.data.cache.CacheStatsMessage;
import io.ringside.core.redis.ClusterNode;
import io.ringside.core.redis.HitMissRates;
import io.ringside.core.redis.InfoSnapshot;
import io.ringside.core.redis.ServerStats;
import io.ringside.core.redis.ServerSummary;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.Poller;
import io.ringside.ui.util.FxBatcher;
import io.ringside.ui.util.TaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The server panel: INFO summary, SLOWLOG, CLIENT LIST, a Redis Cluster's nodes with their roles, and the hit/miss and memory charts
 * fed by INFO deltas. Polled while the page is shown, backing off (doubling, at most 30 s) while
 * Redis does not answer. The browser's own lookups count as server-wide hits, so the panel says so.
 */
public final class ServerViewModel {

    static final Duration PERIOD = Duration.ofSeconds(2);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Points per series: four minutes at the 2 s period. */
    static final int MAX_POINTS = 120;
    static final int SLOWLOG_ENTRIES = 20;
    static final Duration APP_BATCH = Duration.ofMillis(250);

    /** One chart point: seconds since the page began polling, rates, memory. */
    public record Point(double seconds, double hitsPerSecond, double missesPerSecond, long usedMemory,
                        long maxMemory) {
    }

    /**
     * The application's counters of one namespace in one second, summed over its instances.
     *
     * @param seconds since the first message the page saw
     */
    public record AppPoint(double seconds, String namespace, long hits, long misses) {

        /** Hits in percent of lookups, NaN without lookups. */
        public double hitRatioPercent() {
            return hits + misses == 0 ? Double.NaN : 100.0 * hits / (hits + misses);
        }
    }

    /** Application points kept: ten minutes of a few namespaces. */
    static final int MAX_APP_POINTS = 1800;
    /** How far back a late instance's message still joins its second. */
    private static final int MERGE_WINDOW = 64;

    /** @param master the sentinel profile's current master, described; empty for any other profile */
    private record Poll(List<ClusterNode> nodes, InfoSnapshot info, List<ServerStats.SlowEntry> slowlog,
                        List<Map<String, String>> clients, Optional<String> master) {
    }

    /**
     * A Redis Cluster node as the CLUSTER NODES tab shows it.
     *
     * @param follows the address of the master a replica follows, else empty
     */
    public record NodeRow(String address, String role, String state, int slots, String follows) {
    }

    private final CacheGateway gateway;
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<ServerSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summaryText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper memoryText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper masterText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<Point> points = FXCollections.observableArrayList();
    private final ObservableList<ServerStats.SlowEntry> slowlog = FXCollections.observableArrayList();
    private final ObservableList<Map<String, String>> clients = FXCollections.observableArrayList();
    private final ObservableList<NodeRow> nodes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper nodesText = new ReadOnlyStringWrapper("");
    private InfoSnapshot previous;
    private Instant origin;
    private final Poller<Poll> poller;
    private Consumer<Boolean> onFirstPoll = ok -> { };
    private final ObservableList<AppPoint> appPoints = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper appNote = new ReadOnlyStringWrapper("");
    private AutoCloseable feed;
    private long feedGeneration;
    private long appOrigin = -1;

    public ServerViewModel(CacheGateway gateway, TaskExecutor executor) {
        this.gateway = gateway;
        this.executor = executor;
        this.poller = Poller.polling(executor, PERIOD,
                        () -> new Poll(gateway.clusterNodes(), gateway.sample(), gateway.slowlog(SLOWLOG_ENTRIES),
                                gateway.clients(), gateway.sentinelMaster()))
                .backingOffTo(MAX_BACKOFF)
                .onSuccess(this::show)
                .onFailure(this::pollFailed);
    }

    void start(Consumer<Boolean> firstPoll) {
        onFirstPoll = firstPoll;
        if (!poller.running()) {
            poller.pollNow();
            openFeed();
        }
    }

    void stop() {
        poller.stop();
        closeFeed();
    }

    private void openFeed() {
        long generation = ++feedGeneration;
        FxBatcher<CacheStatsMessage> batcher = FxBatcher.onUi(executor, APP_BATCH, this::addStats);
        appNote.set("Application counters (ringside.cache.stats): waiting for messages");
        BackgroundTask.wrap(() -> gateway.cacheStats(batcher::add))
                .onSuccess(opened -> {
                    if (generation == feedGeneration && poller.running()) {
                        feed = opened;
                    } else {
                        close(opened);
                    }
                })
                .onFailure(e -> appNote.set("Application counters unavailable: " + Errors.firstLine(e)))
                .executeWith(executor);
    }

    private void closeFeed() {
        feedGeneration++;
        AutoCloseable open = feed;
        feed = null;
        if (open != null) {
            close(open);
        }
    }

    private void close(AutoCloseable open) {
        BackgroundTask.wrap(() -> {
            open.close();
            return null;
        }).executeWith(executor);
    }

    private void addStats(List<CacheStatsMessage> messages) {
        for (CacheStatsMessage m : messages) {
            long second = m.ts().getEpochSecond();
            if (appOrigin < 0) {
                appOrigin = second;
            }
            double seconds = second - appOrigin;
            int merged = -1;
            for (int i = appPoints.size() - 1; i >= Math.max(0, appPoints.size() - MERGE_WINDOW); i--) {
                AppPoint p = appPoints.get(i);
                if (p.seconds() == seconds && p.namespace().equals(m.namespace())) {
                    merged = i;
                    break;
                }
            }
            if (merged >= 0) {
                AppPoint p = appPoints.get(merged);
                appPoints.set(merged, new AppPoint(seconds, p.namespace(), p.hits() + m.hits(), p.misses() + m.misses()));
            } else {
                appPoints.add(new AppPoint(seconds, m.namespace(), m.hits(), m.misses()));
            }
        }
        if (appPoints.size() > MAX_APP_POINTS) {
            appPoints.remove(0, appPoints.size() - MAX_APP_POINTS);
        }
        appNote.set("Application counters (ringside.cache.stats): hit ratio per namespace");
    }

    private void pollFailed(Exception e) {
        error.set("Server panel: " + Errors.firstLine(e) + " (retrying in " + poller.delay().toSeconds() + " s)");
        report(false);
    }

    private void report(boolean ok) {
        Consumer<Boolean> once = onFirstPoll;
        onFirstPoll = value -> { };
        once.accept(ok);
    }

    private void show(Poll poll) {
        error.set("");
        ServerSummary s = ServerSummary.of(poll.info());
        summary.set(s);
        masterText.set(poll.master().map(master -> "master " + master).orElse(""));
        // a sentinel profile's server is the master the sentinels name: said once, in the role's place
        boolean namedMaster = !masterText.get().isEmpty()
                && (s.role() == null || s.role().isBlank() || "master".equals(s.role()));
        summaryText.set(String.format(Locale.ROOT, "Redis %s, %s, %s, up %s; %d clients, %d ops/s; %s%s",
                s.version(), s.mode(), namedMaster ? masterText.get() : s.role(), uptime(s.uptimeSeconds()),
                s.connectedClients(), s.opsPerSecond(), keyspace(s),
                masterText.get().isEmpty() || namedMaster ? "" : "; " + masterText.get()));
        memoryText.set(String.format(Locale.ROOT, "Used %s of %s, eviction policy %s", ByteSizes.format(s.usedMemory()),
                s.maxMemory() == 0 ? "no limit" : ByteSizes.format(s.maxMemory()), s.evictionPolicy()));
        if (origin == null) {
            origin = poll.info().at();
        }
        if (previous != null && poll.info().at().isAfter(previous.at())) {
            HitMissRates rates = HitMissRates.between(previous, poll.info());
            points.add(new Point(Duration.between(origin, poll.info().at()).toMillis() / 1000.0,
                    rates.hitsPerSecond(), rates.missesPerSecond(), s.usedMemory(), s.maxMemory()));
            if (points.size() > MAX_POINTS) {
                points.remove(0, points.size() - MAX_POINTS);
            }
        }
        previous = poll.info();
        slowlog.setAll(poll.slowlog());
        clients.setAll(poll.clients());
        showNodes(poll.nodes());
        report(true);
    }

    /**
     * The nodes masters first, in the order the cluster lists them; a failover shows as the
     * promoted replica turned master and its old master {@code failed}, with no slots.
     */
    private void showNodes(List<ClusterNode> listed) {
        Map<String, String> addresses = new java.util.HashMap<>();
        listed.forEach(node -> addresses.put(node.id(), node.address()));
        List<NodeRow> rows = new java.util.ArrayList<>();
        for (boolean masters : new boolean[] {true, false}) {
            for (ClusterNode node : listed) {
                if (node.master() == masters) {
                    rows.add(new NodeRow(node.address(), node.role(), node.state(), node.slots(),
                            node.master() ? "" : addresses.getOrDefault(node.masterId(), node.masterId())));
                }
            }
        }
        nodes.setAll(rows);
        long masterCount = rows.stream().filter(r -> r.role().equals("master") && r.state().equals("ok")).count();
        long replicaCount = rows.stream().filter(r -> r.role().equals("replica") && r.state().equals("ok")).count();
        long down = rows.stream().filter(r -> !r.state().equals("ok")).count();
        nodesText.set(listed.isEmpty() ? "" : String.format(Locale.ROOT, "Redis Cluster: %d master%s, %d replica%s%s",
                masterCount, masterCount == 1 ? "" : "s", replicaCount, replicaCount == 1 ? "" : "s",
                down == 0 ? "" : ", " + down + " not ok"));
    }

    private static String uptime(long seconds) {
        return seconds >= 86_400 ? seconds / 86_400 + " d" : seconds >= 3600 ? seconds / 3600 + " h"
                : seconds / 60 + " min";
    }

    private static String keyspace(ServerSummary s) {
        if (s.keyspace().isEmpty()) {
            return "no keys";
        }
        StringBuilder out = new StringBuilder();
        s.keyspace().forEach((db, keys) -> out.append(out.length() == 0 ? "" : ", ").append(db).append(' ')
                .append(keys.keys()).append(" keys (").append(keys.expires()).append(" with TTL)"));
        return out.toString();
    }

    public ReadOnlyObjectProperty<ServerSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryTextProperty() {
        return summaryText.getReadOnlyProperty();
    }

    /**
     * {@code master 127.0.0.1:6390 via Sentinel ringside} for a sentinel profile, as of the last
     * poll (so a failover shows within {@link #PERIOD}); empty for any other profile.
     */
    public ReadOnlyStringProperty masterTextProperty() {
        return masterText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memoryTextProperty() {
        return memoryText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The chart points, oldest first, at most {@link #MAX_POINTS}. */
    public ObservableList<Point> points() {
        return points;
    }

    /** The application's points, oldest first, at most {@link #MAX_APP_POINTS}. */
    public ObservableList<AppPoint> appPoints() {
        return appPoints;
    }

    public ReadOnlyStringProperty appNoteProperty() {
        return appNote.getReadOnlyProperty();
    }

    public ObservableList<ServerStats.SlowEntry> slowlog() {
        return slowlog;
    }

    public ObservableList<Map<String, String>> clients() {
        return clients;
    }

    /** The Redis Cluster's nodes, masters first; empty for a single server. */
    public ObservableList<NodeRow> nodes() {
        return nodes;
    }

    /** How many masters and replicas are up, and how many nodes are not; empty for a single server. */
    public ReadOnlyStringProperty nodesTextProperty() {
        return nodesText.getReadOnlyProperty();
    }
}
