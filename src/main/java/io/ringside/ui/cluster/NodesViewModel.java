package io.ringside.ui.cluster;

import io.ringside.core.NamedThreads;
import io.ringside.ui.util.Errors;
import io.ringside.core.cassandra.ByteSizes;
import io.ringside.core.cassandra.HealthReport;
import io.ringside.core.cassandra.NodeDetails;
import io.ringside.core.cassandra.NodeStatus;
import io.ringside.core.cassandra.ReplicaWarning;
import io.ringside.ui.util.Poller;
import io.ringside.ui.util.TaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Node health. Two polls, both with back-off on failure: a cheap liveness poll every
 * {@value #LIVENESS_MILLIS} ms that reads only the driver's metadata (so a node the driver marks
 * down shows within a second) and triggers a full refresh when anything changed, and the full
 * node table plus the selected node's virtual tables every {@link #HEALTH_PERIOD}. Chart samples
 * are bounded to {@link #MAX_SAMPLES} (ten minutes at the period).
 *
 * <p>A round of the health poll asks the selected node's details beside the node table, not after
 * it, and waits for them until {@link #ROUND} from its start: a hung node (stopped, its connection
 * still open, so the driver sees it up) held each round, and so the other nodes' report, for the
 * details' time-out on top of the table's own. A node that gave no answer by then is said so under
 * the table.
 */
public final class NodesViewModel {

    static final long LIVENESS_MILLIS = 500;
    static final Duration LIVENESS_PERIOD = Duration.ofMillis(LIVENESS_MILLIS);
    static final Duration HEALTH_PERIOD = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final int MAX_SAMPLES = 120;
    /** How long a round waits for the selected node's details: the gateway's own time-out and a second. */
    static final Duration ROUND = Duration.ofSeconds(6);
    /** Reads the selected node's details beside the round's report; idle threads end after a minute. */
    private static final ExecutorService DETAILS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.MINUTES,
            new SynchronousQueue<>(), NamedThreads.daemons("ringside-node-details"));
    /** Whether a round has rehearsed what the FX thread does with a round's result; once per process. */
    private static final AtomicBoolean REHEARSED = new AtomicBoolean();

    private final ClusterGateway gateway;
    private final TaskExecutor executor;
    private final ObservableList<NodeStatus> nodes = FXCollections.observableArrayList();
    private final ObservableList<NodeStatus> nodesView = FXCollections.unmodifiableObservableList(nodes);
    private final ObservableList<DatacenterGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<DatacenterGroup> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final ReadOnlyStringWrapper localDatacenter = new ReadOnlyStringWrapper();
    private final ObservableList<NodeDetails.ThreadPool> threadPools = FXCollections.observableArrayList();
    private final ObservableList<NodeDetails.ThreadPool> threadPoolsView = FXCollections.unmodifiableObservableList(threadPools);
    private final ObservableList<NodeDetails.Client> clients = FXCollections.observableArrayList();
    private final ObservableList<NodeDetails.Client> clientsView = FXCollections.unmodifiableObservableList(clients);
    private final ObservableList<NodeDetails.CacheStats> caches = FXCollections.observableArrayList();
    private final ObservableList<NodeDetails.CacheStats> cachesView = FXCollections.unmodifiableObservableList(caches);
    private final ObservableList<NodeSample> samples = FXCollections.observableArrayList();
    private final ObservableList<NodeSample> samplesView = FXCollections.unmodifiableObservableList(samples);
    private final ReadOnlyObjectWrapper<UUID> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper keyspace = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper schemaAgreement = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper bannerShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detailSummary = new ReadOnlyStringWrapper("");

    private final Poller<Refresh> healthPoll;
    private final Poller<Liveness> livenessPoll;
    private Liveness lastLiveness = Liveness.NONE;
    private Consumer<Exception> firstRefresh = e -> { };

    public NodesViewModel(ClusterGateway gateway, TaskExecutor executor) {
        this.gateway = gateway;
        this.executor = executor;
        this.healthPoll = Poller.preparing(executor, HEALTH_PERIOD, this::refresh)
                .backingOffTo(MAX_BACKOFF)
                .onSuccess(this::refreshed)
                .onFailure(this::refreshFailed);
        this.livenessPoll = Poller.polling(executor, LIVENESS_PERIOD, () -> Liveness.read(gateway))
                .backingOffTo(MAX_BACKOFF)
                .onSuccess(this::applyLiveness);
    }

    /** Starts both polls with an immediate refresh; {@code done} hears how that first one went. */
    void start(Consumer<Exception> done) {
        stop();
        firstRefresh = done;
        healthPoll.pollNow();
        livenessPoll.pollLater();
    }

    void stop() {
        livenessPoll.stop();
        healthPoll.stop();
    }

    /** Ownership is shown for this keyspace; null for each node's primary ranges. */
    public void setKeyspace(String name) {
        keyspace.set(name);
        refreshNow();
    }

    public void select(UUID hostId) {
        selected.set(hostId);
        samples.clear();
        threadPools.clear();
        clients.clear();
        caches.clear();
        detailSummary.set("");
        refreshNow();
    }

    public void refreshNow() {
        if (healthPoll.running()) {
            healthPoll.pollNow();
        }
    }

    /** One round of the health poll, for the keyspace and node shown when it is planned. */
    private Callable<Refresh> refresh() {
        String ks = keyspace.get();
        UUID node = selected.get();
        return () -> {
            long readFrom = System.nanoTime();
            Future<NodeDetails> details = node == null ? null : DETAILS.submit(() -> detailsIfUp(node));
            try {
                HealthReport report = gateway.health(ks);
                Refresh round = new Refresh(report, node, details == null ? null : detailsBy(details, readFrom + ROUND.toNanos()),
                        details == null ? "" : problem(details), readFrom);
                if (REHEARSED.compareAndSet(false, true)) {
                    rehearse(gateway, executor, report);
                }
                return round;
            } finally {
                if (details != null) {
                    details.cancel(true);
                }
            }
        };
    }

    /** The details asked, once they came or {@code deadline} ({@link System#nanoTime}) passed; null if none came. */
    private static NodeDetails detailsBy(Future<NodeDetails> details, long deadline) throws InterruptedException {
        try {
            return details.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        }
    }

    /**
     * Why a round has no details of its node when it asked for them: none came by the round's end, or
     * the gateway's own deadline ended the request first ("No answer for the details of 127.0.0.2 within
     * 5 s"); empty when they came or the node, being down, was not asked.
     */
    private static String problem(Future<NodeDetails> details) {
        if (!details.isDone()) {
            return "No answer from the node within " + ROUND.toSeconds() + " s";
        }
        try {
            details.get();
            return "";
        } catch (ExecutionException e) {
            return Errors.firstLine(e.getCause());
        } catch (InterruptedException | CancellationException e) {
            return "";
        }
    }

    /**
     * Runs a report, details of its first node and two liveness samples through a throwaway
     * view-model, here on the round's background thread: what the FX thread does with the first
     * rounds' results it otherwise does for the first time in the process, linking on first use
     * each record's equals, the texts' string concatenations, the lambdas and number formats, one
     * pulse of 10-20 ms a few seconds after the Cluster page opened, often while an operator is
     * already browsing rows. Linking is once per process and on any thread; a view-model out of
     * any scene may be used on any thread. The first round runs it before it returns its result.
     * Returns whether it went through, the throwaway showing what the rounds said (for a test).
     */
    static boolean rehearse(ClusterGateway gateway, TaskExecutor executor, HealthReport report) {
        if (report.nodes().isEmpty()) {
            return false;
        }
        try {
            NodesViewModel rehearsal = new NodesViewModel(gateway, executor);
            UUID first = report.nodes().get(0).hostId();
            NodeDetails details = new NodeDetails(first, Instant.now(),
                    List.of(new NodeDetails.ThreadPool("rehearsal", 0, 0, 0, 0)),
                    List.of(new NodeDetails.Client("127.0.0.1", 0, "", "", 0)),
                    List.of(new NodeDetails.CacheStats("rehearsal", 0, 0, 0, 0)), 0,
                    NodeDetails.Latency.NONE, NodeDetails.Latency.NONE);
            Refresh round = new Refresh(report, first, details, "", System.nanoTime());
            rehearsal.refreshed(round);
            rehearsal.refreshed(round); // a later round compares what it shows
            rehearsal.applyLiveness(new Liveness(Map.of(first, true), System.nanoTime()));
            rehearsal.applyLiveness(new Liveness(Map.of(first, false), System.nanoTime()));
            return rehearsal.nodes.size() == report.nodes().size() && !rehearsal.nodes.get(0).up()
                    && rehearsal.samples.size() == 2;
        } catch (RuntimeException e) {
            return false; // a rehearsal only: the FX thread does it when it needs it
        }
    }

    private void refreshed(Refresh result) {
        apply(result.report(), result.readFrom());
        if (result.details() != null && result.details().hostId().equals(selected.get())) {
            apply(result.details());
        } else if (!result.problem().isEmpty() && Objects.equals(result.node(), selected.get())) {
            detailSummary.set(result.problem());
        }
        error.set("");
        finishFirst(null);
    }

    private void refreshFailed(Exception e) {
        error.set("Cannot read node health, retrying in " + healthPoll.delay().toSeconds() + " s: "
                + Errors.firstLine(e));
        finishFirst(e);
    }

    /** The node's details; null without asking when the driver sees it down. */
    private NodeDetails detailsIfUp(UUID node) {
        return Boolean.TRUE.equals(gateway.liveness().get(node)) ? gateway.details(node) : null;
    }

    private void finishFirst(Exception e) {
        Consumer<Exception> done = firstRefresh;
        firstRefresh = ignored -> { };
        done.accept(e);
    }

    private void applyLiveness(Liveness sample) {
        Map<UUID, Boolean> states = sample.states();
        if (states.equals(lastLiveness.states())) {
            lastLiveness = sample;
            return;
        }
        boolean first = lastLiveness.states().isEmpty();
        lastLiveness = sample;
        boolean changed = false;
        for (int i = 0; i < nodes.size(); i++) {
            NodeStatus node = nodes.get(i);
            Boolean up = states.get(node.hostId());
            if (up != null && up != node.up()) {
                nodes.set(i, withLiveness(node, up));
                changed = true;
            }
        }
        if (changed) {
            regroup();
        }
        if (!first) {
            refreshNow();
        }
    }

    static NodeStatus withLiveness(NodeStatus node, boolean up) {
        return new NodeStatus(node.hostId(), (up ? "U" : "D") + node.state().substring(1), up, node.address(),
                node.datacenter(), node.rack(), node.loadBytes(), node.tokens(), node.ownership(), node.version(),
                node.schemaVersion(), node.schemaAgrees());
    }

    /**
     * Shows a report, each node up or down as the fresher of the report and the last liveness poll
     * says. A report begun before that poll read the driver may predate what the poll saw (a slow
     * round); one begun after it is the newer word. Taking the poll's word for both, as before, made
     * a report read just after the driver noticed a node down show the node up beside the banner
     * that said it was down, until the next poll; the banner, growing the page's header, could push
     * the node's row out of the table's view meanwhile.
     */
    private void apply(HealthReport report, long readFrom) {
        boolean livenessNewer = !lastLiveness.states().isEmpty() && lastLiveness.readFrom() - readFrom > 0;
        List<NodeStatus> merged = new ArrayList<>();
        for (NodeStatus node : report.nodes()) {
            Boolean up = livenessNewer ? lastLiveness.states().get(node.hostId()) : null;
            merged.add(up != null && up != node.up() ? withLiveness(node, up) : node);
        }
        boolean changed = !merged.equals(nodes) || !Objects.equals(report.localDatacenter(), localDatacenter.get());
        if (changed) {
            nodes.setAll(merged); // an equal list set again would still empty and re-fill every row
            localDatacenter.set(report.localDatacenter());
            regroup();
        }
        if (selected.get() == null && !merged.isEmpty()) {
            selected.set(merged.get(0).hostId());
        }
        schemaAgreement.set(report.schemaAgreement() ? "Schema versions agree"
                : "Schema versions disagree (a schema change is still spreading, or a node is unreachable)");
        List<ReplicaWarning> warnings = report.warnings();
        banner.set(warnings.stream().map(ReplicaWarning::message).collect(Collectors.joining("\n")));
        bannerShown.set(!warnings.isEmpty());
    }

    private void regroup() {
        groups.setAll(DatacenterGroup.of(nodes, localDatacenter.get()));
    }

    private void apply(NodeDetails details) {
        replaceChanged(threadPools, details.threadPools());
        replaceChanged(clients, details.clients());
        replaceChanged(caches, details.caches());
        samples.add(NodeSample.of(details));
        if (samples.size() > MAX_SAMPLES) {
            samples.remove(0, samples.size() - MAX_SAMPLES);
        }
        detailSummary.set("Disk usage " + ByteSizes.format(details.diskUsageBytes()) + " · " + details.clients().size()
                + " client connections · " + details.pendingTasks() + " pending, " + details.blockedTasks()
                + " blocked tasks");
    }

    /**
     * Makes {@code shown} equal to {@code fresh} by replacing only the items that changed (and adding
     * or removing at the end): a table takes a replaced item as that row's update, where
     * {@code setAll} at every refresh emptied and re-filled each of its rows.
     */
    static <T> void replaceChanged(ObservableList<T> shown, List<T> fresh) {
        int common = Math.min(shown.size(), fresh.size());
        for (int i = 0; i < common; i++) {
            if (!shown.get(i).equals(fresh.get(i))) {
                shown.set(i, fresh.get(i));
            }
        }
        if (shown.size() > common) {
            shown.remove(common, shown.size());
        } else if (fresh.size() > common) {
            shown.addAll(fresh.subList(common, fresh.size()));
        }
    }

    /**
     * One health round's result: the report, and the details of {@code node} (null when not read) or
     * why they did not come; {@code readFrom} is the {@link System#nanoTime} before its report was read.
     */
    private record Refresh(HealthReport report, UUID node, NodeDetails details, String problem, long readFrom) {
    }

    /** Up or down per host id as the driver said it at {@code readFrom} ({@link System#nanoTime}). */
    private record Liveness(Map<UUID, Boolean> states, long readFrom) {

        static final Liveness NONE = new Liveness(Map.of(), Long.MIN_VALUE);

        static Liveness read(ClusterGateway gateway) {
            long readFrom = System.nanoTime();
            return new Liveness(Map.copyOf(gateway.liveness()), readFrom);
        }
    }

    public ObservableList<NodeStatus> nodes() {
        return nodesView;
    }

    /** The nodes by data centre and rack, the local data centre first; follows {@link #nodes()}. */
    public ObservableList<DatacenterGroup> groups() {
        return groupsView;
    }

    /** The data centre the profile's requests go to; null when the driver names none. */
    public ReadOnlyStringProperty localDatacenterProperty() {
        return localDatacenter.getReadOnlyProperty();
    }

    public ObservableList<NodeDetails.ThreadPool> threadPools() {
        return threadPoolsView;
    }

    public ObservableList<NodeDetails.Client> clients() {
        return clientsView;
    }

    public ObservableList<NodeDetails.CacheStats> caches() {
        return cachesView;
    }

    /** The selected node's chart points, oldest first, at most {@value #MAX_SAMPLES}. */
    public ObservableList<NodeSample> samples() {
        return samplesView;
    }

    public ReadOnlyObjectProperty<UUID> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyspaceProperty() {
        return keyspace.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty schemaAgreementProperty() {
        return schemaAgreement.getReadOnlyProperty();
    }

    /** One line per keyspace with a replica down, naming the consistency levels that still work. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty bannerShownProperty() {
        return bannerShown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailSummaryProperty() {
        return detailSummary.getReadOnlyProperty();
    }
}
