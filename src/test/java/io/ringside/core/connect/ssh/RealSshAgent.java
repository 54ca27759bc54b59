package io.ringside.core.connect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringside.core.Executables;
import io.ringside.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's {@code ssh-agent}, started for a test on a socket of its own (the test's process
 * environment is left alone), with {@code ssh-add} and {@code ssh-keygen} to load it as a user
 * would. A test using it is skipped when the programs are not installed (Debian: openssh-client).
 */
final class RealSshAgent implements AutoCloseable {

    private static final List<String> PROGRAMS = List.of("ssh-agent", "ssh-add", "ssh-keygen");

    private final Process process;
    private final Path socket;

    private RealSshAgent(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Skips the calling test unless OpenSSH's client programs are on the PATH. */
    static void assumeInstalled() {
        assumeTrue(PROGRAMS.stream().allMatch(program -> Executables.onPath(program).isPresent()),
                "ssh-agent, ssh-add and ssh-keygen (Debian: openssh-client) are not on the PATH");
    }

    /** An agent holding no key, listening on {@code folder/agent.sock}; it ends with {@link #close()}. */
    static RealSshAgent start(Path folder) throws Exception {
        assumeInstalled();
        Path socket = folder.resolve("agent.sock");
        Process process = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("agent.log").toFile()).start();
        RealSshAgent agent = new RealSshAgent(process, socket);
        try {
            Await.until("ssh-agent's socket", Duration.ofSeconds(10), () -> Files.exists(socket));
            return agent;
        } catch (RuntimeException | Error e) {
            agent.close();
            throw e;
        }
    }

    Path socket() {
        return socket;
    }

    /** {@code ssh-add KEY}: the key must not be encrypted (no prompt in a test). */
    void add(Path key) throws Exception {
        run(Map.of("SSH_AUTH_SOCK", socket.toString()), "ssh-add", key.toString());
    }

    /** A new unencrypted ECDSA key pair at {@code key} and {@code key.pub}. */
    static void generate(Path key) throws Exception {
        run(Map.of(), "ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-C", "test", "-f", key.toString());
    }

    /** Removes the passphrase of an encrypted private key in place, as {@code ssh-keygen -p} does for a user. */
    static void decrypt(Path key, String passphrase) throws Exception {
        run(Map.of(), "ssh-keygen", "-p", "-q", "-P", passphrase, "-N", "", "-f", key.toString());
    }

    private static void run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), command[0] + " failed: " + output);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
