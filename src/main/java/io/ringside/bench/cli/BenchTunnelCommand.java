package io.ringside.bench.cli;

import io.ringside.bench.OpenSshForward;
import io.ringside.bench.TunnelBench;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.VersionProvider;
import io.ringside.core.BackendUnavailableException;
import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.SecretKind;
import io.ringside.core.connect.SecretPrompt;
import io.ringside.core.connect.SessionSecretStore;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.pm25.Pm25Store;
import io.ringside.core.stack.SshdFiles;
import io.ringside.core.stack.StackClient;
import io.ringside.core.stack.StackState;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ringside bench tunnel}: the local stack read directly and through its own SSH server
 * ({@code stack up --sshd}), in one run: a profile of the stack's endpoints behind one hop, logging
 * in with the stack's generated key. The server's host key is trusted when it is the one recorded
 * in {@code stack.json}, in a known-hosts file of the run's own, never the user's.
 */
@Command(name = "tunnel", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Cache hit and 365-day trend read through the local stack's SSH server vs directly, and through "
                + "OpenSSH (ssh -L to an sshd of its own) when installed (needs stack up --sshd).")
final class BenchTunnelCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--year", defaultValue = "2016", description = "Year of the synthetic series (default ${DEFAULT-VALUE}).")
    int year;

    @Option(names = "--iterations", defaultValue = "2000", description = "Reads per method (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--sshd-port", description = "Tunnel through an SSH server on this 127.0.0.1 port that uses the "
            + "stack's host key and authorized key (to compare server settings) instead of the stack's own.")
    Integer sshdPort;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = bench.main().dataFolder();
        StackState state = new StackClient(data).status().orElseThrow(() -> new BackendUnavailableException(
                "No local stack in " + data + "; start one with 'ringside stack up --sshd --detach'"));
        if (state.sshd() == null || !state.sshd().up()) {
            throw new BackendUnavailableException("The local stack in " + data + " runs no SSH server; restart it with "
                    + "'ringside stack up --sshd --detach'");
        }
        ConnectionProfile tunnelled = tunnelled(state, sshdPort == null ? state.sshd().port() : sshdPort);
        SessionSecretStore secrets = new SessionSecretStore(SecretPrompt.NONE);
        secrets.put(tunnelled.id(), SecretKind.SSH_KEY_PASSPHRASE, SshdFiles.of(data).passphrase().toCharArray());
        Path knownHosts = Files.createTempDirectory("ringside-bench-tunnel-");
        Optional<String> noOpenSsh = OpenSshForward.unavailable();
        InetSocketAddress redis = new InetSocketAddress(state.redis().host(), state.redis().port());
        InetSocketAddress cassandra = Backends.endpointsOf(state).cassandra().get(0);
        try (Backends local = Backends.forProfile(ConnectionProfile.LOCAL, data);
             DataServices direct = new DataServices(local, data);
             Backends viaSsh = trusting(new Backends(Backends.endpointsOf(tunnelled), tunnelled, secrets, knownHosts),
                     state.sshd().hostKeyFingerprint());
             DataServices tunnel = new DataServices(viaSsh, data);
             OpenSshForward openSsh = noOpenSsh.isPresent() ? null : OpenSshForward.start(List.of(redis, cassandra));
             Backends viaOpenSsh = openSsh == null ? null : throughOpenSsh(openSsh, state, redis, cassandra);
             DataServices reference = viaOpenSsh == null ? null : new DataServices(viaOpenSsh, data)) {
            Pm25Store store = direct.pm25Store();
            store.ensureSchema();
            store.writeDays(BenchCacheCommand.syntheticYear(year));
            try {
                TunnelBench.Result result = TunnelBench.run(direct.pm25Cache(), tunnel.pm25Cache(),
                        reference == null ? null : reference.pm25Cache(),
                        openSsh == null ? noOpenSsh.get() : openSsh.version(), BenchCacheCommand.SYNTHETIC, year, iterations);
                result.report().forEach(out::println);
                out.flush();
            } finally {
                store.deleteDaily(BenchCacheCommand.SYNTHETIC);
                direct.pm25Cache().invalidate(BenchCacheCommand.SYNTHETIC, List.of(year));
            }
        } finally {
            Files.deleteIfExists(knownHosts.resolve("ssh/known_hosts"));
            Files.deleteIfExists(knownHosts.resolve("ssh"));
            Files.deleteIfExists(knownHosts);
        }
        return ExitCodes.OK;
    }

    /** Logs in to the stack's SSH server before any client uses the tunnel, trusting the host key stack.json records. */
    private static Backends trusting(Backends backends, String fingerprint) {
        backends.tunnel().connectTrusting(fingerprint);
        return backends;
    }

    /**
     * A direct profile whose Redis and Cassandra contact point are OpenSSH's local forwards (the
     * driver then pools to the node's own address, as it would behind any plain forward; the reads
     * measured are Redis reads alone).
     */
    private static Backends throughOpenSsh(OpenSshForward openSsh, StackState state, InetSocketAddress redis,
                                           InetSocketAddress cassandra) {
        InetSocketAddress redisForward = openSsh.forward(redis);
        InetSocketAddress cqlForward = openSsh.forward(cassandra);
        ConnectionProfile profile = new ConnectionProfile("bench-openssh", "Local stack through OpenSSH", null, false,
                new ConnectionProfile.Cassandra(List.of(cqlForward.getHostString() + ":" + cqlForward.getPort()),
                        "datacenter1", null, null, null),
                new ConnectionProfile.Redis(redisForward.getHostString(), redisForward.getPort(), null, null, 0, null),
                new ConnectionProfile.Kafka(state.kafka().bootstrap(), null, null, null));
        return new Backends(Backends.endpointsOf(profile), profile, new SessionSecretStore(SecretPrompt.NONE));
    }

    private static ConnectionProfile tunnelled(StackState state, int sshdPort) {
        StackState.Sshd sshd = state.sshd();
        return new ConnectionProfile("bench-tunnel", "Local stack through its SSH server", null, false,
                new ConnectionProfile.Cassandra(List.of(state.contactPoints().split(",")), "datacenter1", null, null, null),
                new ConnectionProfile.Redis(state.redis().host(), state.redis().port(), null, null, 0, null),
                new ConnectionProfile.Kafka(state.kafka().bootstrap(), null, null, null),
                new ConnectionProfile.Ssh(List.of(new ConnectionProfile.SshHop(sshd.host(), sshdPort, sshd.user(),
                        ConnectionProfile.SshAuth.KEY, sshd.clientKeyFile()))));
    }
}
