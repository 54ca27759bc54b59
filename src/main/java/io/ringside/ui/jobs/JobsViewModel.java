package io.ringside.ui.jobs;

import io.ringside.core.jobs.JobRequest;
import io.ringside.core.jobs.JobTopics;
import io.ringside.core.jobs.ProgressEvent;
import io.ringside.ui.util.Errors;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.Poller;
import io.ringside.ui.util.DialogService;
import io.ringside.ui.util.FxBatcher;
import io.ringside.ui.util.PageLoad;
import io.ringside.ui.util.PageLoadState;
import io.ringside.ui.util.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Jobs page: every job of the progress topic as a row, whoever started it (CLI, another
 * console, this one), replayed from the last day when the page is shown and then live. Events
 * arrive on the feed's thread and reach the FX thread through one {@link FxBatcher} for the
 * whole view, so a burst of thousands of events still means one table update per ~50 ms. A feed
 * that does not answer is probed every few seconds: the page says "offline" and reconnects by
 * itself when Kafka is back.
 */
public final class JobsViewModel implements PageLoad {

    static final Duration BATCH = Duration.ofMillis(50);
    static final Duration PROBE_EVERY = Duration.ofSeconds(5);
    /** How long a fresh feed may replay before the page counts as loaded (snapshot mode waits for it). */
    static final Duration REPLAY_GRACE = Duration.ofSeconds(2);
    /** How long "Submitted job …" stays at most when the job does not show up in the table. */
    static final Duration SUBMITTED_NOTE = Duration.ofSeconds(5);
    /** Requests kept for jobs whose events have not arrived (yet): older ones are dropped first. */
    static final int PENDING_REQUESTS = 1_000;

    private final JobsGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Clock clock;
    private final FxBatcher<ProgressEvent> batcher;
    private final FxBatcher<JobRequest> requestBatcher;
    private final Map<UUID, JobRequest> pendingRequests = new java.util.LinkedHashMap<>();
    private UUID submittedJob;
    private final ObservableList<JobRow> rows = FXCollections.observableArrayList();
    private final Map<UUID, JobRow> byId = new HashMap<>();
    private final ObjectProperty<JobRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper feedOnline = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper feedStatus = new ReadOnlyStringWrapper("Connecting to the progress feed…");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final PageLoadState load = new PageLoadState();
    private final List<Consumer<List<JobRow>>> batchListeners = new ArrayList<>();
    private final NewLoadViewModel newLoad;
    private JobsGateway.Feed feed;
    private final Poller<Boolean> probe;
    private boolean active;
    private boolean connecting;
    private int generation;

    public JobsViewModel(JobsGateway gateway, TaskExecutor executor, DialogService dialogs) {
        this(gateway, executor, dialogs, Clock.systemUTC());
    }

    public JobsViewModel(JobsGateway gateway, TaskExecutor executor, DialogService dialogs, Clock clock) {
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
        this.clock = clock;
        this.batcher = FxBatcher.onUi(executor, BATCH, this::apply);
        this.requestBatcher = FxBatcher.onUi(executor, BATCH, this::describe);
        this.newLoad = new NewLoadViewModel(this);
        this.probe = Poller.preparing(executor, PROBE_EVERY, this::probeRound)
                .onSuccess(this::probed)
                .onFailure(this::offline);
    }

    @Override
    public void activate() {
        if (active) {
            return;
        }
        active = true;
        connect();
        probe.pollLater();
    }

    @Override
    public void deactivate() {
        active = false;
        generation++;
        probe.stop();
        closeFeed();
    }

    private void connect() {
        if (feed != null || connecting) {
            return;
        }
        connecting = true;
        int opened = generation;
        BackgroundTask.wrap(() -> gateway.follow(clock.instant().minus(JobTopics.HISTORY),
                        batcher::add, requestBatcher::add))
                .onFinished(() -> connecting = false)
                .onSuccess(f -> {
                    if (!active || opened != generation) {
                        BackgroundTask.wrap((Runnable) f::close).executeWith(executor);
                        return;
                    }
                    feed = f;
                    online();
                    executor.runOnUi(REPLAY_GRACE, load::succeeded);
                })
                .onFailure(e -> {
                    offline(e);
                    load.succeeded();
                })
                .executeWith(executor);
    }

