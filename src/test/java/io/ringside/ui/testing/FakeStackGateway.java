package io.ringside.ui.testing;

import io.ringside.core.stack.StackEvent;
import io.ringside.core.stack.StackEvent.Phase;
import io.ringside.core.stack.StackException;
import io.ringside.core.stack.StackListener;
import io.ringside.core.stack.StackState;
import io.ringside.ui.stack.StackGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted {@link StackGateway}: no processes, no files. By default nothing runs and a start
 * reports every server through pending, starting and ready, then returns a running state.
 * Safe to drive from the UI executor's worker threads.
 */
public final class FakeStackGateway implements StackGateway {

    /** What {@link #start} does; may emit events, throw, or assert on the view-model mid-way. */
    @FunctionalInterface
    public interface StartScript {
        StackState run(StackListener listener);
    }

    public static final long OWN_PID = 4711;

    public final AtomicInteger startCalls = new AtomicInteger();
    public final AtomicInteger stopOwnCalls = new AtomicInteger();
    public final AtomicInteger stopForeignCalls = new AtomicInteger();
    public final AtomicInteger followCalls = new AtomicInteger();
    public final AtomicInteger statusCalls = new AtomicInteger();

    private volatile Optional<Long> foreignSupervisor = Optional.empty();
    private volatile Optional<StackState> status = Optional.empty();
    private volatile RuntimeException statusFailure;
    private volatile StartScript startScript = FakeStackGateway::startsEverything;
    private volatile List<StackEvent> foreignHistory = List.of();
    private volatile StackListener ownListener;

    public FakeStackGateway foreignSupervisor(long pid) {
        this.foreignSupervisor = Optional.of(pid);
        return this;
    }

    public FakeStackGateway noForeignSupervisor() {
        this.foreignSupervisor = Optional.empty();
        return this;
    }

    public FakeStackGateway status(StackState state) {
        this.status = Optional.ofNullable(state);
        this.statusFailure = null;
        return this;
    }

    public FakeStackGateway statusFails(String message) {
        this.statusFailure = new StackException(message);
        return this;
    }

    public FakeStackGateway onStart(StartScript script) {
        this.startScript = script;
        return this;
    }

    public FakeStackGateway foreignHistory(List<StackEvent> events) {
        this.foreignHistory = List.copyOf(events);
        return this;
    }

    @Override
    public Optional<Long> foreignSupervisor() {
        return foreignSupervisor;
    }

    @Override
    public Optional<StackState> status() {
        statusCalls.incrementAndGet();
        RuntimeException failure = statusFailure;
        if (failure != null) {
            throw failure;
        }
        return status;
    }

    @Override
    public StackState start(StackListener listener) {
        startCalls.incrementAndGet();
        ownListener = listener;
        StackState state = startScript.run(listener);
        status = Optional.of(state);
        return state;
    }

    @Override
    public void stopOwn() {
        stopOwnCalls.incrementAndGet();
        StackListener listener = ownListener;
        if (listener != null) {
            emitStopped(listener);
        }
        status = Optional.of(StackStates.stopped(1));
    }

    @Override
    public void followForeign(StackListener listener) {
        followCalls.incrementAndGet();
        foreignHistory.forEach(listener::onEvent);
    }

    @Override
    public void stopForeign(StackListener listener) {
        stopForeignCalls.incrementAndGet();
        emitStopped(listener);
        foreignSupervisor = Optional.empty();
        status = Optional.of(StackStates.stopped(1));
    }

    /** The default start: each server pending, starting, ready; then all up under this process. */
    public static StackState startsEverything(StackListener listener) {
        List<StackEvent> events = new ArrayList<>();
        for (String server : StackStates.servers()) {
            events.add(StackStates.event(server, Phase.PENDING, "waiting to start"));
        }
        for (String server : StackStates.servers()) {
            events.add(StackStates.event(server, Phase.STARTING, "launching process"));
            events.add(StackStates.event(server, Phase.READY, "ready"));
        }
        events.forEach(listener::onEvent);
        return StackStates.running(OWN_PID, 1);
    }

    private static void emitStopped(StackListener listener) {
        for (String server : StackStates.servers()) {
            listener.onEvent(StackStates.event(server, Phase.STOPPING, "shutting down"));
            listener.onEvent(StackStates.event(server, Phase.STOPPED, "stopped"));
        }
    }
}
