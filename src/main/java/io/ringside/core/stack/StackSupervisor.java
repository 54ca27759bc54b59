package io.ringside.core.stack;

import io.ringside.core.NamedThreads;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringside.core.Json;
import io.ringside.core.RingsideException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a {@link LocalStack} and answers commands on its control socket. Whichever process starts
 * the stack (foreground {@code stack up}, the detached {@code stack supervise}, the console) is
 * the supervisor: it alone holds the children's stdin pipes, so drills ({@code stop-node},
 * {@code stop kafka}) and {@code stack down} from other processes are requests to it. A
 * {@code stack down} stops the servers and this supervisor, never the process it runs in: a
 * console that supervises stays open and may start a new supervisor.
 */
public final class StackSupervisor implements AutoCloseable {

    /** How much of a refused peer's request is read (and dropped) before the connection closes. */
    private static final long REFUSED_REQUEST_LIMIT = 64 * 1024;

    private final LocalStack stack;
    private final Path socketPath;
    private final List<StackEvent> history = new CopyOnWriteArrayList<>();
    private final List<StackListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean socketClosed = new AtomicBoolean();
    private final boolean console;
    private final Object commandLock = new Object();
    private volatile ServerSocketChannel server;
    private volatile String startFailure;
    private volatile boolean started;

    public StackSupervisor(LocalStack stack) {
        this(stack, false);
    }

    /**
     * @param console whether this supervisor runs in a console, which outlives the stack: recorded
     *                in {@code stack.json} so that {@code stack down} never signals its process
     */
    public StackSupervisor(LocalStack stack, boolean console) {
        this.stack = stack;
        this.console = console;
        this.socketPath = ControlSocket.pathFor(stack.options().stackFolder());
    }

    public LocalStack stack() {
        return stack;
    }

    /** Opens the control socket, then starts the stack; returns when all servers answer. */
    public StackState start(StackListener listener) {
        listeners.add(listener);
        openSocket();
        stack.setControlPath(socketPath.toString(), console);
        try {
            StackState state = stack.start(this::publish);
            started = true;
            publishDone();
            return state;
        } catch (RuntimeException e) {
            startFailure = e.getMessage();
            publishDone();
            markStopped();
            throw e;
        }
    }

    /** Blocks until {@code stack down} (or {@link #close()}) has stopped the stack. */
    public void awaitStopped() throws InterruptedException {
        try {
            stopped.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isStopped() {
        return stopped.isDone();
    }

    /**
     * Completes once this supervisor has stopped: its start failed, it was closed, or another
     * process's {@code stack down} stopped the stack. It never starts again; a new one does.
     */
    public CompletionStage<Void> whenStopped() {
        return stopped.minimalCompletionStage();
    }

    @Override
    public void close() {
        try {
            stopStack();
        } finally {
            markStopped();
        }
    }

    private void stopStack() {
        if (stopping.compareAndSet(false, true)) {
            synchronized (commandLock) {
                stack.stop(this::publish);
            }
        }
    }

    private void markStopped() {
        closeSocket();
        stopped.complete(null);
    }

    private void publish(StackEvent event) {
        history.add(event);
        for (StackListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException ignored) {
                // a listener that fails (a closed client) must not break the stack
            }
        }
    }

    private final Object doneSignal = new Object();

    private void publishDone() {
        synchronized (doneSignal) {
            doneSignal.notifyAll();
        }
    }

    private void openSocket() {
        try {
            server = ControlSocket.bind(socketPath);
        } catch (IOException e) {
            throw new StackException("Cannot open the stack's control socket " + socketPath + ": " + e.getMessage(), e);
        }
        Thread acceptor = NamedThreads.daemon("ringside-stack-control", this::acceptLoop);
        acceptor.start();
    }

    /**
     * Once only: a later call could otherwise delete the socket file of a new supervisor that
     * started in the same data folder meanwhile.
     */
    private void closeSocket() {
        if (!socketClosed.compareAndSet(false, true)) {
            return;
        }
        ServerSocketChannel channel = server;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            Files.deleteIfExists(socketPath);
        } catch (IOException ignored) {
            // a stale socket file is replaced at the next start
        }
    }

