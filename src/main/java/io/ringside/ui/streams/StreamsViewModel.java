package io.ringside.ui.streams;

import io.ringside.core.cassandra.ByteSizes;
import io.ringside.core.kafka.BrokerInfo;
import io.ringside.core.kafka.ConsumerGroupLag;
import io.ringside.core.kafka.StreamsInspector;
import io.ringside.core.kafka.TailRecord;
import io.ringside.core.kafka.TopicInfo;
import io.ringside.core.kafka.Topics;
import io.ringside.core.kafka.explorer.DecodedValue;
import io.ringside.core.kafka.explorer.MessageDecoder;
import io.ringside.core.kafka.explorer.TopicDetail;
import io.ringside.ui.theme.Tone;
import io.ringside.ui.util.Errors;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.DialogService;
import io.ringside.ui.util.Poller;
import io.ringside.ui.util.FxBatcher;
import io.ringside.ui.util.PageLoad;
import io.ringside.ui.util.PageLoadState;
import io.ringside.ui.util.TaskExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Streams page. Shown, it reads topics and consumer groups (again every {@link #REFRESH}) and
 * tails the Ringside topics; hidden, it stops both. A selected topic's detail is read in the
 * background; the Messages tab searches it ({@link MessageSearchViewModel}). The tail keeps the
 * newest {@link #TAIL_CAPACITY} records in time order, newest first (records of several
 * partitions arrive interleaved, so each batch is merged by timestamp); the selected record is
 * decoded for the detail pane. Records reach the list in batches through
 * {@link FxBatcher}. While paused, arriving records wait (bounded the same way) and are shown on
 * resume, so pausing to read never loses the newest records.
 */
public final class StreamsViewModel implements PageLoad {

    public static final List<String> TAILED = List.of(Topics.JOB_PROGRESS, Topics.CACHE_STATS, Topics.AUDIT);
    public static final int TAIL_CAPACITY = 1000;
    /** How far back the lag chart of a group reaches: samples are the page's own refreshes. */
    static final Duration LAG_WINDOW = Duration.ofMinutes(10);
    static final Duration REFRESH = Duration.ofSeconds(5);
    static final Duration BATCH = Duration.ofMillis(100);
    /** Longer than a pulse (60 a second): what waits this long is laid out in a pulse of its own. */
    static final Duration NEXT_PULSE = Duration.ofMillis(20);
    /** Two pulses: what waits this long comes after what waits {@link #NEXT_PULSE}. */
    static final Duration AFTER_SHOWN = NEXT_PULSE.multipliedBy(2);

    private final StreamsGateway gateway;
    private final TaskExecutor executor;
    private final ObservableList<TopicInfo> topics = FXCollections.observableArrayList();
    private final ObservableList<BrokerInfo> brokers = FXCollections.observableArrayList();
    private final ObservableList<ConsumerGroupLag> groups = FXCollections.observableArrayList();
    private final StringProperty topicFilter = new SimpleStringProperty("");
    private final StringProperty groupFilter = new SimpleStringProperty("");
    private final FilteredList<TopicInfo> shownTopics = new FilteredList<>(topics);
    private final FilteredList<ConsumerGroupLag> shownGroups = new FilteredList<>(groups);
    private final ObjectProperty<ConsumerGroupLag> selectedGroup = new SimpleObjectProperty<>();
    private final ObservableList<ConsumerGroupLag.PartitionLag> partitions = FXCollections.observableArrayList();
    private final ObservableList<ConsumerGroupLag.Member> members = FXCollections.observableArrayList();
    private final ObservableList<TailRecord> tail = FXCollections.observableArrayList();
    private final FilteredList<TailRecord> filteredTail = new FilteredList<>(tail);
    private final Deque<TailRecord> held = new ArrayDeque<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper tailStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final PageLoadState load = new PageLoadState();
    private final ReadOnlyBooleanWrapper topicsShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper groupsShown = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<TailRecord> selectedTail = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper tailDetail = new ReadOnlyStringWrapper("");
    private final StringProperty selectedTopic = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<TopicDetail> topicDetail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper topicDetailStatus = new ReadOnlyStringWrapper("Select a topic to see its partitions and configs");
    private final MessageSearchViewModel messages;
    private final OffsetResetViewModel reset;
    private final ProduceViewModel produce;
    private final KafkaAdminViewModel admin;
    private final Map<String, Deque<LagSample>> lagHistory = new HashMap<>();
    private final ObservableList<LagSample> selectedLagHistory = FXCollections.observableArrayList();
    private final FxBatcher<TailRecord> batcher;
    private AutoCloseable tailHandle;
    private final Poller<TopicsRead> topicsPoll;
    private final Poller<Snapshot> groupsPoll;
    private final ObjectProperty<Shown> shown = new SimpleObjectProperty<>(Shown.TOPICS);
    /** What an activation starts once the shown list's first read is in; null when started. */
    private Runnable afterFirstRead;
    private boolean topicsRead;
    private boolean groupsRead;
    private boolean running;
    private boolean tailStarting;
    /**
     * True while a refresh sets the selected group or topic again after replacing the list: the
     * selection's listeners leave the detail alone, the refresh shows it.
     */
    private boolean reselecting;
    private int groupGeneration;

    /** Without a way to ask: every offset reset is declined. */
    public StreamsViewModel(StreamsGateway gateway, TaskExecutor executor) {
        this(gateway, executor, (title, message, label) -> false);
    }

    public StreamsViewModel(StreamsGateway gateway, TaskExecutor executor, DialogService dialogs) {
        this.gateway = gateway;
        this.executor = executor;
        this.batcher = FxBatcher.onUi(executor, BATCH, this::arrived);
        // Topics and groups are read side by side and each shown when read: neither waits for the other.
        this.topicsPoll = Poller.polling(executor, REFRESH, () -> {
                    StreamsInspector.Overview read = gateway.overview();
                    return new TopicsRead(read.topics(), BrokerInfo.merge(read.brokers(), read.topics()));
                })
                .onSuccess(read -> {
                    showTopics(read);
                    startAfterFirstRead();
                })
                .onFailure(e -> {
                    failed(e, () -> topicsRead = false);
                    startAfterFirstRead();
                });
        this.groupsPoll = Poller.polling(executor, REFRESH, () -> new Snapshot(gateway.groups(), Instant.now()))
                .onSuccess(snapshot -> {
                    showSnapshot(snapshot);
                    startAfterFirstRead();
                })
                .onFailure(e -> {
                    failed(e, () -> groupsRead = false);
                    startAfterFirstRead();
                });
        filter.addListener((obs, old, text) -> filteredTail.setPredicate(matcher(text)));
        paused.addListener((obs, was, now) -> {
            if (!now) {
                List<TailRecord> waiting = new ArrayList<>(held);
                held.clear();
                show(waiting);
            }
            updateTailStatus();
        });
        selectedGroup.addListener((obs, old, group) -> {
            if (!reselecting) {
                showGroup(group);
            }
        });
        topicFilter.addListener((obs, old, text) -> shownTopics.setPredicate(nameMatcher(text, TopicInfo::name)));
        groupFilter.addListener((obs, old, text) -> shownGroups.setPredicate(nameMatcher(text, ConsumerGroupLag::groupId)));
        this.messages = new MessageSearchViewModel(gateway, executor);
        this.reset = new OffsetResetViewModel(gateway, executor, dialogs);
        this.produce = new ProduceViewModel(gateway, executor);
        this.admin = new KafkaAdminViewModel(gateway, executor, dialogs, this::refreshNow);
        selectedTail.addListener((obs, old, record) -> tailDetail.set(record == null ? "" : describe(record)));
        selectedTopic.addListener((obs, old, topic) -> {
            if (!reselecting) {
                loadTopic(topic);
            }
        });
    }

    private void loadTopic(String topic) {
        topicDetail.set(null);
        if (topic == null) {
            topicDetailStatus.set("Select a topic to see its partitions and configs");
            return;
        }
        messages.topicProperty().set(topic);
        produce.topicProperty().set(topic);
        admin.topicProperty().set(topic);
        topicDetailStatus.set("Reading " + topic + "...");
        BackgroundTask.wrap(() -> gateway.topicDetail(topic))
                .onSuccess(detail -> {
                    if (topic.equals(selectedTopic.get())) {
                        topicDetail.set(detail);
                        topicDetailStatus.set(describe(detail));
                    }
                })
                .onFailure(e -> topicDetailStatus.set("Cannot read " + topic + ": " + Errors.firstLine(e)))
                .executeWith(executor);
    }

    static String describe(TopicDetail detail) {
        String overridden = detail.overriddenConfigs().isEmpty() ? "none"
                : detail.overriddenConfigs().stream().map(c -> c.name() + "=" + c.value()).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s · %d partitions · replication %d · %,d messages · %s on disk%n"
                        + "Configs set on this topic (others are defaults): %s", detail.name(), detail.partitions().size(),
                detail.replicationFactor(), detail.messages(),
                detail.sizeBytes() < 0 ? "size not reported" : ByteSizes.format(detail.sizeBytes()), overridden);
    }

    static String describe(TailRecord record) {
        byte[] value = record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8);
        DecodedValue decoded = MessageDecoder.decode(record.topic(), value);
        return record.topic() + " · partition " + record.partition() + " · offset " + record.offset() + " · "
                + Instant.ofEpochMilli(record.timestamp()) + "\nkey: " + (record.key() == null ? "(null)" : record.key())
                + "\n" + decoded.format().label() + ": " + decoded.summary() + "\n\n" + decoded.text();
    }

    /**
     * The list the page shows is read first, alone; the other list, the profile's read-only flag
     * and the tail start once it is in. Read side by side, 2,000 topics and 500 groups shared the
     * cores and the list on screen waited for the one that was not.
     */
    @Override
    public void activate() {
        running = true;
        boolean groupsFirst = shown.get() == Shown.GROUPS;
        afterFirstRead = () -> {
            if (groupsFirst) {
                topicsPoll.pollNow();
            } else {
                groupsPoll.pollNow();
            }
            startReadOnlyAndTail();
        };
        if (groupsFirst) {
            groupsPoll.pollNow();
        } else {
            topicsPoll.pollNow();
        }
    }

    /**
     * Two pulses after the first list is set: the list, and the selected group's detail a pulse
     * after it, are laid out before the other list's read, the tail's consumer and the read-only
     * check take the cores (started at once, they held the shown list's first layout back on two
     * loaded cores).
     */
    private void startAfterFirstRead() {
        Runnable start = afterFirstRead;
        afterFirstRead = null;
        if (start != null && running) {
            executor.runOnUi(AFTER_SHOWN, () -> {
                if (running) {
                    start.run();
                }
            });
        }
    }

    private void startReadOnlyAndTail() {
        BackgroundTask.wrap(gateway::readOnly)
                .onSuccess(readOnly -> {
                    produce.readOnlyProperty().set(readOnly);
                    admin.readOnlyProperty().set(readOnly);
                })
                // Unknown: the buttons stay enabled and the services, which hold the guard, refuse.
                .onFailure(e -> { })
                .executeWith(executor);
        if (tailHandle == null && !tailStarting) {
            tailStarting = true;
            BackgroundTask.wrap(() -> gateway.tail(TAILED, batcher::add, e -> executor.runOnUi(Duration.ZERO,
                            () -> tailStatus.set("Tail stopped: " + Errors.firstLine(e)))))
                    .onFinished(() -> tailStarting = false)
                    .onSuccess(handle -> {
                        tailHandle = handle;
                        if (!running) {
                            closeTail();
                        }
                        updateTailStatus();
                    })
                    .onFailure(e -> tailStatus.set("Cannot tail: " + Errors.firstLine(e)))
                    .executeWith(executor);
        }
    }

    @Override
    public void deactivate() {
        running = false;
        afterFirstRead = null;
        topicsPoll.stop();
        groupsPoll.stop();
        closeTail();
    }

    private void closeTail() {
        if (tailHandle != null) {
            try {
                tailHandle.close();
            } catch (Exception e) {
                tailStatus.set("Tail did not stop cleanly: " + Errors.firstLine(e));
            }
            tailHandle = null;
        }
    }

    /** Reads topics and groups now (the Refresh button); the periodic refresh goes on. */
    public void refreshNow() {
        if (running) {
            boolean tailWaiting = afterFirstRead != null;
            afterFirstRead = null;
            topicsPoll.pollNow();
            groupsPoll.pollNow();
            if (tailWaiting) {
                startReadOnlyAndTail();
            }
        }
    }

    /** True once a topic list was read (and stays so): an empty list is then known to be empty. */
    public ReadOnlyBooleanProperty topicsShownProperty() {
        return topicsShown.getReadOnlyProperty();
    }

    /** True once a group list was read (and stays so). */
    public ReadOnlyBooleanProperty groupsShownProperty() {
        return groupsShown.getReadOnlyProperty();
    }

    /** Which list the page shows, read first on activation. */
    public enum Shown { TOPICS, GROUPS, OTHER }

    /** Set by the view from its selected tab. */
    public ObjectProperty<Shown> shownProperty() {
        return shown;
    }

    private void failed(Exception e, Runnable mark) {
        mark.run();
        error.set("Cannot read Kafka, retrying in " + REFRESH.toSeconds() + " s: " + Errors.firstLine(e));
        load.failed(Errors.firstLine(e));
    }

    private void showTopics(TopicsRead read) {
        // An unchanged list is not set again: 2,000 rows re-filtered, re-sorted and re-laid out for nothing.
        if (!topics.equals(read.topics())) {
            replaceTopicsKeepingSelection(read.topics());
        }
        // The broker badges a pulse after the table: each makes its nodes and a tooltip (a popup
        // window with a scene of its own), which weighed on the pulse that laid 2,000 topics out.
        executor.runOnUi(NEXT_PULSE, () -> {
            if (!brokers.equals(read.brokers())) {
                brokers.setAll(read.brokers());
            }
        });
        refreshTopicDetail();
        topicsRead = true;
        topicsShown.set(true);
        settle();
    }

    /**
     * A refresh replaces the rows, and the table drops its selection with them: the selected topic
     * (the one an operator watches, so the one whose size changes) lost its detail at every refresh.
     * The name is kept while the list is replaced and set again if the topic is still there; the
     * detail is neither emptied nor read again for it (the refresh reads it).
     */
    private void replaceTopicsKeepingSelection(List<TopicInfo> fresh) {
        String kept = selectedTopic.get();
        reselecting = true;
        try {
            topics.setAll(fresh);
            boolean stillThere = kept != null && fresh.stream().anyMatch(topic -> topic.name().equals(kept));
            selectedTopic.set(stillThere ? kept : null);
        } finally {
            reselecting = false;
        }
        if (kept != null && selectedTopic.get() == null) {
            loadTopic(null);
        }
    }

    /** Loaded once both lists were read; the error goes once both reads succeed again. */
    private void settle() {
        if (topicsRead && groupsRead) {
            error.set("");
            load.succeeded();
        }
    }

    private void showSnapshot(Snapshot snapshot) {
        groups.setAll(snapshot.groups());
        recordLag(snapshot);
        groupsRead = true;
        groupsShown.set(true);
        settle();
        // The selected group's partitions, members and lag chart come a pulse after the list, so
        // neither pulse carries both.
        executor.runOnUi(NEXT_PULSE, () -> {
            if (running) {
                selectAgain(snapshot);
            }
        });
    }

    private void selectAgain(Snapshot snapshot) {
        String selectedId = selectedGroup.get() == null ? null : selectedGroup.get().groupId();
        ConsumerGroupLag again = snapshot.groups().stream()
                .filter(g -> g.groupId().equals(selectedId)).findFirst()
                .orElse(snapshot.groups().isEmpty() ? null : snapshot.groups().get(0));
        reselecting = true;
        try {
            selectedGroup.set(again);
        } finally {
            reselecting = false;
        }
        showGroup(again);
    }

    private void recordLag(Snapshot snapshot) {
        Set<String> present = new HashSet<>();
        for (ConsumerGroupLag group : snapshot.groups()) {
            present.add(group.groupId());
            Deque<LagSample> samples = lagHistory.computeIfAbsent(group.groupId(), id -> new ArrayDeque<>());
            samples.addLast(new LagSample(snapshot.at(), group.totalLag()));
            trim(samples, snapshot.at());
        }
        lagHistory.keySet().retainAll(present);
    }

    /** Drops the samples older than {@link #LAG_WINDOW} before {@code now}. */
    static void trim(Deque<LagSample> samples, Instant now) {
        Instant oldest = now.minus(LAG_WINDOW);
        while (!samples.isEmpty() && samples.peekFirst().at().isBefore(oldest)) {
            samples.removeFirst();
        }
    }

    private void showGroup(ConsumerGroupLag group) {
        reset.groupProperty().set(group == null ? "" : group.groupId());
        admin.groupProperty().set(group == null ? "" : group.groupId());
        Deque<LagSample> samples = group == null ? null : lagHistory.get(group.groupId());
        List<LagSample> history = samples == null ? List.of() : List.copyOf(samples);
        if (group != null && !group.partitions().isEmpty()
                && (reset.topicProperty().get() == null || reset.topicProperty().get().isBlank())) {
            reset.topicProperty().set(group.partitions().get(0).topic());
        }
        partitions.setAll(group == null ? List.of() : group.partitions());
        members.setAll(group == null ? List.of() : group.members());
        int current = ++groupGeneration;
        // The lag chart a pulse after the partition table: each makes nodes and resolves their CSS.
        executor.runOnUi(NEXT_PULSE, () -> {
            if (current == groupGeneration) {
                selectedLagHistory.setAll(history);
            }
        });
        if (group != null && group.totalLag() > 0) {
            // The bulk list has lag in records only; the selected group's time lag is read for it alone.
            BackgroundTask.wrap(() -> gateway.group(group.groupId()))
                    .onSuccess(detail -> {
                        if (current == groupGeneration) {
                            partitions.setAll(detail.partitions());
                            members.setAll(detail.members());
                        }
                    })
                    // The figures of the bulk read stay, without time lag; the next refresh tries again.
                    .onFailure(e -> { })
                    .executeWith(executor);
        }
    }

    private void arrived(List<TailRecord> batch) {
        if (paused.get()) {
            held.addAll(batch);
            while (held.size() > TAIL_CAPACITY) {
                held.removeFirst();
            }
            updateTailStatus();
            return;
        }
        show(batch);
    }

    private void show(List<TailRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<TailRecord> newestFirst = new ArrayList<>(batch);
        newestFirst.sort(NEWEST_FIRST);
        if (newestFirst.size() > TAIL_CAPACITY) {
            newestFirst = newestFirst.subList(0, TAIL_CAPACITY);
        }
        List<TailRecord> merged = new ArrayList<>(tail.size() + newestFirst.size());
        int a = 0;
        int b = 0;
        while (merged.size() < TAIL_CAPACITY && (a < newestFirst.size() || b < tail.size())) {
            boolean takeNew = b >= tail.size()
                    || a < newestFirst.size() && NEWEST_FIRST.compare(newestFirst.get(a), tail.get(b)) <= 0;
            merged.add(takeNew ? newestFirst.get(a++) : tail.get(b++));
        }
        TailRecord keep = selectedTail.get();
        tail.setAll(merged);
        if (keep != null && !tail.contains(keep)) {
            selectedTail.set(null);
        }
        updateTailStatus();
    }

    private void updateTailStatus() {
        String state = paused.get() ? "Paused, " + held.size() + " waiting" : "Following " + String.join(", ", TAILED);
        tailStatus.set(state + " · " + tail.size() + " of at most " + TAIL_CAPACITY + " shown");
    }

    /** Newest timestamp first; among equal timestamps the later offset first. */
    static final Comparator<TailRecord> NEWEST_FIRST = Comparator.comparingLong(TailRecord::timestamp).reversed()
            .thenComparing(Comparator.comparingLong(TailRecord::offset).reversed());

    /** Case-insensitive "contains" on a name; null (everything) for a blank filter. */
    static <T> Predicate<T> nameMatcher(String text, Function<T, String> name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return item -> name.apply(item).toLowerCase(Locale.ROOT).contains(needle);
    }

    static Predicate<TailRecord> matcher(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        Function<String, Boolean> has = s -> s != null && s.toLowerCase(Locale.ROOT).contains(needle);
        return r -> has.apply(r.topic()) || has.apply(r.key()) || has.apply(r.value());
    }

    private record Snapshot(List<ConsumerGroupLag> groups, Instant at) {
    }

    private record TopicsRead(List<TopicInfo> topics, List<BrokerInfo> brokers) {
    }

    /**
     * The selected topic's partitions read again at each refresh, so leaders and in-sync replicas
     * follow a broker going down or coming back; a failed read keeps what was shown.
     */
    private void refreshTopicDetail() {
        String topic = selectedTopic.get();
        if (topic == null || topicDetail.get() == null) {
            return;
        }
        BackgroundTask.wrap(() -> gateway.topicDetail(topic))
                .onSuccess(detail -> {
                    if (topic.equals(selectedTopic.get())) {
                        topicDetail.set(detail);
                        topicDetailStatus.set(describe(detail));
                    }
                })
                .onFailure(e -> { })
                .executeWith(executor);
    }

    /** The brokers the last refresh saw, down ones included, lowest id first. */
    public ObservableList<BrokerInfo> brokers() {
        return brokers;
    }

    /** "Brokers: 1 up (controller, leads 4) · 2 down · 3 up (leads 5)"; empty before the first refresh. */
    static String describeBrokers(List<BrokerInfo> brokers) {
        if (brokers.isEmpty()) {
            return "";
        }
        return "Brokers: " + brokers.stream().map(StreamsViewModel::describe).collect(Collectors.joining(" · "));
    }

    static String describe(BrokerInfo broker) {
        if (!broker.up()) {
            return broker.id() + " down";
        }
        List<String> notes = new ArrayList<>();
        if (broker.controller()) {
            notes.add("controller");
        }
        notes.add("leads " + broker.leaderPartitions());
        return broker.id() + " up (" + String.join(", ", notes) + ")";
    }

    /** Red with partitions offline, amber under-replicated, green in sync. */
    static Tone replicationTone(TopicInfo topic) {
        return topic.offline() > 0 ? Tone.BAD : topic.underReplicated() > 0 ? Tone.WARN : Tone.OK;
    }

    /**
     * A topic's replication at a glance, its worst state: "in sync", "2 under-rep." or "1 offline"
     * (with partitions under-replicated too: {@link #replicationDetail}, the badge's tooltip, says
     * both in words, and the topic's partition table shows each). Each state written out ("1 offline
     * · 3 under-replicated") made the topic table wider than the minimum window; both on one badge
     * ("123 offline, 456 under-rep.") or "under-replicated" whole left the topic name 100-150 px at
     * 1024 px ("ringside.j…"); a badge of two lines does not fit the table's fixed row height.
     */
    static String replicationHealth(TopicInfo topic) {
        if (!topic.degraded()) {
            return topic.leaders().isEmpty() ? "" : "in sync";
        }
        return topic.offline() > 0 ? topic.offline() + " offline" : topic.underReplicated() + " under-rep.";
    }

    /** What a degraded topic's badge stands for, in words, for its tooltip; empty for a topic in sync. */
    static String replicationDetail(TopicInfo topic) {
        List<String> parts = new ArrayList<>();
        if (topic.offline() > 0) {
            parts.add(partitions(topic.offline()) + " offline (no leader)");
        }
        if (topic.underReplicated() > 0) {
            parts.add(partitions(topic.underReplicated()) + " under-replicated (fewer replicas in sync than assigned)");
        }
        return String.join(", ", parts);
    }

    private static String partitions(int count) {
        return count + (count == 1 ? " partition" : " partitions");
    }

    /** A group's total lag at one refresh of the page. */
    public record LagSample(Instant at, long lag) {
    }

    public ObservableList<TopicInfo> topics() {
        return topics;
    }

    public ObservableList<ConsumerGroupLag> groups() {
        return groups;
    }

    /** The topics the topic filter lets through, for the table. */
    public ObservableList<TopicInfo> shownTopics() {
        return shownTopics;
    }

    /** The groups the group filter lets through, for the list. */
    public ObservableList<ConsumerGroupLag> shownGroups() {
        return shownGroups;
    }

    /** Part of a topic name, any case; blank shows every topic. */
    public StringProperty topicFilterProperty() {
        return topicFilter;
    }

    /** Part of a group id, any case; blank shows every group. */
    public StringProperty groupFilterProperty() {
        return groupFilter;
    }

    public ObjectProperty<ConsumerGroupLag> selectedGroupProperty() {
        return selectedGroup;
    }

    /** The selected group's partitions with offsets and lag. */
    public ObservableList<ConsumerGroupLag.PartitionLag> partitions() {
        return partitions;
    }

    public ObservableList<ConsumerGroupLag.Member> members() {
        return members;
    }

    /** The tail as shown: newest first, filtered by {@link #filterProperty()}. */
    public ObservableList<TailRecord> tail() {
        return filteredTail;
    }

    /** The tail record shown in the detail pane. */
    public ObjectProperty<TailRecord> selectedTailProperty() {
        return selectedTail;
    }

    public ReadOnlyStringProperty tailDetailProperty() {
        return tailDetail.getReadOnlyProperty();
    }

    public StringProperty selectedTopicProperty() {
        return selectedTopic;
    }

    public ReadOnlyObjectProperty<TopicDetail> topicDetailProperty() {
        return topicDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty topicDetailStatusProperty() {
        return topicDetailStatus.getReadOnlyProperty();
    }

    /** The selected group's offset reset. */
    public OffsetResetViewModel reset() {
        return reset;
    }

    /** The selected group's total lag over the last {@link #LAG_WINDOW}, oldest first. */
    public ObservableList<LagSample> lagHistory() {
        return selectedLagHistory;
    }

    public ProduceViewModel produce() {
        return produce;
    }

    /** Topic admin and group deletion. */
    public KafkaAdminViewModel admin() {
        return admin;
    }

    public MessageSearchViewModel messages() {
        return messages;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyStringProperty tailStatusProperty() {
        return tailStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    @Override
    public PageLoadState loadState() {
        return load;
    }
}
