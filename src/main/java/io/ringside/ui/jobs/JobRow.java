package io.ringside.ui.jobs;

import io.ringside.core.jobs.JobKind;
import io.ringside.core.jobs.JobOptions;
import io.ringside.core.jobs.JobRequest;
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
import javafx.scene.control.ProgressIndicator;

/**
 * One job of the table, folded from its events: the newest event (by seq) decides what the row
 * shows, older or repeated ones (a replay overlapping the live feed) are ignored. Lives on the FX
 * thread; its timeline keeps the last {@value #TIMELINE} events for the details pane.
 */
public final class JobRow {

    static final int TIMELINE = 500;
    static final String BUILT_IN_SAMPLE = "built-in PM2.5 sample";
    /** What the Progress column says of a job that has only started, beside an empty bar. */
    static final String STARTING = "starting";
    /** The bar's value for a running job whose total is not known: JavaFX's indeterminate progress. */
    public static final double INDETERMINATE = ProgressIndicator.INDETERMINATE_PROGRESS;

    private final UUID jobId;
    private final Instant firstSeen;
    private final List<ProgressEvent> timeline = new ArrayList<>();
    private final ReadOnlyObjectWrapper<ProgressEvent> latest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper percent = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper amount = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    /** The file an export's request says it writes; empty for other jobs and before the request is read. */
    private String target = "";
    /**
     * Whether an export's request reads a statement ({@code query}) rather than a table: the
     * request says it in so many words, its events only give the text. Guessing from the text (a
     * space meant a statement) made a quoted table name with a space a "query".
     */
    private boolean readsQuery;
    private Instant started;
    /** The rate the Rate column shows, a second; null when it shows none. */
    private Double shownRate;

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
        if (started == null && event.state() != JobState.QUEUED) {
            started = event.ts();
        }
        state.set(event.state());
        progress.set(event.fractionKnown() || event.terminal() || event.starting() ? event.fraction() : INDETERMINATE);
        percent.set(event.starting() ? STARTING : event.percent());
        phase.set(event.phase() == null ? "" : event.phase());
        amount.set(amount(event));
        shownRate = event.terminal() ? averageRate(event) : event.ratePerS();
        rate.set(shownRate == null ? "" : unitOf(event).formatRateShort(shownRate));
        if (event.terminal()) {
            Duration took = took(event);
            eta.set(took == null ? "" : duration(took.toMillis() / 1000.0));
        } else {
            eta.set(event.etaS() == null ? "" : left(event.etaS()));
        }
        errors.set(event.errors() == 0 ? "" : JobUnit.count(event.errors()));
        return true;
    }

    /**
     * How long the job ran: from its first event past {@code queued} (or the first seen, for a job
     * that ended before this page saw it run) to its final one. Null while it runs.
     */
    Duration took(ProgressEvent end) {
        Instant from = started != null && !started.equals(end.ts()) ? started : firstSeen;
        return end.ts().isBefore(from) ? null : Duration.between(from, end.ts());
    }

    /**
     * A finished job's average rate: the worker's final figure (its whole amount over its whole
     * time), else what the row measured itself, so a finished job still says how fast it went.
     */
    private Double averageRate(ProgressEvent end) {
        if (end.ratePerS() != null) {
            return end.ratePerS();
        }
        Duration took = took(end);
        return took == null || took.isZero() || end.done() == 0 ? null : end.done() / (took.toMillis() / 1000.0);
    }

    private static JobUnit unitOf(ProgressEvent event) {
        return event.unit() == null ? JobUnit.ROWS : event.unit();
    }

    /** Done / total written short; empty while the job has counted nothing ({@link ProgressEvent#amountKnown}). */
    private static String amount(ProgressEvent event) {
        return event.amountKnown() ? unitOf(event).formatProgressShort(event.done(), event.total()) : "";
    }

    /** Every digit of the Done / total column's figures, for its tooltip; empty when it shows none. */
    public String amountExact() {
        ProgressEvent event = latest.get();
        return event.amountKnown() ? unitOf(event).formatProgressExact(event.done(), event.total()) : "";
    }

    /** Every digit of the Rate column's figure, for its tooltip; empty when it shows none. */
    public String rateExact() {
        return shownRate == null ? "" : unitOf(latest.get()).formatRateExact(shownRate);
    }

    /** Every digit of the Errors column's count, for its tooltip; empty when there are none. */
    public String errorsExact() {
        long count = latest.get().errors();
        return count == 0 ? "" : String.format(Locale.ROOT, "%,d", count);
    }

    /**
     * How long a running job has left, to the minute from a minute on ("12m left", "1h 02m left"):
     * an estimate's seconds change at every event and say nothing, and "12m 34s left" was the
     * widest text of the Time column.
     */
    static String left(double seconds) {
        if (seconds < 60) {
            return duration(seconds) + " left";
        }
        Duration d = Duration.ofMinutes(Math.round(seconds / 60));
        return (d.toHours() > 0 ? String.format(Locale.ROOT, "%dh %02dm", d.toHours(), d.toMinutesPart())
                : d.toMinutes() + "m") + " left";
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

    /**
     * What the table's Source column shows. A load: the name its request gave the data (a
     * dataset's name, a PM2.5 file's location), so two loads of one file under two names differ,
     * the file on hover ({@link #sourcePaths}); the file names while the request is not known
     * (yet), or when it names none. An export: what it reads, the table or "query", and the name
     * of the file it writes ({@code aqdata.pm25 → pm25.csv}): its events name the table as their
     * source, which its request names again, and "aqdata.pm25 · aqdata.pm25" said nothing of where
     * the rows went. Which of the two it reads is the request's to say ({@link #describe}); until
     * it is read, the source as the events give it, the statement in full.
     */
    public String source() {
        if (latest.get().kind() == JobKind.EXPORT_TABLE) {
            String read = readsQuery ? "query" : sources(String::strip);
            return target.isEmpty() ? read : read + " → " + fileName(target);
        }
        return name.get().isEmpty() ? sources(JobRow::fileName) : name.get();
    }

    /**
     * The sources in full, for the details and the Source cell's tooltip: a load's file paths, an
     * export's table or statement and the whole path of the file it writes.
     */
    public String sourcePaths() {
        String read = sources(UnaryOperator.identity());
        return latest.get().kind() == JobKind.EXPORT_TABLE && !target.isEmpty() ? read + " → " + target : read;
    }

    private static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    /** The name from the job's request (empty when it gives none); the Source column follows it. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /**
     * Takes the job's name from its request, once that is read (it may come before or after the
     * events), and for an export the file it writes and whether it reads a table or a statement.
     */
    void describe(JobRequest request) {
        boolean export = request.kind() == JobKind.EXPORT_TABLE;
        String file = export ? request.option(JobOptions.TARGET) : null;
        target = file == null ? "" : file.strip();
        String query = export ? request.option(JobOptions.QUERY) : null;
        readsQuery = query != null && !query.isBlank();
        name.set(nameOf(request));
    }

    static String nameOf(JobRequest request) {
        String named = switch (request.kind()) {
            case LOAD_DATASET -> request.option(JobOptions.NAME);
            case LOAD_PM25 -> request.option(JobOptions.LOCATION);
            case WARM -> request.option(JobOptions.DATASET) == null ? null : request.option(JobOptions.DATASET)
                    + (request.option(JobOptions.VERSION) == null ? "" : " v" + request.option(JobOptions.VERSION));
            case EXPORT_TABLE -> request.option(JobOptions.TABLE) != null ? request.option(JobOptions.TABLE)
                    : request.option(JobOptions.QUERY);
        };
        return named == null ? "" : named.strip();
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

    /**
     * The percentage beside the bar ({@code 37%}); empty when the job's total is not known (a query
     * export: a running one's bar is {@link #INDETERMINATE}, one that failed or was cancelled stops
     * empty), so no row says 100 % before its job succeeded. A job that has only started (the
     * worker's {@code start} event: nothing done, no total) says {@value #STARTING} beside an empty
     * bar: its indeterminate bar and "0 B" read as a zero-byte job whose size was unknown.
     */
    public ReadOnlyStringProperty percentProperty() {
        return percent.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Done / total in the job's unit; empty while it is queued or has only started (nothing counted yet). */
    public ReadOnlyStringProperty amountProperty() {
        return amount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    /** The Time column: while the job runs, how long it has left ("8s left"); once it ended, how long it took. */
    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }
}
