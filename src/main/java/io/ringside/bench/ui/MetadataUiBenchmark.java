package io.ringside.bench.ui;

import static io.ringside.bench.ui.ClusterUiBenchmark.await;
import static io.ringside.bench.ui.ClusterUiBenchmark.onFx;

import io.ringside.core.RingsideException;
import io.ringside.core.cassandra.CassandraServices;
import io.ringside.core.kafka.KafkaCalls;
import io.ringside.ui.cluster.CassandraClusterGateway;
import io.ringside.ui.cluster.ClusterGateway;
import io.ringside.ui.cluster.ClusterView;
import io.ringside.ui.cluster.ClusterViewModel;
import io.ringside.ui.streams.KafkaStreamsGateway;
import io.ringside.ui.streams.StreamsGateway;
import io.ringside.ui.streams.StreamsView;
import io.ringside.ui.streams.StreamsViewModel;
import io.ringside.ui.util.PageLoad;
import io.ringside.ui.util.UiTaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Times pages at scale from activation to ready (the data shown, the FX thread answering): the
 * Streams topics tab, the Streams groups tab with lag and the Cluster schema tree, each on a page
 * made afresh (as the console makes a page on its first visit) with the real view, view-model,
 * executor and gateway; and beside each, the same reads with the Kafka admin client or the
 * schema read alone, the limit a page cannot beat. The FX thread's pauses are watched while each
 * page loads and for a moment after.
 */
public final class MetadataUiBenchmark {

    /** One operation: the page's times and the limit's times (ms), with the FX pulses of the page's rounds. */
    public record Phase(String name, List<Double> pageMillis, List<Double> limitMillis, FxPulses pulses) {

        public double page() {
            return median(pageMillis);
        }

        public double limit() {
            return median(limitMillis);
        }

        public double ratio() {
            return limit() <= 0 ? Double.NaN : page() / limit();
        }

        private static double median(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(Double::compare);
            return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        }
    }

    /** Counts a page must show to be ready: at least this many topics, groups and user keyspaces. */
    public record Expected(int topics, int groups, int keyspaces) {
    }

    /**
     * Pulses are still watched this long after ready (the first layout of the filled table comes
     * then), and each side waits at least this long after what came before it.
     */
    private static final Duration SETTLE = Duration.ofMillis(500);

    /**
     * The least time between the end of one side's reads and the start of the other's (or the same
     * side's next): the servers answer a burst of reads slower for a moment after the one before
     * (the topics read alone took 1.2-1.5 s when it came 0.7 s after the previous one, 0.4-0.7 s
     * when it came 2 s after the page's), and with the order alternating, back-to-back pairs fell
     * on the limit's side only.
     */
    private static final Duration BETWEEN_READS = Duration.ofSeconds(2);

    private final Map<String, Object> kafka;
    private final CassandraServices cassandra;
    private final Consumer<String> progress;

    public MetadataUiBenchmark(Map<String, Object> kafka, CassandraServices cassandra, Consumer<String> progress) {
        this.kafka = Map.copyOf(kafka);
        this.cassandra = cassandra;
        this.progress = progress;
    }

    public List<Phase> run(Expected expected, int rounds) {
        ClusterUiBenchmark.startToolkit();
        UiTaskExecutor executor = new UiTaskExecutor();
        FxPauseMonitor monitor = new FxPauseMonitor();
        Stage stage = onFx(() -> {
            Stage window = ClusterUiBenchmark.show(new javafx.scene.layout.Pane(), "Ringside bench metadata");
            monitor.start();
            return window;
        });
        KafkaStreamsGateway streams = new KafkaStreamsGateway(() -> kafka, () -> {
            throw new RingsideException("The benchmark reads topics and groups only");
        });
        try (Admin admin = KafkaCalls.admin(kafka)) {
            List<Phase> phases = new ArrayList<>();
            phases.add(phase("Streams topics tab", rounds, stage, monitor, executor,
                    timeline -> streamsPage(executor, timeline.traced(StreamsGateway.class, streams), "topicsTab"),
                    // (the table shows empty rows, null items, until its first layout)
                    (root, timeline) -> {
                        TableView<?> table = (TableView<?>) root.lookup("#topicTable");
                        markChanges(table.itemsProperty(), "topics set", timeline);
                        return () -> table.getItems().size() >= expected.topics() && table.getItems().get(0) != null;
                    },
                    () -> topicsAlone(admin)));
            phases.add(phase("Streams groups tab with lag", rounds, stage, monitor, executor,
                    timeline -> streamsPage(executor, timeline.traced(StreamsGateway.class, streams), "groupsTab"),
                    (root, timeline) -> {
                        ListView<?> list = (ListView<?>) root.lookup("#groupList");
                        markChanges(list.itemsProperty(), "groups set", timeline);
                        return () -> list.getItems().size() >= expected.groups() && list.getItems().get(0) != null;
                    },
                    () -> groupsAlone(admin)));
            phases.add(phase("Cluster schema tree", rounds, stage, monitor, executor,
                    timeline -> clusterPage(executor, timeline),
                    (root, timeline) -> {
                        TreeView<?> tree = (TreeView<?>) root.lookup("#schemaTree");
                        tree.rootProperty().addListener((obs, old, now) -> timeline.mark("tree set"));
                        return () -> userKeyspacesShown(tree) >= expected.keyspaces();
                    },
                    () -> cassandra.schema().keyspaces().size()));
            return phases;
        } finally {
            onFx(() -> {
                monitor.stop();
                stage.close();
                return null;
            });
            streams.close();
            executor.shutdown();
        }
    }

