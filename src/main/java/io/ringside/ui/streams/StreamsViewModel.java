package io.ringside.ui.streams;

import io.ringside.core.kafka.ConsumerGroupLag;
import io.ringside.core.kafka.TailRecord;
import io.ringside.core.kafka.TopicInfo;
import io.ringside.core.kafka.Topics;
import io.ringside.ui.util.Errors;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.Poller;
import io.ringside.ui.util.FxBatcher;
import io.ringside.ui.util.PageLoad;
import io.ringside.ui.util.TaskExecutor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
 * tails the Ringside topics; hidden, it stops both. The tail keeps the newest
 * {@link #TAIL_CAPACITY} records, newest first; records reach the list in batches through
 * {@link FxBatcher}. While paused, arriving records wait (bounded the same way) and are shown on
 * resume, so pausing to read never loses the newest records.
 */
public final class StreamsViewModel implements PageLoad {

    public static final List<String> TAILED = List.of(Topics.JOB_PROGRESS, Topics.CACHE_STATS, Topics.AUDIT);
    public static final int TAIL_CAPACITY = 1000;
    static final Duration REFRESH = Duration.ofSeconds(5);
    static final Duration BATCH = Duration.ofMillis(100);

    private final StreamsGateway gateway;
    private final TaskExecutor executor;
    private final ObservableList<TopicInfo> topics = FXCollections.observableArrayList();
    private final ObservableList<ConsumerGroupLag> groups = FXCollections.observableArrayList();
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
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper("");
    private final FxBatcher<TailRecord> batcher;
    private AutoCloseable tailHandle;
    private final Poller<Snapshot> poll;
    private boolean running;
    private boolean tailStarting;

    public StreamsViewModel(StreamsGateway gateway, TaskExecutor executor) {
        this.gateway = gateway;
        this.executor = executor;
        this.batcher = FxBatcher.onUi(executor, BATCH, this::arrived);
        this.poll = Poller.polling(executor, REFRESH, () -> new Snapshot(gateway.topics(), gateway.groups()))
                .onSuccess(this::showSnapshot)
                .onFailure(e -> {
                    error.set("Cannot read Kafka, retrying in " + REFRESH.toSeconds() + " s: " + Errors.firstLine(e));
                    loadError.set(Errors.firstLine(e));
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
        selectedGroup.addListener((obs, old, group) -> showGroup(group));
    }

    @Override
    public void activate() {
        running = true;
        poll.pollNow();
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
        poll.stop();
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
            poll.pollNow();
        }
    }

    private void showSnapshot(Snapshot snapshot) {
        topics.setAll(snapshot.topics());
        String selectedId = selectedGroup.get() == null ? null : selectedGroup.get().groupId();
        groups.setAll(snapshot.groups());
        ConsumerGroupLag again = snapshot.groups().stream()
                .filter(g -> g.groupId().equals(selectedId)).findFirst()
                .orElse(snapshot.groups().isEmpty() ? null : snapshot.groups().get(0));
        selectedGroup.set(again);
        showGroup(again);
        error.set("");
        loadError.set("");
        loaded.set(true);
    }

    private void showGroup(ConsumerGroupLag group) {
        partitions.setAll(group == null ? List.of() : group.partitions());
        members.setAll(group == null ? List.of() : group.members());
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
        int from = Math.max(0, batch.size() - TAIL_CAPACITY);
        List<TailRecord> newestFirst = new ArrayList<>(batch.subList(from, batch.size()));
        Collections.reverse(newestFirst);
        tail.addAll(0, newestFirst);
        if (tail.size() > TAIL_CAPACITY) {
            tail.remove(TAIL_CAPACITY, tail.size());
        }
        updateTailStatus();
    }

    private void updateTailStatus() {
        String state = paused.get() ? "Paused, " + held.size() + " waiting" : "Following " + String.join(", ", TAILED);
        tailStatus.set(state + " · " + tail.size() + " of at most " + TAIL_CAPACITY + " shown");
    }

    static Predicate<TailRecord> matcher(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        Function<String, Boolean> has = s -> s != null && s.toLowerCase(Locale.ROOT).contains(needle);
        return r -> has.apply(r.topic()) || has.apply(r.key()) || has.apply(r.value());
    }

    private record Snapshot(List<TopicInfo> topics, List<ConsumerGroupLag> groups) {
    }

    public ObservableList<TopicInfo> topics() {
        return topics;
    }

    public ObservableList<ConsumerGroupLag> groups() {
        return groups;
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
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }
}
