package io.ringside.ui.stack;

import io.ringside.core.stack.StackListener;
import io.ringside.core.stack.StackState;
import java.util.Optional;

/**
 * What the stack screen needs from the core, narrowed to one interface so the view-model is tested
 * with a scripted fake instead of real servers. Every method may block (process probes, a socket,
 * a 60-second start): call them off the FX thread only. Listeners are called on core threads.
 */
public interface StackGateway {

    /** The pid of a live supervisor of this data folder other than this process. */
    Optional<Long> foreignSupervisor();

    /** The recorded state with each server re-probed; empty when the folder never had a stack. */
    Optional<StackState> status();

    /**
     * Starts the stack in this process, which becomes its supervisor; returns once every server is
     * ready. The listener also receives the events of a later {@link #stopOwn()} and of drills
     * other processes ask this supervisor for.
     */
    StackState start(StackListener listener);

    /** Stops the stack this process started; does nothing when it started none. */
    void stopOwn();

    /** Replays the foreign supervisor's events so far and follows them until its start finished. */
    void followForeign(StackListener listener);

    /** Asks the foreign supervisor to stop the stack; returns once it has. */
    void stopForeign(StackListener listener);
}