    private record Page(Parent root, PageLoad model) {
    }

    /** Marks the first time the list is set or changed after activation. */
    private static void markChanges(ObservableValue<? extends ObservableList<?>> items, String step, PageTimeline timeline) {
        ListChangeListener<Object> changed = change -> timeline.mark(step);
        items.getValue().addListener(changed);
        items.addListener((obs, old, now) -> {
            timeline.mark(step);
            now.addListener(changed);
        });
    }

    private static Page streamsPage(UiTaskExecutor executor, StreamsGateway gateway, String tabId) {
        StreamsViewModel model = new StreamsViewModel(gateway, executor);
        Parent root = StreamsView.load(model);
        for (Node node : root.lookupAll(".tab-pane")) {
            TabPane tabs = (TabPane) node;
            for (Tab tab : tabs.getTabs()) {
                if (tabId.equals(tab.getId())) {
                    tabs.getSelectionModel().select(tab);
                }
            }
        }
        return new Page(root, model);
    }

    private Page clusterPage(UiTaskExecutor executor, PageTimeline timeline) {
        ClusterViewModel model = new ClusterViewModel(timeline.traced(ClusterGateway.class,
                new CassandraClusterGateway(cassandra)), executor);
        return new Page(ClusterView.load(model), model);
    }

    private static int userKeyspacesShown(TreeView<?> tree) {
        // (the tree shows empty rows under a root without a value until its first layout)
        return tree.getRoot() == null || tree.getRoot().getValue() == null ? 0 : tree.getRoot().getChildren().size() - 1;
    }

    private Phase phase(String name, int rounds, Stage stage, FxPauseMonitor monitor, UiTaskExecutor executor,
                        Function<PageTimeline, Page> make,
                        BiFunction<Parent, PageTimeline, BooleanSupplier> ready, Callable<?> alone) {
        List<Double> page = new ArrayList<>();
        List<Double> limit = new ArrayList<>();
        FxPulses worst = null;
        // Round 0 warms up (classes loaded, code compiled, clients connected) and is printed, not judged.
        // The two sides alternate which goes first (the page in even rounds, the limit in odd ones),
        // and each is timed at the same quiet moment (QuietMoment), after the same pause.
        long[] readsEnded = {System.nanoTime()};
        for (int round = 0; round <= rounds; round++) {
            boolean limitFirst = round % 2 == 1;
            Limit limitRead = limitFirst ? limit(name, alone, monitor, executor, readsEnded) : null;
            PageTimeline timeline = new PageTimeline();
            long making = System.nanoTime();
            Page shown = onFx(() -> {
                Page made = make.apply(timeline);
                stage.getScene().setRoot(made.root());
                return made;
            });
            // The page is laid out before it is activated, as a page the console switches to: its
            // first layout and styling (measured apart: "made") are not the loading's.
            pause(name + " to be laid out");
            awaitSince(name + ": the pause after the last reads", readsEnded[0]);
            QuietMoment.Wait laidOut = QuietMoment.await(monitor, executor);
            double madeMillis = (System.nanoTime() - making) / 1e6;
            onFx(() -> {
                monitor.reset();
                return null;
            });
            // Ready is the end of the first pulse whose layout found the data there: the filled list's
            // CSS and layout are part of showing it. Checked on the FX thread after each layout.
            AtomicLong shownAt = new AtomicLong();
            // The node is looked up once: a lookup walks the whole page, far too much for every pulse.
            BooleanSupplier isReady = onFx(() -> ready.apply(shown.root(), timeline));
            Runnable check = () -> {
                if (shownAt.get() == 0 && isReady.getAsBoolean()) {
                    shownAt.set(System.nanoTime());
                }
            };
            timeline.begin();
            long started = System.nanoTime();
            onFx(() -> {
                stage.getScene().addPostLayoutPulseListener(check);
                timeline.mark("activate");
                shown.model().activate();
                timeline.mark("activated");
                return null;
            });
            await(name, () -> shownAt.get() != 0);
            double millis = (shownAt.get() - started) / 1e6;
            long settled = System.nanoTime() + SETTLE.toNanos();
            await(name + " to settle", () -> System.nanoTime() > settled);
            String steps = onFx(() -> timeline.describe(monitor, shownAt.get()));
            FxPulses pulses = onFx(() -> {
                FxPulses seen = FxPulses.of(monitor);
                stage.getScene().removePostLayoutPulseListener(check);
                shown.model().deactivate();
                return seen;
            });
            // The page's reads include its background work after ready (the other list, the tail).
            await(name + ": the page's background work to end", executor::idle);
            readsEnded[0] = System.nanoTime();
            if (round > 0) {
                worst = worst == null || pulses.cpu().maxMillis() > worst.cpu().maxMillis() ? pulses : worst;
            }
            if (!limitFirst) {
                limitRead = limit(name, alone, monitor, executor, readsEnded);
            }
            if (round > 0) {
                page.add(millis);
                limit.add(limitRead.millis());
            }
            String which = round == 0 ? "warm-up" : "round " + round;
            progress.accept(String.format(Locale.ROOT, "%s %s: page %.0f ms, alone %.0f ms (%s first); %s", name, which,
                    millis, limitRead.millis(), limitFirst ? "alone" : "page", pulses.describe()));
            progress.accept(String.format(Locale.ROOT, "%s %s steps: made %.0f ms before (%s), %s, ready %.1f; limit"
                    + " from %s (%s)", name, which, madeMillis, laidOut.describe(), steps, millis, limitRead.at(),
                    limitRead.waited().describe()));
        }
        return new Phase(name, page, limit, worst);
    }

