package io.ringside.ui.stack;

import io.ringside.core.stack.StackEvent;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One server as a table row. A UI object built from core values, never handed to the core: the
 * domain records stay free of JavaFX properties. Only the view-model changes it, on the FX thread.
 */
public final class ServerRow {

    /** How long after an event a status poll may not overrule it (the state file lags events). */
    static final long EVENT_GRACE_MILLIS = 5_000;

    /** What a status poll found for this server. */
    record Probe(boolean up, Long pid, String endpoint, String version) {
    }

    private final ReadOnlyStringWrapper name;
    private final ReadOnlyObjectWrapper<ServerStatus> status = new ReadOnlyObjectWrapper<>(ServerStatus.UNKNOWN);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper endpoint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pid = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper("");
    private long lastEventMillis = Long.MIN_VALUE;
    private long eventElapsedMillis;

    ServerRow(String name) {
        this.name = new ReadOnlyStringWrapper(name);
    }

    /**
     * Follows a progress event. A failure stays visible through the "stopped" that the core's
     * clean-up reports right after it, until the next start resets the row.
     */
    void applyEvent(StackEvent event, long nowMillis) {
        lastEventMillis = nowMillis;
        if (status.get() == ServerStatus.FAILED && event.phase() == StackEvent.Phase.STOPPED) {
            pid.set("");
            return;
        }
        status.set(ServerStatus.of(event.phase()));
        detail.set(event.detail() == null ? "" : event.detail());
        eventElapsedMillis = event.elapsedMillis();
        elapsed.set(formatElapsed(eventElapsedMillis));
        if (event.phase() == StackEvent.Phase.STOPPED) {
            pid.set("");
        }
    }

    /**
     * Moves the elapsed time of a start or stop in progress on between events, so a server that
     * takes 30 s to boot does not show the 0.1 s of its last event all that time.
     */
    void tick(long nowMillis) {
        ServerStatus current = status.get();
        if (current.transitional() && current != ServerStatus.PENDING && lastEventMillis != Long.MIN_VALUE) {
            elapsed.set(formatElapsed(eventElapsedMillis + Math.max(0, nowMillis - lastEventMillis)));
        }
    }

    private static String formatElapsed(long millis) {
        return String.format("%.1f s", millis / 1000.0);
    }

    /**
     * Takes endpoint, pid and version from a poll, and up or down unless an event is more
     * trustworthy: a start or stop in progress, a failure, or a fresh "ready" the state file does
     * not show yet.
     */
    void applyProbe(Probe probe, boolean supervised, long nowMillis) {
        endpoint.set(probe.endpoint() == null ? "" : probe.endpoint());
        if (probe.version() != null) {
            version.set(probe.version());
        }
        ServerStatus current = status.get();
        if (probe.up()) {
            pid.set(probe.pid() == null ? "" : probe.pid().toString());
            if (current != ServerStatus.STOPPING && !current.running()) {
                setPolled(ServerStatus.UP, "answering");
            }
            return;
        }
        boolean freshEvent = lastEventMillis != Long.MIN_VALUE && nowMillis - lastEventMillis < EVENT_GRACE_MILLIS;
        if (current.transitional() || (current.running() && freshEvent)) {
            return;
        }
        if (current.running() || current == ServerStatus.UNKNOWN) {
            pid.set("");
            if (supervised) {
                setPolled(ServerStatus.DOWN, "not answering");
            } else {
                setPolled(ServerStatus.STOPPED, "not running");
            }
        }
    }

    void reset(ServerStatus newStatus, String newDetail) {
        status.set(newStatus);
        detail.set(newDetail);
        elapsed.set("");
        lastEventMillis = Long.MIN_VALUE;
    }

    private void setPolled(ServerStatus newStatus, String newDetail) {
        status.set(newStatus);
        detail.set(newDetail);
        elapsed.set("");
    }

    public String getName() {
        return name.get();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ServerStatus getStatus() {
        return status.get();
    }

    public ReadOnlyObjectProperty<ServerStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String getDetail() {
        return detail.get();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public String getElapsed() {
        return elapsed.get();
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    public String getEndpoint() {
        return endpoint.get();
    }

    public ReadOnlyStringProperty endpointProperty() {
        return endpoint.getReadOnlyProperty();
    }

    public String getPid() {
        return pid.get();
    }

    public ReadOnlyStringProperty pidProperty() {
        return pid.getReadOnlyProperty();
    }

    public String getVersion() {
        return version.get();
    }

    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return getName() + " " + getStatus().label() + " " + getDetail();
    }
}