    /**
     * One probe of the feed as it is when the probe is planned: null when that feed went stale,
     * else whether the jobs topic answers.
     */
    private Callable<Boolean> probeRound() {
        JobsGateway.Feed current = feed;
        return () -> {
            if (current != null && current.stale()) {
                return null;
            }
            return current != null && current.failure() != null ? Boolean.FALSE : gateway.feedReachable();
        };
    }

    private void probed(Boolean reachable) {
        if (reachable == null) {
            closeFeed();
            rows.clear();
            byId.clear();
            selected.set(null);
            connect();
        } else if (!reachable) {
            offline(null);
            closeFeed();
        } else if (feed == null) {
            connect();
        } else {
            online();
        }
    }

    private void closeFeed() {
        JobsGateway.Feed closing = feed;
        feed = null;
        if (closing != null) {
            BackgroundTask.wrap((Runnable) closing::close).executeWith(executor);
        }
    }

    private void online() {
        feedOnline.set(true);
        feedStatus.set("Live: progress of every job, from the last " + JobTopics.HISTORY.toHours()
                + " h on");
    }

    private void offline(Exception cause) {
        feedOnline.set(false);
        feedStatus.set("Progress feed offline: Kafka does not answer" + (cause == null ? "" : " (" + Errors.firstLine(cause) + ")")
                + ". Rows show the last known state; retrying every " + PROBE_EVERY.toSeconds() + " s.");
    }

    /** On the FX thread: folds a batch of events into the rows. */
    private void apply(List<ProgressEvent> events) {
        List<JobRow> added = new ArrayList<>();
        Set<JobRow> changed = new LinkedHashSet<>();
        for (ProgressEvent event : events) {
            JobRow row = byId.get(event.jobId());
            if (row == null) {
                row = new JobRow(event);
                JobRequest request = pendingRequests.remove(event.jobId());
                if (request != null) {
                    row.describe(request);
                }
                if (event.jobId().equals(submittedJob)) {
                    clearSubmittedNote();
                }
                byId.put(event.jobId(), row);
                added.add(row);
                changed.add(row);
            } else if (row.apply(event)) {
                changed.add(row);
            }
        }
        if (!added.isEmpty()) {
            added.sort(Comparator.comparing(JobRow::firstSeen).reversed());
            if (rows.isEmpty() || added.get(added.size() - 1).firstSeen().isAfter(rows.get(0).firstSeen())) {
                rows.addAll(0, added);
            } else {
                List<JobRow> all = new ArrayList<>(rows);
                all.addAll(added);
                all.sort(Comparator.comparing(JobRow::firstSeen).reversed());
                rows.setAll(all);
            }
        }
        if (!changed.isEmpty()) {
            List<JobRow> touched = List.copyOf(changed);
            batchListeners.forEach(l -> l.accept(touched));
        }
    }

    /** On the FX thread: names the rows of a batch of requests, or keeps them for rows still to come. */
    private void describe(List<JobRequest> requests) {
        Set<JobRow> changed = new LinkedHashSet<>();
        for (JobRequest request : requests) {
            JobRow row = byId.get(request.jobId());
            if (row != null) {
                row.describe(request);
                changed.add(row);
            } else {
                pendingRequests.put(request.jobId(), request);
                if (pendingRequests.size() > PENDING_REQUESTS) {
                    pendingRequests.remove(pendingRequests.keySet().iterator().next());
                }
            }
        }
        if (!changed.isEmpty()) {
            List<JobRow> touched = List.copyOf(changed);
            batchListeners.forEach(l -> l.accept(touched));
        }
    }

    /** "Submitted job …" has done its work once the job is in the table (or after a few seconds). */
    private void clearSubmittedNote() {
        if (submittedJob != null) {
            submittedJob = null;
            message.set("");
        }
    }