    /** One timing of the reads alone: when it started, how long it took, and the wait for the quiet moment before it. */
    private record Limit(java.time.LocalTime at, double millis, QuietMoment.Wait waited) {
    }

    /**
     * The reads alone, after the same pause and quiet moment as the page's activation: the page's
     * own background work (the selected group's time lag, the tail's consumer) has ended, so
     * neither side shares the two cores with the other.
     */
    private static Limit limit(String name, Callable<?> alone, FxPauseMonitor monitor, UiTaskExecutor executor,
                               long[] readsEnded) {
        pause(name + ": the pause before the limit");
        awaitSince(name + ": the pause after the last reads", readsEnded[0]);
        QuietMoment.Wait waited = QuietMoment.await(monitor, executor);
        java.time.LocalTime at = java.time.LocalTime.now();
        long started = System.nanoTime();
        try {
            alone.call();
        } catch (Exception e) {
            throw new RingsideException(name + ": the limit's read failed: " + e.getMessage(), e);
        }
        readsEnded[0] = System.nanoTime();
        return new Limit(at, (System.nanoTime() - started) / 1e6, waited);
    }

    /** Waits until {@link #BETWEEN_READS} has passed since {@code readsEnded} (nanoTime). */
    private static void awaitSince(String what, long readsEnded) {
        long until = readsEnded + BETWEEN_READS.toNanos();
        await(what, () -> System.nanoTime() > until);
    }

    /** The {@link #SETTLE} pause, the least either side waits after what came before it. */
    private static void pause(String what) {
        long until = System.nanoTime() + SETTLE.toNanos();
        await(what, () -> System.nanoTime() > until);
    }

    /**
     * What the topics tab reads, with the admin client alone: names, descriptions, configs, log
     * sizes, and the brokers (the tab shows them above the table).
     */
    private static int topicsAlone(Admin admin) {
        Collection<String> names = KafkaCalls.get(admin.listTopics().names());
        Map<String, TopicDescription> descriptions = KafkaCalls.get(admin.describeTopics(names).allTopicNames());
        KafkaCalls.get(admin.describeConfigs(names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all());
        Set<Integer> brokers = new HashSet<>();
        descriptions.values().forEach(d -> d.partitions().forEach(p -> p.replicas().forEach(r -> brokers.add(r.id()))));
        KafkaCalls.get(admin.describeLogDirs(brokers).allDescriptions());
        DescribeClusterResult cluster = admin.describeCluster();
        KafkaCalls.get(cluster.nodes());
        KafkaCalls.get(cluster.controller());
        return descriptions.size();
    }

    /** What the groups tab reads, with the admin client alone: groups, descriptions, committed and end offsets. */
    private static int groupsAlone(Admin admin) {
        List<String> ids = KafkaCalls.get(admin.listConsumerGroups().all()).stream()
                .map(ConsumerGroupListing::groupId).toList();
        KafkaCalls.get(admin.describeConsumerGroups(ids).all());
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        ids.forEach(id -> specs.put(id, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
                KafkaCalls.get(admin.listConsumerGroupOffsets(specs).all());
        Set<TopicPartition> partitions = new HashSet<>();
        committed.values().forEach(offsets -> partitions.addAll(offsets.keySet()));
        KafkaCalls.offsets(admin, partitions, OffsetSpec.latest());
        return ids.size();
    }
}
