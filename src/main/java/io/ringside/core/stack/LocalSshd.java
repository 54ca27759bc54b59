package io.ringside.core.stack;

import io.ringside.core.stack.sshd.LocalSshServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The local stack's SSH server ({@code stack up --sshd}): {@link LocalSshServer} in a child JVM
 * whose classpath is the watchdog, Ringside's own classes and the SSH library, nothing else. Ready
 * when the port answers with an SSH banner.
 */
final class LocalSshd extends ManagedServer {

    static final String NAME = "sshd";

    private final Supplier<StackState.Sshd> spec;
    private final SshdFiles files;
    private final Path watchdogFolder;

    LocalSshd(Path dataFolder, Supplier<StackState.Sshd> spec, Path watchdogFolder) {
        super(NAME, SshdFiles.of(dataFolder).folder());
        this.spec = spec;
        this.files = SshdFiles.of(dataFolder);
        this.watchdogFolder = watchdogFolder;
    }

    @Override
    void prepare(ProgressReporter progress) {
        progress.report(StackEvent.Phase.CONFIGURING, "host key and client key in " + files.folder());
        files.ensure();
        OwnerOnly.folder(home().resolve("logs"));
    }

    @Override
    List<String> command() {
        Set<String> classpath = new LinkedHashSet<>();
        classpath.add(WatchdogJar.ensure(watchdogFolder).toString());
        for (Class<?> type : List.of(LocalSshServer.class, org.apache.sshd.server.SshServer.class,
                org.apache.sshd.common.keyprovider.FileKeyPairProvider.class, org.slf4j.LoggerFactory.class)) {
            classpath.add(codeSource(type));
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xms16m", "-Xmx96m", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-cp", String.join(File.pathSeparator, classpath),
                "io.ringside.core.stack.watchdog.StdinWatchdog", LocalSshServer.class.getName(),
                Integer.toString(spec.get().port()), files.hostKey().toString(), files.authorizedKeys().toString(),
                SshdFiles.USER, files.passwordFile().toString()));
        return cmd;
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            throw new StackException("Cannot find the jar of " + type.getName() + " for the SSH server: " + e, e);
        }
    }

    @Override
    Path serverLog() {
        return consoleLog();
    }

    @Override
    List<Milestone> milestones() {
        return List.of(Milestone.of(LocalSshServer.LISTENING, "listening"));
    }

    @Override
    boolean probe() {
        StackState.Sshd sshd = spec.get();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(sshd.host(), sshd.port()), 1000);
            socket.setSoTimeout(2000);
            InputStream in = socket.getInputStream();
            byte[] banner = in.readNBytes(4);
            return "SSH-".equals(new String(banner, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    Duration stopGrace() {
        return Duration.ofSeconds(10);
    }

}
