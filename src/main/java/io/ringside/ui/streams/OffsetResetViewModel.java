package io.ringside.ui.streams;

import io.ringside.core.kafka.explorer.OffsetReset;
import io.ringside.core.kafka.explorer.ResetPlan;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.DialogService;
import io.ringside.ui.util.Errors;
import io.ringside.ui.util.TaskExecutor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The consumer-group tab's offset reset: Preview shows old and new offsets per partition (a dry
 * run, nothing changes); Apply asks for confirmation, then resets (the service plans again,
 * refuses while the group has active members or the profile is read-only, and audits).
 */
public final class OffsetResetViewModel {

    /** Where to move the offsets; the value field is read for a time, an offset or a shift. */
    public enum Target {
        EARLIEST("Earliest"), LATEST("Latest"), TIME("Time (ISO)"), OFFSET("Offset"), SHIFT("Shift by");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final StreamsGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final StringProperty group = new SimpleStringProperty("");
    private final StringProperty topic = new SimpleStringProperty("");
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(Target.EARLIEST);
    private final StringProperty value = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ResetPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public OffsetResetViewModel(StreamsGateway gateway, TaskExecutor executor, DialogService dialogs) {
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /** The dry run. */
    public void preview() {
        OffsetReset reset = reset();
        if (reset == null) {
            return;
        }
        String g = group.get();
        String t = topic.get();
        status.set("Planning...");
        BackgroundTask.wrap(() -> gateway.planReset(g, t, reset))
                .onSuccess(p -> {
                    plan.set(p);
                    status.set(describe(p) + (p.activeMembers() > 0 ? "\nThe group has " + p.activeMembers()
                            + " active member(s): stop its consumers before applying." : ""));
                })
                .onFailure(e -> status.set("Cannot plan the reset: " + Errors.firstLine(e)))
                .executeWith(executor);
    }

    /** Asks, then resets; the outcome (or the refusal) shows in the status. */
    public void apply() {
        OffsetReset reset = reset();
        if (reset == null) {
            return;
        }
        String g = group.get();
        String t = topic.get();
        if (!dialogs.confirm("Reset offsets", "Move the committed offsets of group " + g + " on " + t + " to "
                + reset.describe() + "?", "Reset offsets")) {
            status.set("Nothing changed");
            return;
        }
        BackgroundTask.wrap(() -> gateway.resetOffsets(g, t, reset))
                .onSuccess(p -> {
                    plan.set(p);
                    status.set("Reset done.\n" + describe(p));
                })
                .onFailure(e -> status.set("Refused or failed: " + Errors.firstLine(e)))
                .executeWith(executor);
    }

    private OffsetReset reset() {
        if (group.get() == null || group.get().isBlank() || topic.get() == null || topic.get().isBlank()) {
            status.set("Choose a group and enter a topic");
            return null;
        }
        String text = value.get() == null ? "" : value.get().strip();
        try {
            return switch (target.get()) {
                case EARLIEST -> OffsetReset.earliest();
                case LATEST -> OffsetReset.latest();
                case TIME -> OffsetReset.toTime(Instant.parse(text));
                case OFFSET -> OffsetReset.toOffset(Long.parseLong(text));
                case SHIFT -> OffsetReset.shiftBy(Long.parseLong(text));
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            status.set("Not a " + (target.get() == Target.TIME ? "time such as 2026-01-02T03:04:05Z" : "whole number")
                    + ": '" + text + "'");
            return null;
        }
    }

    static String describe(ResetPlan p) {
        return "Partition: old -> new\n" + p.moves().stream()
                .map(m -> String.format(Locale.ROOT, "%d: %s -> %d", m.partition(),
                        m.oldOffset() < 0 ? "none" : String.valueOf(m.oldOffset()), m.newOffset()))
                .collect(Collectors.joining("\n"));
    }

    static List<Target> targets() {
        return List.of(Target.values());
    }

    public StringProperty groupProperty() {
        return group;
    }

    public StringProperty topicProperty() {
        return topic;
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public ReadOnlyObjectProperty<ResetPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
