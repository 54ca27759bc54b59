package io.ringside.core.stack;

import io.ringside.core.BackendUnavailableException;
import io.ringside.core.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Talks to the supervisor of the local stack in a data folder, whoever that is (a foreground or
 * detached {@code stack up}, or a console). Reads the state file to find it.
 */
public final class StackClient {

    private final Path dataFolder;
    private final StateFile stateFile;

    public StackClient(Path dataFolder) {
        this.dataFolder = dataFolder;
        this.stateFile = new StateFile(dataFolder.resolve("stack"));
    }

    public Path dataFolder() {
        return dataFolder;
    }

    /** The recorded state, re-probed; empty when this data folder never had a stack. */
    public Optional<StackState> status() {
        return stateFile.read().map(LocalStack::probe);
    }

    /** The live supervisor's pid, if one runs for this data folder. */
    public Optional<Long> supervisorPid() {
        return supervisor().map(StackState.Supervisor::pid);
    }

    /** The live supervisor of this data folder (its pid, socket, whether it is a console), if one runs. */
    public Optional<StackState.Supervisor> supervisor() {
        return stateFile.read()
                .map(StackState::supervisor)
                .filter(s -> LocalStack.alive(s.pid()));
    }

    /** Sends a command and forwards progress events; returns the final reply. */
    public ControlReply send(ControlRequest request, StackListener listener) {
        StackState state = stateFile.read().orElseThrow(() -> notRunning());
        if (state.supervisor() == null || state.supervisor().control() == null || !LocalStack.alive(state.supervisor().pid())) {
            throw notRunning();
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(state.supervisor().control()));
            OutputStream out = Channels.newOutputStream(channel);
            out.write(Json.mapper().writeValueAsBytes(request));
            out.write('\n');
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                ControlReply reply = Json.mapper().readValue(line, ControlReply.class);
                if (reply.done()) {
                    return reply;
                }
                if (reply.event() != null) {
                    listener.onEvent(reply.event());
                }
            }
            throw new BackendUnavailableException("The stack supervisor (pid " + state.supervisor().pid()
                    + ") closed the control connection without an answer");
        } catch (IOException e) {
            throw new BackendUnavailableException("Cannot reach the stack supervisor (pid " + state.supervisor().pid()
                    + ") at " + state.supervisor().control() + ": " + e.getMessage(), e);
        }
    }

    /** Waits until the supervisor process has exited. */
    public boolean awaitSupervisorExit(long pid, Duration timeout) {
        if (pid == ProcessHandle.current().pid()) {
            return false;
        }
        return ProcessHandle.of(pid).map(h -> ServerProcess.waitFor(h, timeout)).orElse(true);
    }

    private BackendUnavailableException notRunning() {
        return new BackendUnavailableException("No local stack is running in " + dataFolder
                + "; start one with 'ringside stack up'");
    }
}