    /** Told on the FX thread with the rows a batch changed (the details pane, the benchmark). */
    public void onBatch(Consumer<List<JobRow>> listener) {
        batchListeners.add(listener);
    }

    /** Asks, then asks the workers to stop the job; audited either way it ends. */
    public void cancel(JobRow row) {
        if (row == null || !row.cancellable()) {
            return;
        }
        String target = row.jobId().toString();
        if (!dialogs.confirm("Cancel job", "Cancel the " + row.kind() + " job of " + row.source() + " (" + target
                + ")? A worker stops it at its next chunk; what was written stays, the job ends cancelled.",
                "Cancel job")) {
            return;
        }
        BackgroundTask.wrap(() -> {
            try {
                gateway.cancel(row.jobId());
            } catch (RuntimeException e) {
                gateway.audit("job.cancel", target, "failed: " + Errors.firstLine(e));
                throw e;
            }
            gateway.audit("job.cancel", target, "requested");
        }).withTitle("Cancelling job " + target)
                .onSuccess(v -> message.set("Cancel requested for " + row.source()))
                .onFailure(e -> message.set("Cancel failed: " + Errors.firstLine(e)))
                .executeWith(executor);
    }

    /**
     * Submits the failed or cancelled job again as a new job: same kind, sources and options (read
     * back from the requests topic; without it, the kind and sources alone).
     */
    public void retry(JobRow row) {
        if (row == null || !row.retryable()) {
            return;
        }
        ProgressEvent last = row.latest();
        BackgroundTask.wrap(() -> {
            Map<String, String> options = gateway.requestOf(row.jobId()).map(JobRequest::options).orElse(Map.of());
            JobRequest request = gateway.request(last.kind(), last.source(), options);
            gateway.submit(request);
            gateway.audit("job.retry", row.jobId().toString(), "submitted " + request.jobId());
            return request;
        }).withTitle("Retrying job " + row.jobId())
                .onSuccess(r -> noteSubmitted(r, "Submitted again as job " + r.jobId()))
                .onFailure(e -> message.set("Retry failed: " + Errors.firstLine(e)))
                .executeWith(executor);
    }

    /** Submits a new request; {@code done} runs on the FX thread with null or the failure. */
    public void submit(JobRequest request, Consumer<Exception> done) {
        BackgroundTask.wrap(() -> gateway.submit(request))
                .withTitle("Submitting " + request.kind().label() + " job")
                .onSuccess(v -> {
                    noteSubmitted(request, "Submitted job " + request.jobId());
                    done.accept(null);
                })
                .onFailure(done::accept)
                .executeWith(executor);
    }

    /**
     * Shows {@code note} until the job's row appears, at most {@link #SUBMITTED_NOTE}; the row is
     * named from the request at once, without waiting for the requests feed.
     */
    private void noteSubmitted(JobRequest request, String note) {
        UUID jobId = request.jobId();
        message.set(note);
        if (byId.containsKey(jobId)) {
            byId.get(jobId).describe(request);
        } else {
            pendingRequests.put(jobId, request);
        }
        submittedJob = jobId;
        executor.schedule(SUBMITTED_NOTE, BackgroundTask.wrap(() -> { }).onSuccess(v -> {
            if (jobId.equals(submittedJob)) {
                clearSubmittedNote();
            }
        }));
    }

    public NewLoadViewModel newLoad() {
        return newLoad;
    }

    public JobsGateway gateway() {
        return gateway;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public ObservableList<JobRow> rows() {
        return rows;
    }

    public JobRow row(UUID jobId) {
        return byId.get(jobId);
    }

    public ObjectProperty<JobRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty feedOnlineProperty() {
        return feedOnline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty feedStatusProperty() {
        return feedStatus.getReadOnlyProperty();
    }

    /** The outcome of the last action (submit, cancel, retry), for the status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public PageLoadState loadState() {
        return load;
    }
}
