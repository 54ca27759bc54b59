package io.ringside.ui.connect;

import io.ringside.core.connect.Backend;
import io.ringside.core.connect.ConnectionCheck;
import io.ringside.ui.theme.Tone;
import io.ringside.ui.util.Poller;
import io.ringside.ui.util.TaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The status bar's per-backend state: polls the active profile's backends off the FX thread,
 * every {@link #PERIOD} while all answer, backing off (doubling to {@link #MAX_BACKOFF}) while any
 * fails, so a dead cluster is not hammered by a console left open.
 */
public final class ConnectionStatusViewModel {

    static final Duration PERIOD = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final ObservableList<BackendState> states = FXCollections.observableArrayList();
    private final ObservableList<BackendState> statesView = FXCollections.unmodifiableObservableList(states);
    private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper lost = new ReadOnlyStringWrapper("");
    private final Poller<List<ConnectionCheck>> poller;
    /** Set on the FX thread, read by the poller's health test too. */
    private volatile boolean stackStarting;

    public ConnectionStatusViewModel(ConnectionGateway gateway, TaskExecutor executor) {
        for (Backend backend : Backend.values()) {
            states.add(BackendState.checking(backend));
        }
        poller = Poller.polling(executor, PERIOD, gateway::check)
                .backingOffTo(MAX_BACKOFF)
                .healthyWhen(checks -> stackStarting || checks.stream().allMatch(ConnectionCheck::ok))
                .onSuccess(this::show)
                .onFailure(this::showUnknown);
    }

    /** Checks now and then keeps polling; called again after a profile switch. */
    public void start() {
        stop();
        poller.resetDelay();
        checked.set(false);
        for (int i = 0; i < states.size(); i++) {
            states.set(i, BackendState.checking(states.get(i).backend()));
        }
        poller.pollAfter(Duration.ZERO);
    }

    public void stop() {
        poller.stop();
    }

    /**
     * Whether the local stack this profile uses is starting: backends that do not answer yet are
     * shown as starting (amber ring) instead of down, and are checked every {@link #PERIOD} without
     * backing off, so each turns green soon after it is ready. Checks again at once when a start begins.
     */
    public void stackStarting(boolean starting) {
        boolean began = starting && !stackStarting;
        stackStarting = starting;
        if (began) {
            start();
        }
    }

    private void show(List<ConnectionCheck> checks) {
        List<String> lostNow = new ArrayList<>();
        for (ConnectionCheck result : checks) {
            BackendState state = !result.ok() && stackStarting ? BackendState.starting(result) : BackendState.of(result);
            if (state.tone() == Tone.BAD && states.stream()
                    .anyMatch(before -> before.backend() == state.backend() && before.answering())) {
                lostNow.add(state.backend().label() + " stopped answering: " + state.reason());
            }
            set(state);
        }
        if (!lostNow.isEmpty()) {
            lost.set(String.join("\n", lostNow));
        } else if (states.stream().noneMatch(state -> state.tone() == Tone.BAD)) {
            lost.set("");
        }
        checked.set(true);
    }

    private void showUnknown(Exception error) {
        String reason = error.getMessage() == null ? error.toString() : error.getMessage();
        for (Backend backend : Backend.values()) {
            set(new BackendState(backend, Tone.BAD, "unknown",
                    backend.label() + ": cannot check (" + reason + ")"));
        }
        checked.set(true);
    }

    private void set(BackendState state) {
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).backend() == state.backend()) {
                states.set(i, state);
                return;
            }
        }
        states.add(state);
    }

    /** Cassandra, Redis, Kafka, in that order. */
    public ObservableList<BackendState> states() {
        return statesView;
    }

    /**
     * Which backends stopped answering since the last check that found them up, in words; empty
     * again once none is down. What the shell announces, so a lost backend is noticed on any page.
     */
    public ReadOnlyStringProperty lostProperty() {
        return lost.getReadOnlyProperty();
    }

    /** True once the current profile's backends were checked at least once (snapshot mode waits for it). */
    public ReadOnlyBooleanProperty checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    /** The delay before the next check, for tests of the back-off. */
    Duration currentDelay() {
        return poller.delay();
    }
}
