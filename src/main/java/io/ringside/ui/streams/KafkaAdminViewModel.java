package io.ringside.ui.streams;

import io.ringside.core.kafka.explorer.ConfigChange;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.DialogService;
import io.ringside.ui.util.Errors;
import io.ringside.ui.util.TaskExecutor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The topic admin dialogs and the delete-group dialog of the Streams page. Every change goes
 * through the core services, which refuse it under a read-only profile and audit it; their
 * refusal shows in {@link #statusProperty()} as they word it. Config edits are previewed as a
 * diff and exactly that diff is applied; deletions need the name typed again.
 */
public final class KafkaAdminViewModel {

    private final StreamsGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Runnable changed;
    private final StringProperty topic = new SimpleStringProperty("");
    private final StringProperty group = new SimpleStringProperty("");
    private final StringProperty newTopic = new SimpleStringProperty("");
    private final StringProperty newPartitions = new SimpleStringProperty("1");
    private final StringProperty newReplication = new SimpleStringProperty("1");
    private final StringProperty newConfigs = new SimpleStringProperty("");
    private final StringProperty desiredConfigs = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<List<ConfigChange>> diff = new ReadOnlyObjectWrapper<>(List.of());
    private final StringProperty totalPartitions = new SimpleStringProperty("");
    private final StringProperty typedName = new SimpleStringProperty("");
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private String diffTopic;

    /** @param changed run on the FX thread after a change succeeded (the page refreshes its lists) */
    public KafkaAdminViewModel(StreamsGateway gateway, TaskExecutor executor, DialogService dialogs, Runnable changed) {
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
        this.changed = changed;
    }

    public void createTopic() {
        String name = newTopic.get() == null ? "" : newTopic.get().strip();
        int partitions;
        short replication;
        Map<String, String> configs;
        try {
            partitions = whole(newPartitions.get(), "partitions");
            replication = (short) whole(newReplication.get(), "replication factor");
            configs = KeyValueLines.parse(newConfigs.get(), "Config");
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        change(() -> {
            gateway.createTopic(name, partitions, replication, configs);
            return "Created topic " + name + " (" + partitions + " partitions, replication " + replication + ")";
        });
    }

    /** The dry run of a config edit: nothing changes; {@link #applyConfigs()} applies this diff. */
    public void previewConfigs() {
        String t = topic.get();
        Map<String, String> desired;
        try {
            desired = KeyValueLines.parse(desiredConfigs.get(), "Config");
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        diff.set(List.of());
        diffTopic = null;
        status.set("Comparing with the configs of " + t + "...");
        BackgroundTask.wrap(() -> gateway.configDiff(t, desired))
                .onSuccess(changes -> {
                    diff.set(changes);
                    diffTopic = t;
                    status.set(changes.isEmpty() ? "Nothing would change" : describe(changes));
                })
                .onFailure(e -> status.set("Cannot compare: " + Errors.firstLine(e)))
                .executeWith(executor);
    }

    /** Asks with the previewed diff, then applies exactly it. */
    public void applyConfigs() {
        List<ConfigChange> changes = diff.get();
        String t = diffTopic;
        if (t == null || changes.isEmpty() || !t.equals(topic.get())) {
            status.set("Preview the change first");
            return;
        }
        if (!dialogs.confirm("Change topic configs", "Apply to topic " + t + ":\n" + describe(changes), "Apply")) {
            status.set("Nothing changed");
            return;
        }
        change(() -> {
            int n = gateway.alterConfigs(t, changes);
            diff.set(List.of());
            diffTopic = null;
            return "Changed " + n + " config(s) of " + t;
        });
    }

    public void addPartitions() {
        String t = topic.get();
        int total;
        try {
            total = whole(totalPartitions.get(), "total partitions");
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        if (!dialogs.confirm("Add partitions", "Grow topic " + t + " to " + total
                + " partitions? Kafka cannot remove partitions, and keys may map to other partitions.", "Add partitions")) {
            status.set("Nothing changed");
            return;
        }
        change(() -> {
            gateway.addPartitions(t, total);
            return "Topic " + t + " now has " + total + " partitions";
        });
    }

    /** The typed name goes to the service, which refuses one that differs before anything happens. */
    public void deleteTopic() {
        String t = topic.get();
        String typed = typedName.get() == null ? "" : typedName.get().strip();
        change(() -> {
            gateway.deleteTopic(t, typed);
            return "Deleted topic " + t;
        });
    }

    public void deleteGroup() {
        String g = group.get();
        String typed = typedName.get() == null ? "" : typedName.get().strip();
        if (g == null || g.isBlank() || !g.equals(typed)) {
            status.set("Type the group's name '" + g + "' to confirm its deletion (typed '" + typed + "')");
            return;
        }
        change(() -> {
            gateway.deleteGroup(g);
            return "Deleted consumer group " + g;
        });
    }

    private void change(Callable<String> work) {
        status.set("Working...");
        BackgroundTask.wrap(work)
                .onSuccess(done -> {
                    status.set(done);
                    typedName.set("");
                    changed.run();
                })
                .onFailure(e -> status.set("Refused or failed: " + Errors.firstLine(e)))
                .executeWith(executor);
    }

    static String describe(List<ConfigChange> changes) {
        return changes.stream().map(ConfigChange::describe).collect(Collectors.joining("\n"));
    }

    private static int whole(String text, String what) {
        String t = text == null ? "" : text.strip();
        try {
            int n = Integer.parseInt(t);
            if (n < 1) {
                throw new IllegalArgumentException("The " + what + " must be at least 1, not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The " + what + " is a whole number, not '" + t + "'");
        }
    }

    /** The selected topic the edit, add-partitions and delete dialogs act on. */
    public StringProperty topicProperty() {
        return topic;
    }

    /** The selected consumer group the delete-group dialog acts on. */
    public StringProperty groupProperty() {
        return group;
    }

    public StringProperty newTopicProperty() {
        return newTopic;
    }

    public StringProperty newPartitionsProperty() {
        return newPartitions;
    }

    public StringProperty newReplicationProperty() {
        return newReplication;
    }

    /** {@code key=value} lines. */
    public StringProperty newConfigsProperty() {
        return newConfigs;
    }

    /** {@code key=value} lines; an empty value resets the config to the default. */
    public StringProperty desiredConfigsProperty() {
        return desiredConfigs;
    }

    public ReadOnlyObjectProperty<List<ConfigChange>> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public StringProperty totalPartitionsProperty() {
        return totalPartitions;
    }

    /** The name typed again to confirm a deletion. */
    public StringProperty typedNameProperty() {
        return typedName;
    }

    /** Set from the page's background refresh; the change buttons are disabled while true. */
    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
