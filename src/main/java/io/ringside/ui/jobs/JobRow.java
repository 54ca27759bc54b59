package io.ringside.ui.jobs;

import io.ringside.core.jobs.JobKind;
import io.ringside.core.jobs.JobState;
import io.ringside.core.jobs.JobUnit;
import io.ringside.core.jobs.ProgressEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One job of the table, folded from its events: the newest event (by seq) decides what the row
 * shows, older or repeated ones (a replay overlapping the live feed) are ignored. Lives on the FX
 * thread; its timeline keeps the last {@value #TIMELINE} events for the details pane.
 */
public final class JobRow {

    static final int TIMELINE = 500;
    static final String BUILT_IN_SAMPLE = "built-in PM2.5 sample";

    private final UUID jobId;
    private final Instant firstSeen;
    private final List<ProgressEvent> timeline = new ArrayList<>();
    private final ReadOnlyObjectWrapper<ProgressEvent> latest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper amount = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper("");

    JobRow(ProgressEvent first) {
        this.jobId = first.jobId();
        this.firstSeen = first.ts();
        apply(first);
    }

    /** Folds an event in; false when it was not newer than the one shown. */
    boolean apply(ProgressEvent event) {
        ProgressEvent shown = latest.get();
        if (shown != null && event.seq() <= shown.seq()) {
            return false;
        }
        timeline.add(event);
        if (timeline.size() > TIMELINE) {
            timeline.remove(0);
        }
        latest.set(event);
        state.set(event.state());
        progress.set(event.fraction());
        phase.set(event.phase() == null ? "" : event.phase());
        amount.set(amount(event));
        rate.set(event.ratePerS() == null || event.terminal() ? "" : quantity(event.ratePerS(), event) + "/s");
        eta.set(event.etaS() == null || event.terminal() ? "" : duration(event.etaS()));
        errors.set(event.errors() == 0 ? "" : String.format(Locale.ROOT, "%,d", event.errors()));
        return true;
    }

    private static String amount(ProgressEvent event) {
        String done = quantity(event.done(), event);
        return event.total() > 0 ? done + " / " + quantity(event.total(), event) : done;
    }

    private static String quantity(double value, ProgressEvent event) {
        if (event.unit() != JobUnit.BYTES) {
            return String.format(Locale.ROOT, "%,.0f %s", value, event.unit() == null ? "" : event.unit().label()).trim();
        }
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        int i = 0;
        while (value >= 1024 && i < units.length - 1) {
            value /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, i == 0 ? "%.0f %s" : "%.1f %s", value, units[i]);
    }

    static String duration(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        if (d.toHours() > 0) {
            return String.format(Locale.ROOT, "%dh %02dm", d.toHours(), d.toMinutesPart());
        }
        return d.toMinutes() > 0 ? String.format(Locale.ROOT, "%dm %02ds", d.toMinutes(), d.toSecondsPart())
                : d.toSecondsPart() + "s";
    }

    public UUID jobId() {
        return jobId;
    }

    /** When the job's first event seen here was produced; rows are ordered by it, newest first. */
    public Instant firstSeen() {
        return firstSeen;
    }

    public ProgressEvent latest() {
        return latest.get();
    }

    /** The events seen, oldest first. */
    public List<ProgressEvent> timeline() {
        return List.copyOf(timeline);
    }

    public String kind() {
        return latest.get().kind() == null ? "" : latest.get().kind().label();
    }

    /** The sources by file name (the full paths are in the details). */
    public String source() {
        return sources(s -> s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1));
    }

    /** The sources with their full paths, for the details. */
    public String sourcePaths() {
        return sources(UnaryOperator.identity());
    }

    /**
     * A PM2.5 load with no file imports the built-in sample: its request says {@code sample=true},
     * which progress events do not carry, and it is the only load with nothing in its source.
     */
    private String sources(UnaryOperator<String> shown) {
        ProgressEvent event = latest.get();
        if (event.source().isEmpty() && event.kind() == JobKind.LOAD_PM25) {
            return BUILT_IN_SAMPLE;
        }
        return String.join(", ", event.source().stream().map(shown).toList());
    }

    public String requestedBy() {
        return latest.get().requestedBy() == null ? "" : latest.get().requestedBy();
    }

    public boolean cancellable() {
        return !latest.get().terminal();
    }

    public boolean retryable() {
        return latest.get().state() == JobState.FAILED || latest.get().state() == JobState.CANCELLED;
    }

    public ReadOnlyObjectProperty<ProgressEvent> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Done / total in the job's unit. */
    public ReadOnlyStringProperty amountProperty() {
        return amount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }
}
