package io.ringside.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The reference a tunnel's cost is judged against: OpenSSH's own client ({@code ssh -N -L}) with
 * local forwards to the targets, logged in to an OpenSSH server ({@code sshd}) started here as a
 * child with a configuration, host key and authorized key of its own in a temporary folder, on a
 * free loopback port. Both are this process's children and are ended by their PIDs on
 * {@link #close()}; the folder is removed. Only for benchmarks: Ringside itself never runs
 * {@code ssh}.
 */
public final class OpenSshForward implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(15);

    private final Path folder;
    private final Process server;
    private final Process client;
    private final Map<InetSocketAddress, InetSocketAddress> forwards;
    private final String version;

    private OpenSshForward(Path folder, Process server, Process client, Map<InetSocketAddress, InetSocketAddress> forwards,
                           String version) {
        this.folder = folder;
        this.server = server;
        this.client = client;
        this.forwards = forwards;
        this.version = version;
    }

    /** Why OpenSSH cannot be measured here (a program missing), or empty when it can. */
    public static Optional<String> unavailable() {
        if (program("ssh").isEmpty()) {
            return Optional.of("no 'ssh' on the PATH (Debian: openssh-client)");
        }
        if (program("sshd").isEmpty()) {
            return Optional.of("no 'sshd' on the PATH or in /usr/sbin (Debian: openssh-server)");
        }
        if (program("ssh-keygen").isEmpty()) {
            return Optional.of("no 'ssh-keygen' on the PATH (Debian: openssh-client)");
        }
        return Optional.empty();
    }

    /** An absolute path: sshd refuses to start otherwise (it re-executes itself per connection). */
    private static Optional<Path> program(String name) {
        List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        folders.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/sbin"));
        return folders.stream().filter(f -> !f.isBlank()).map(f -> Path.of(f, name)).filter(Files::isExecutable)
                .map(Path::toAbsolutePath).findFirst();
    }

    /**
     * Starts {@code sshd} and {@code ssh} with one local forward per target and waits until every
     * forward accepts connections.
     *
     * @throws IllegalStateException with the programs' own output when either fails to start
     */
    public static OpenSshForward start(List<InetSocketAddress> targets) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("ringside-openssh-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Process server = null;
        Process client = null;
        try {
            keyPair(folder.resolve("host_key"));
            keyPair(folder.resolve("id"));
            Files.copy(folder.resolve("id.pub"), folder.resolve("authorized_keys"));
            int port = freePort();
            Files.writeString(folder.resolve("known_hosts"), "[127.0.0.1]:" + port + " "
                    + Files.readString(folder.resolve("host_key.pub")));
            Files.writeString(folder.resolve("sshd_config"), serverConfig(folder, port, targets));
            // privilege separation needs its (root-owned) empty folder when sshd runs as root
            if ("root".equals(System.getProperty("user.name"))) {
                Files.createDirectories(Path.of("/run/sshd"));
            }
            server = new ProcessBuilder(program("sshd").orElseThrow().toString(), "-D", "-e", "-f",
                    folder.resolve("sshd_config").toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("sshd.log").toFile()).start();
            awaitListening(new InetSocketAddress("127.0.0.1", port), server, folder.resolve("sshd.log"));
            Map<InetSocketAddress, InetSocketAddress> forwards = new LinkedHashMap<>();
            List<String> command = new ArrayList<>(List.of(program("ssh").orElseThrow().toString(), "-N", "-F", "/dev/null",
                    "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "ExitOnForwardFailure=yes",
                    "-o", "UserKnownHostsFile=" + folder.resolve("known_hosts"), "-o", "IdentitiesOnly=yes",
                    "-i", folder.resolve("id").toString(), "-p", Integer.toString(port)));
            for (InetSocketAddress target : targets) {
                InetSocketAddress local = new InetSocketAddress("127.0.0.1", freePort());
                forwards.put(target, local);
                command.addAll(List.of("-L", "127.0.0.1:" + local.getPort() + ":" + target.getHostString() + ":"
                        + target.getPort()));
            }
            command.add(System.getProperty("user.name") + "@127.0.0.1");
            client = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("ssh.log").toFile()).start();
            for (InetSocketAddress local : forwards.values()) {
                awaitListening(local, client, folder.resolve("ssh.log"));
            }
            return new OpenSshForward(folder, server, client, forwards, sshVersion());
        } catch (IOException | RuntimeException | InterruptedException e) {
            end(client);
            end(server);
            removeFolder(folder);
            throw e;
        }
    }

    private static String serverConfig(Path folder, int port, List<InetSocketAddress> targets) {
        StringBuilder permitted = new StringBuilder();
        targets.forEach(t -> permitted.append(' ').append(t.getHostString()).append(':').append(t.getPort()));
        return String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + folder.resolve("host_key"),
                "PidFile none",
                "UsePAM no",
                "StrictModes no",
                "AuthorizedKeysFile " + folder.resolve("authorized_keys"),
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "AllowTcpForwarding local",
                "PermitOpen" + permitted,
                "AllowAgentForwarding no",
                "X11Forwarding no",
                "PermitTTY no",
                "");
    }

    /** The local address whose connections OpenSSH carries to {@code target}. */
    public InetSocketAddress forward(InetSocketAddress target) {
        InetSocketAddress local = forwards.get(target);
        if (local == null) {
            throw new IllegalArgumentException("no OpenSSH forward to " + target);
        }
        return local;
    }

    /** What {@code ssh -V} says, e.g. {@code OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.19 27 Jan 2026}. */
    public String version() {
        return version;
    }

    private static String sshVersion() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(program("ssh").orElseThrow().toString(), "-V").redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor(5, TimeUnit.SECONDS);
        return text;
    }

    private static void keyPair(Path file) throws IOException, InterruptedException {
        Process keygen = new ProcessBuilder(program("ssh-keygen").orElseThrow().toString(), "-q", "-t", "ed25519", "-N", "",
                "-C", "ringside-bench", "-f", file.toString()).redirectErrorStream(true).start();
        String output = new String(keygen.getInputStream().readAllBytes());
        if (!keygen.waitFor(30, TimeUnit.SECONDS) || keygen.exitValue() != 0) {
            throw new IllegalStateException("ssh-keygen failed for " + file + ": " + output.trim());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(InetSocketAddress address, Process process, Path log)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.info().command().orElse("OpenSSH") + " exited with "
                        + process.exitValue() + ": " + Files.readString(log).trim());
            }
            try (Socket socket = new Socket()) {
                socket.connect(address, 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("OpenSSH did not listen on " + address + " within " + READY.toSeconds() + " s: "
                + Files.readString(log).trim());
    }

    /** Ends a child and what it forked (sshd's per-connection processes) by their PIDs. */
    private static void end(Process process) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void removeFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        end(client);
        end(server);
        removeFolder(folder);
    }
}
