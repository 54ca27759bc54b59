package io.ringside.ui.stack;

import io.ringside.core.stack.ControlReply;
import io.ringside.core.stack.ControlRequest;
import io.ringside.core.stack.LocalStack;
import io.ringside.core.stack.StackClient;
import io.ringside.core.stack.StackException;
import io.ringside.core.stack.StackListener;
import io.ringside.core.stack.StackOptions;
import io.ringside.core.stack.StackState;
import io.ringside.core.stack.StackSupervisor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real gateway: {@link StackSupervisor} for a stack this console starts, {@link StackClient}
 * for one supervised elsewhere. While it supervises, a shutdown hook stops the servers cleanly when
 * the JVM is told to terminate; the children's stdin watchdog covers a hard kill. A
 * {@code stack down} from another process stops its supervisor, not this console: the gateway
 * then lets go of it, so the next start creates a new one.
 */
public final class LocalStackGateway implements StackGateway {

    private final StackOptions options;
    private final Path dataFolder;
    private final StackClient client;
    private final AtomicReference<StackSupervisor> supervisor = new AtomicReference<>();
    private final Thread shutdownHook = new Thread(this::stopOwn, "ringside-console-stack-shutdown");

    public LocalStackGateway(Path dataFolder) {
        this(StackOptions.defaults(dataFolder));
    }

    /** A gateway whose starts use these options (tests: a stack on their own ports). */
    public LocalStackGateway(StackOptions options) {
        this.options = options;
        this.dataFolder = options.dataFolder();
        this.client = new StackClient(dataFolder);
    }

    @Override
    public Optional<Long> foreignSupervisor() {
        long self = ProcessHandle.current().pid();
        return client.supervisorPid().filter(pid -> pid != self);
    }

    @Override
    public Optional<StackState> status() {
        return client.status();
    }

    @Override
    public StackState start(StackListener listener) {
        StackSupervisor created = new StackSupervisor(new LocalStack(options), true);
        if (!supervisor.compareAndSet(null, created)) {
            throw new StackException("This console already supervises the local stack in " + dataFolder);
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        created.whenStopped().thenRun(() -> {
            if (supervisor.compareAndSet(created, null)) {
                removeShutdownHook();
            }
        });
        try {
            return created.start(listener);
        } catch (RuntimeException e) {
            if (supervisor.compareAndSet(created, null)) {
                removeShutdownHook();
            }
            throw e;
        }
    }

    @Override
    public void stopOwn() {
        StackSupervisor running = supervisor.getAndSet(null);
        if (running != null) {
            try {
                running.close();
            } finally {
                removeShutdownHook();
            }
        }
    }

    @Override
    public void followForeign(StackListener listener) {
        client.send(ControlRequest.of("events"), listener);
    }

    @Override
    public void stopForeign(StackListener listener) {
        ControlReply reply = client.send(ControlRequest.of("down"), listener);
        if (!reply.ok()) {
            throw new StackException(reply.error() == null ? "The supervisor did not stop the stack" : reply.error());
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what is running this
        }
    }
}
