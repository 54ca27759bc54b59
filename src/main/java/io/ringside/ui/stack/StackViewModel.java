package io.ringside.ui.stack;

import io.ringside.core.stack.PortMove;
import io.ringside.core.stack.StackEvent;
import io.ringside.core.stack.StackState;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.Poller;
import io.ringside.ui.util.DialogService;
import io.ringside.ui.util.FxBatcher;
import io.ringside.ui.util.PageLoad;
import io.ringside.ui.util.PageLoadState;
import io.ringside.ui.util.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The local-stack screen's state and decisions: attach to a stack another process supervises, or
 * start one and supervise it; follow per-server progress; stop it. Every public method and every
 * property change happens on the FX thread; core calls go through the {@link StackGateway} on the
 * {@link TaskExecutor}, and core events come back through one {@link FxBatcher}.
 */
public final class StackViewModel implements PageLoad {

    static final Duration POLL_PERIOD = Duration.ofSeconds(2);
    static final Duration MAX_POLL_BACKOFF = Duration.ofSeconds(30);
    static final Duration BATCH_INTERVAL = Duration.ofMillis(50);
    static final Duration TICK_PERIOD = Duration.ofSeconds(1);
    static final int LOG_LIMIT = 500;

    private static final List<String> DEFAULT_SERVERS = List.of("cassandra-1", "kafka", "redis");
    private static final Set<StackMode> POLLING_MODES = Set.of(StackMode.STARTING, StackMode.RUNNING, StackMode.ATTACHED);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final StackGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Clock clock;
    private boolean autoStart;
    private final FxBatcher<StackEvent> events;

    private final ObservableList<ServerRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    /**
     * Where the supervisor's replayed events go in the log: before the line that says the console
     * attached, so the log reads in time order (they happened before it; appended after it, the
     * page showed "08:12 Attached" above a start half an hour earlier). -1 when not attaching.
     */
    private int replayAt = -1;
    private long attachedAtMillis;
    private final ReadOnlyObjectWrapper<StackMode> mode = new ReadOnlyObjectWrapper<>(StackMode.CHECKING);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    /** The ports the current start had to move, said in words; empty when none moved. */
    private final ReadOnlyStringWrapper portNotice = new ReadOnlyStringWrapper("");
    private final List<String> movedPorts = new ArrayList<>();
    private final ReadOnlyStringWrapper errorTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper errorShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper supervising = new ReadOnlyBooleanWrapper();
    private final PageLoadState load = new PageLoadState();
    private boolean opened;

    private Long foreignPid;
    private final Poller<Optional<StackState>> poll;
    private boolean pollFailureLogged;
    private boolean closing;
    private final Set<Object> elapsedViewers = new HashSet<>();
    private final Poller<Void> ticker;

    public StackViewModel(StackGateway gateway, TaskExecutor executor, DialogService dialogs, Clock clock,
                          boolean autoStart) {
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
        this.clock = clock;
        this.autoStart = autoStart;
        this.events = FxBatcher.onUi(executor, BATCH_INTERVAL, this::applyEvents);
        this.poll = Poller.polling(executor, POLL_PERIOD, gateway::status)
                .backingOffTo(MAX_POLL_BACKOFF)
                .onSuccess(this::polled)
                .onFailure(this::pollFailed);
        this.ticker = Poller.ticking(executor, TICK_PERIOD, this::tick);
        DEFAULT_SERVERS.forEach(name -> rows.add(new ServerRow(name)));
        setMode(StackMode.CHECKING);
    }

    /**
     * The page is shown: its elapsed times tick, and the first time it looks for the stack (later
     * showings only re-check its state).
     */
    @Override
    public void activate() {
        showElapsed(this, true);
        lookForStack();
    }

    @Override
    public void deactivate() {
        showElapsed(this, false);
    }

    /** Looks for the stack the first time, re-checks its state later; whether or not the page is shown. */
    public void lookForStack() {
        if (!opened) {
            open();
        } else if (POLLING_MODES.contains(mode.get())) {
            poll.resetDelay();
            poll.pollLater();
        }
    }

    /**
     * The local profile was chosen: start the stack unless it runs or is starting (a first look
     * that is still going on starts it when it finds none).
     */
    public void ensureRunning() {
        autoStart = true;
        if (!opened) {
            open();
        } else if (canStart.get()) {
            startStack();
        }
    }