    private void acceptLoop() {
        while (server != null && server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread handler = NamedThreads.daemon("ringside-stack-control-client", () -> handle(client));
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(SocketChannel client) {
        ObjectMapper json = Json.mapper();
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
             OutputStream out = Channels.newOutputStream(client)) {
            try {
                ControlSocket.requireOwner(client, socketPath);
            } catch (StackException e) {
                new ReplyWriter(out, json).write(ControlReply.failure(e.getMessage(), null));
                client.shutdownOutput();
                // closing with the request unread would reset the connection and lose the refusal
                in.skip(REFUSED_REQUEST_LIMIT);
                return;
            }
            String line = in.readLine();
            if (line == null) {
                return;
            }
            ControlRequest request = json.readValue(line, ControlRequest.class);
            ReplyWriter writer = new ReplyWriter(out, json);
            switch (request.command()) {
                case "events" -> streamStartup(writer);
                case "status" -> writer.write(ControlReply.success(LocalStack.probe(stack.state())));
                case "down" -> {
                    StackListener forward = writer::event;
                    listeners.add(forward);
                    try {
                        stopStack();
                        listeners.remove(forward);
                        closeSocket();
                        writer.write(ControlReply.success(stack.state()));
                    } finally {
                        markStopped();
                    }
                }
                default -> runDrill(request, writer);
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or sent garbage; nothing to undo
        }
    }

    private void streamStartup(ReplyWriter writer) throws IOException {
        int sent = 0;
        while (true) {
            List<StackEvent> snapshot = new ArrayList<>(history);
            for (int i = sent; i < snapshot.size(); i++) {
                writer.event(snapshot.get(i));
            }
            sent = snapshot.size();
            if (started) {
                writer.write(ControlReply.success(stack.state()));
                return;
            }
            if (startFailure != null) {
                writer.write(ControlReply.failure(startFailure, stack.state()));
                return;
            }
            synchronized (doneSignal) {
                try {
                    doneSignal.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void runDrill(ControlRequest request, ReplyWriter writer) throws IOException {
        StackListener forward = writer::event;
        listeners.add(forward);
        try {
            synchronized (commandLock) {
                if (stopping.get()) {
                    throw new StackException("the stack is shutting down");
                }
                switch (request.command()) {
                    case "stop-node" -> stack.stopNode(requireNode(request), this::publish);
                    case "start-node" -> stack.startNode(requireNode(request), this::publish);
                    case "stop-broker" -> stack.stopBroker(requireNode(request), this::publish);
                    case "start-broker" -> stack.startBroker(requireNode(request), this::publish);
                    case "stop" -> stack.stopServer(request.server(), this::publish);
                    case "start" -> stack.startServer(request.server(), this::publish);
                    default -> throw new StackException("unknown control command '" + request.command() + "'");
                }
            }
            writer.write(ControlReply.success(LocalStack.probe(stack.state())));
        } catch (RingsideException e) {
            writer.write(ControlReply.failure(e.getMessage(), stack.state()));
        } finally {
            listeners.remove(forward);
        }
    }

    private static int requireNode(ControlRequest request) {
        if (request.node() == null) {
            throw new StackException(request.command() + " needs a node number");
        }
        return request.node();
    }

    /** Serialises replies from the handler thread and the stack's event threads. */
    private static final class ReplyWriter {
        private final OutputStream out;
        private final ObjectMapper json;

        ReplyWriter(OutputStream out, ObjectMapper json) {
            this.out = out;
            this.json = json;
        }

        void event(StackEvent event) {
            try {
                write(ControlReply.progress(event));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        synchronized void write(ControlReply reply) throws IOException {
            out.write(json.writeValueAsBytes(reply));
            out.write('\n');
            out.flush();
        }
    }
}