    /** Looks for a running stack: attaches to it, or starts one when asked to. */
    public void open() {
        opened = true;
        setMode(StackMode.CHECKING);
        BackgroundTask.wrap(() -> new Found(gateway.foreignSupervisor(), gateway.status()))
                .onSuccess(found -> {
                    if (closing) {
                        return;
                    }
                    found.state().ifPresent(this::applyStatus);
                    if (found.supervisor().isPresent()) {
                        attach(found.supervisor().get());
                    } else if (autoStart) {
                        startStack();
                    } else {
                        showStopped();
                    }
                })
                .onFailure(e -> {
                    showError("Cannot read the local stack's state", e);
                    showStopped();
                })
                .executeWith(executor);
    }

    /** Starts the stack in this process, which then supervises it until it is stopped or closed. */
    public void start() {
        if (canStart.get()) {
            startStack();
        }
    }

    private void startStack() {
        clearError();
        rows.forEach(row -> row.reset(ServerStatus.PENDING, "waiting to start"));
        supervising.set(true);
        setMode(StackMode.STARTING);
        appendLog("Starting the local stack in this console");
        poll.resetDelay();
        poll.pollLater();
        BackgroundTask.wrap(() -> gateway.start(events::add))
                .withTitle("Starting the local stack")
                .onSuccess(state -> {
                    applyStatus(state);
                    if (mode.get() == StackMode.STARTING) {
                        setMode(StackMode.RUNNING);
                        appendLog("All servers are ready");
                    }
                })
                .onFailure(e -> {
                    supervising.set(false);
                    cancelPoll();
                    rows.stream().filter(row -> row.getStatus().transitional())
                            .forEach(row -> row.reset(ServerStatus.STOPPED, "not started"));
                    showError("The local stack did not start", e);
                    if (!closing) {
                        setMode(StackMode.FAILED);
                    }
                })
                .executeWith(executor);
    }

    /** Stops the stack: directly when this console supervises it, else after asking the user. */
    public void stop() {
        if (!canStop.get()) {
            return;
        }
        if (mode.get() == StackMode.ATTACHED) {
            stopForeign();
        } else {
            stopOwn();
        }
    }

    private void stopOwn() {
        cancelPoll();
        setMode(StackMode.STOPPING);
        appendLog("Stopping the local stack");
        BackgroundTask.wrap(gateway::stopOwn)
                .withTitle("Stopping the local stack")
                .onSuccess(nothing -> {
                    supervising.set(false);
                    showStopped();
                })
                .onFailure(e -> {
                    showError("The local stack could not be stopped", e);
                    setMode(StackMode.RUNNING);
                    poll.pollLater();
                })
                .executeWith(executor);
    }

    private void stopForeign() {
        boolean confirmed = dialogs.confirm("Stop the local stack?",
                "Another process (pid " + foreignPid + ") supervises this stack, for example 'ringside stack up' "
                        + "in a terminal. Stopping it shuts down Cassandra, Kafka and Redis for every program "
                        + "using them.",
                "Stop the stack");
        if (!confirmed) {
            return;
        }
        cancelPoll();
        setMode(StackMode.STOPPING);
        appendLog("Asking the supervisor (pid " + foreignPid + ") to stop the stack");
        BackgroundTask.wrap(() -> gateway.stopForeign(events::add))
                .onSuccess(nothing -> {
                    foreignPid = null;
                    showStopped();
                })
                .onFailure(e -> {
                    showError("The local stack could not be stopped", e);
                    setMode(StackMode.ATTACHED);
                    poll.pollLater();
                })
                .executeWith(executor);
    }

    /**
     * Prepares for the window closing: stops the stack if this console supervises it (its servers
     * would die with this process anyway, but uncleanly), leaves a foreign stack running, then
     * runs {@code whenDone} on the FX thread.
     */
    public void shutdown(Runnable whenDone) {
        closing = true;
        cancelPoll();
        elapsedViewers.clear();
        cancelTick();
        if (!supervising.get()) {
            whenDone.run();
            return;
        }
        setMode(StackMode.STOPPING);
        appendLog("Stopping the local stack before the console closes");
        BackgroundTask.wrap(gateway::stopOwn)
                .onFinished(() -> {
                    supervising.set(false);
                    whenDone.run();
                })
                .executeWith(executor);
    }

    public void dismissError() {
        clearError();
    }

    private void attach(long pid) {
        foreignPid = pid;
        setMode(StackMode.ATTACHED);
        replayAt = log.size();
        attachedAtMillis = clock.millis();
        appendLog("Attached to the local stack supervised by pid " + pid);
        BackgroundTask.wrap(() -> gateway.followForeign(events::add))
                .onFailure(e -> appendLog("Cannot follow the supervisor's progress: " + firstLine(e)))
                .executeWith(executor);
        poll.resetDelay();
        poll.pollLater();
    }

    private void polled(Optional<StackState> state) {
        if (!POLLING_MODES.contains(mode.get())) {
            poll.stop();
            return;
        }
        pollFailureLogged = false;
        state.ifPresent(this::applyStatus);
        boolean supervisorGone = state.map(StackState::supervisor).isEmpty();
        if (mode.get() == StackMode.RUNNING && supervisorGone) {
            poll.stop();
            appendLog("The local stack was stopped by another process ('ringside stack down')");
            supervising.set(false);
            showStopped();
        } else if (mode.get() == StackMode.ATTACHED && supervisorGone) {
            poll.stop();
            appendLog("The supervisor (pid " + foreignPid + ") has exited");
            foreignPid = null;
            showStopped();
        }
    }

    private void pollFailed(Exception e) {
        if (!POLLING_MODES.contains(mode.get())) {
            poll.stop();
            return;
        }
        if (!pollFailureLogged) {
            appendLog("Status check failed, retrying less often: " + firstLine(e));
            pollFailureLogged = true;
        }
    }

    private void cancelPoll() {
        poll.stop();
    }

    /**
     * {@code viewer} (the stack page, the start dialog) shows the rows' elapsed times, or stopped
     * showing them. While anyone does, one tick a second moves the times of starts and stops in
     * progress on between events; viewers share that one tick, so with the page and the dialog both
     * open the rows still change once a second, not twice.
     */
    public void showElapsed(Object viewer, boolean shown) {
        boolean wasTicking = !elapsedViewers.isEmpty();
        if (shown) {
            elapsedViewers.add(viewer);
        } else {
            elapsedViewers.remove(viewer);
        }
        if (!wasTicking && !elapsedViewers.isEmpty()) {
            ticker.pollLater();
        } else if (wasTicking && elapsedViewers.isEmpty()) {
            cancelTick();
        }
    }

    private void cancelTick() {
        ticker.stop();
    }

    private void tick() {
        long now = clock.millis();
        rows.forEach(row -> row.tick(now));
    }

    private void applyEvents(List<StackEvent> batch) {
        long now = clock.millis();
        for (StackEvent event : batch) {
            // its own time: events a supervisor sends again on attaching happened minutes ago
            String time = TIME.format(event.atMillis() > 0
                    ? LocalTime.ofInstant(Instant.ofEpochMilli(event.atMillis()), clock.getZone()) : LocalTime.now(clock));
            if (PortMove.reportedBy(event)) {
                movedPorts.add(event.detail().substring(PortMove.PREFIX.length()));
                portNotice.set(portNotice(movedPorts));
            }
            row(event.server()).applyEvent(event, now);
            if (replayAt >= 0 && event.atMillis() > 0 && event.atMillis() < attachedAtMillis) {
                log.add(replayAt++, time + "  " + event.describe());
            } else {
                log.add(time + "  " + event.describe());
            }
        }
        trimLog();
    }

    /**
     * One move in a sentence; several one line each, as {@code stack up} prints them: a moved Redis
     * port moves the Redis Cluster's six nodes after it, and seven moves in one paragraph are not read.
     */
    static String portNotice(List<String> moves) {
        String after = "The local profile uses the new ports; other clients need them too.";
        return moves.size() == 1 ? "Ports moved: " + moves.get(0) + ". " + after
                : "Ports moved:\n" + String.join("\n", moves) + "\n" + after;
    }

    private void applyStatus(StackState state) {
        long now = clock.millis();
        boolean supervised = state.supervisor() != null;
        for (StackState.CassandraNode node : state.cassandra().nodes()) {
            row("cassandra-" + node.id()).applyProbe(new ServerRow.Probe(node.up(), node.pid(),
                    node.address() + ":" + node.port(), node.version()), supervised, now);
        }
        StackState.Kafka kafka = state.kafka();
        if (kafka.brokers().isEmpty()) {
            row("kafka").applyProbe(new ServerRow.Probe(kafka.up(), kafka.pid(), kafka.bootstrap(), kafka.version()),
                    supervised, now);
        }
        if (!kafka.brokers().isEmpty()) {
            rows.removeIf(row -> row.getName().equals("kafka")); // the placeholder before the state was read
        }
        for (StackState.KafkaBroker broker : kafka.brokers()) {
            row("kafka-" + broker.id()).applyProbe(new ServerRow.Probe(broker.up(), broker.pid(),
                    kafka.host() + ":" + broker.port(), kafka.version()), supervised, now);
        }
        StackState.Redis redis = state.redis();
        applyRedis("redis", redis, supervised, now);
        for (StackState.RedisClusterNode node : state.redisCluster()) {
            row(node.name()).applyProbe(new ServerRow.Probe(node.up(), node.pid(), node.host() + ":" + node.port(),
                    "cluster " + node.role()), supervised, now);
        }
        StackState.RedisSentinel sentinel = state.redisSentinel();
        if (sentinel != null) {
            applyRedis("redis-replica", sentinel.replica(), supervised, now);
            for (int i = 0; i < sentinel.sentinels().size(); i++) {
                applyRedis("redis-sentinel-" + (i + 1), sentinel.sentinels().get(i), supervised, now);
            }
        }
    }

    private void applyRedis(String name, StackState.Redis redis, boolean supervised, long now) {
        row(name).applyProbe(new ServerRow.Probe(redis.up(), redis.pid(), redis.host() + ":" + redis.port(),
                redis.version()), supervised, now);
    }

    private ServerRow row(String server) {
        for (ServerRow row : rows) {
            if (row.getName().equals(server)) {
                return row;
            }
        }
        ServerRow added = new ServerRow(server);
        rows.add(added);
        FXCollections.sort(rows, Comparator.comparingInt((ServerRow r) -> rank(r.getName())).thenComparing(ServerRow::getName));
        return added;
    }

    private static int rank(String server) {
        if (server.startsWith("cassandra-")) {
            return 0;
        }
        if (server.startsWith("kafka-")) {
            return 1;
        }
        return switch (server) {
            case "kafka" -> 1;
            case "redis" -> 2;
            default -> 3;
        };
    }

    private void showStopped() {
        for (ServerRow row : rows) {
            if (row.getStatus() == ServerStatus.UNKNOWN || row.getStatus().running() || row.getStatus().transitional()) {
                row.reset(ServerStatus.STOPPED, "not running");
            }
        }
        setMode(StackMode.STOPPED);
    }

    private void setMode(StackMode newMode) {
        if (newMode == StackMode.STARTING || newMode == StackMode.STOPPED) {
            movedPorts.clear();
            portNotice.set("");
        }
        mode.set(newMode);
        if (newMode == StackMode.RUNNING || newMode == StackMode.ATTACHED || newMode == StackMode.STOPPED) {
            load.succeeded();
        } else if (newMode == StackMode.FAILED) {
            load.failed(errorTitle.get() + ": " + errorMessage.get().lines().findFirst().orElse(""));
        }
        canStart.set(!closing && (newMode == StackMode.STOPPED || newMode == StackMode.FAILED));
        canStop.set(!closing && newMode.serversUp());
        busy.set(newMode == StackMode.CHECKING || newMode == StackMode.STARTING || newMode == StackMode.STOPPING);
        summary.set(switch (newMode) {
            case CHECKING -> "Looking for a running local stack…";
            case STARTING -> "Starting the local stack. This console supervises it: closing the window stops it.";
            case RUNNING -> "The local stack is up. This console supervises it: closing the window stops it.";
            case ATTACHED -> "Attached to the local stack supervised by pid " + foreignPid
                    + ". Closing this window leaves it running.";
            case STOPPING -> "Stopping the local stack…";
            case STOPPED -> "The local stack is not running.";
            case FAILED -> "The local stack did not start.";
        });
    }

    private void showError(String title, Exception error) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        errorTitle.set(title);
        errorMessage.set(message);
        errorShown.set(true);
        String first = firstLine(error);
        appendLog(first.startsWith(title) ? first : title + ": " + first);
    }

    private void clearError() {
        errorShown.set(false);
        errorTitle.set("");
        errorMessage.set("");
    }

    private void appendLog(String line) {
        log.add(TIME.format(LocalTime.now(clock)) + "  " + line);
        trimLog();
    }

    private void trimLog() {
        if (log.size() > LOG_LIMIT) {
            int removed = log.size() - LOG_LIMIT;
            log.remove(0, removed);
            replayAt = replayAt < 0 ? -1 : Math.max(0, replayAt - removed);
        }
    }

    private static String firstLine(Exception error) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** One server per row, in ring order: Cassandra nodes, then Kafka, then Redis. */
    public ObservableList<ServerRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The last {@value #LOG_LIMIT} progress lines, oldest first. */
    public ObservableList<String> log() {
        return FXCollections.unmodifiableObservableList(log);
    }

    public ReadOnlyObjectProperty<StackMode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portNoticeProperty() {
        return portNotice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTitleProperty() {
        return errorTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorShownProperty() {
        return errorShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStopProperty() {
        return canStop.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while this console is the stack's supervisor, i.e. closing it must stop the servers. */
    public ReadOnlyBooleanProperty supervisingProperty() {
        return supervising.getReadOnlyProperty();
    }

    @Override
    public PageLoadState loadState() {
        return load;
    }

    private record Found(Optional<Long> supervisor, Optional<StackState> state) {
    }
}
