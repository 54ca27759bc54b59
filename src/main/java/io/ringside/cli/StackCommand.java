package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.Json;
import io.ringside.core.RingsideException;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.kafka.Spool;
import io.ringside.core.stack.ControlReply;
import io.ringside.core.stack.ControlRequest;
import io.ringside.core.stack.LocalStack;
import io.ringside.core.stack.OwnerOnly;
import io.ringside.core.stack.ResidentMemory;
import io.ringside.core.stack.StackClient;
import io.ringside.core.stack.StackEvent;
import io.ringside.core.stack.StackException;
import io.ringside.core.stack.StackOptions;
import io.ringside.core.stack.StackSecurity;
import io.ringside.core.stack.StackState;
import io.ringside.core.stack.StackSupervisor;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside stack ...}: the local stack of real servers, and its failure drills. */
@Command(name = "stack", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Start, inspect and stop the local stack (Cassandra, Kafka, Redis as child processes).",
        subcommands = {
            StackCommand.Up.class, StackCommand.Status.class, StackCommand.Down.class,
            StackCommand.Supervise.class})
public final class StackCommand {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    Path dataFolder() {
        return main.dataFolder();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    void printEvent(StackEvent event) {
        PrintWriter err = err();
        synchronized (err) {
            err.println(event.describe());
            err.flush();
        }
    }

    // The failure drills: one control request each, sent to the running stack's supervisor.

    @Command(name = "stop-node", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Stop Cassandra node N (1-based) of a running stack, for failure drills.")
    int stopNode(@Parameters(paramLabel = "N") int node) {
        return drill(new ControlRequest("stop-node", node, null));
    }

    @Command(name = "start-node", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Start Cassandra node N (1-based) of a running stack again.")
    int startNode(@Parameters(paramLabel = "N") int node) {
        return drill(new ControlRequest("start-node", node, null));
    }

    @Command(name = "stop-broker", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Stop Kafka broker N (1-based) of a running multi-broker stack, for failure drills.")
    int stopBroker(@Parameters(paramLabel = "N") int broker) {
        return drill(new ControlRequest("stop-broker", broker, null));
    }

    @Command(name = "start-broker", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Start Kafka broker N (1-based) of a running multi-broker stack again.")
    int startBroker(@Parameters(paramLabel = "N") int broker) {
        return drill(new ControlRequest("start-broker", broker, null));
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Stop Redis, Kafka (every broker, or one: kafka-N), a Redis Cluster node (redis-cluster-N, "
                    + "see 'stack status'), the SSH server, or with --redis-sentinel redis-replica or redis-sentinel-N, "
                    + "of a running stack, for failure drills: a stopped cluster master's replica takes over within seconds.")
    int stopServer(@Parameters(paramLabel = "redis|kafka|redis-cluster-N|sshd") String server) {
        return drill(new ControlRequest("stop", null, server));
    }

    @Command(name = "start", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Start Redis, Kafka, a Redis Cluster node or the SSH server of a running stack again (a cluster "
                    + "master that was replaced comes back as its replica's replica).")
    int startServer(@Parameters(paramLabel = "redis|kafka|redis-cluster-N|sshd") String server) {
        return drill(new ControlRequest("start", null, server));
    }

    private int drill(ControlRequest request) {
        ControlReply reply = new StackClient(dataFolder()).send(request, this::printEvent);
        if (!reply.ok()) {
            err().println("ringside: " + reply.error());
            err().flush();
            return reply.error() != null && reply.error().startsWith("This stack has no") ? ExitCodes.NOT_FOUND
                    : reply.error() != null && reply.error().startsWith("Unknown server") ? ExitCodes.USAGE
                    : ExitCodes.FAILED;
        }
        Status.printTable(out(), reply.state(), dataFolder());
        return ExitCodes.OK;
    }

    @Command(name = "up", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Start the local stack. Foreground by default: Ctrl-C stops every server.")
    static final class Up implements Callable<Integer> {
        @ParentCommand
        StackCommand stack;

        @Mixin
        StackUpOptions options;

        @Option(names = "--detach", description = "Hand the servers to a background supervisor and return once all are ready.")
        boolean detach;

        @Override
        public Integer call() throws Exception {
            Path data = stack.dataFolder();
            StackClient client = new StackClient(data);
            Optional<Long> running = client.supervisorPid();
            if (running.isPresent()) {
                stack.err().println("The local stack in " + data + " is already running (supervisor pid "
                        + running.get() + ").");
                stack.err().flush();
                Optional<StackState> current = client.status();
                if (options.secure && current.isPresent() && !current.get().secure()) {
                    stack.err().println("It runs without --secure; stop it ('ringside stack down') and start it again "
                            + "with --secure to secure it.");
                    stack.err().flush();
                }
                current.ifPresent(s -> Status.printTable(stack.out(), s, data));
                return ExitCodes.OK;
            }
            if (options.secure && !Files.exists(StackSecurity.credentialsFileOf(data))) {
                stack.err().println("Generating the secure stack's CA, certificates and passwords in "
                        + StackSecurity.folderOf(data) + " (first secure start)");
                stack.err().flush();
            }
            if (options.replicas != null && options.replicas > 0 && !options.redisCluster) {
                throw new picocli.CommandLine.ParameterException(stack.spec.commandLine(),
                        "--replicas needs --redis-cluster");
            }
            if (options.dcs != null && options.dcs != 1 && options.nodes() != StackOptions.MAX_NODES) {
                stack.err().println("ringside: --dcs " + options.dcs + " needs --nodes " + StackOptions.MAX_NODES
                        + " (nodes 1 and 2 in dc1, node 3 in dc2)");
                stack.err().flush();
                return ExitCodes.USAGE;
            }
            StackOptions wanted = options.toStackOptions(data);
            return detach ? detach(data) : foreground(wanted);
        }

        private int foreground(StackOptions options) throws InterruptedException {
            ReadyTimes times = new ReadyTimes();
            StackSupervisor supervisor = new StackSupervisor(new LocalStack(options));
            Thread hook = new Thread(supervisor::close, "ringside-stack-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            supervisor.start(event -> {
                times.onEvent(event);
                stack.printEvent(event);
            });
            times.print(stack.err());
            Status.printTable(stack.out(), supervisor.stack().state(), options.dataFolder());
            supervisor.stack().portMoves().forEach(move -> stack.err().println("Port moved: " + move.describe()
                    + " (the local profile follows it; other clients need the new port)"));
            stack.err().println("Stack is up. Press Ctrl-C (or run 'ringside stack down') to stop it.");
            stack.err().flush();
            supervisor.awaitStopped();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is already running
            }
            return ExitCodes.OK;
        }

        private int detach(Path data) throws IOException, InterruptedException {
            Path log = data.resolve("stack").resolve("supervisor.log");
            OwnerOnly.file(log);
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                command.add("/usr/bin/setsid");
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(Main.class.getName());
            command.addAll(List.of("--data", data.toString(), "stack", "supervise"));
            command.addAll(options.arguments());
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            StackClient client = new StackClient(data);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (client.supervisorPid().isEmpty()) {
                if (!process.isAlive()) {
                    throw new StackException("The stack supervisor exited with code " + process.exitValue()
                            + " before starting. Last lines of " + log + ":\n  "
                            + String.join("\n  ", io.ringside.core.stack.LogTail.last(log, 15)));
                }
                if (System.nanoTime() > deadline) {
                    process.destroy();
                    throw new StackException("The stack supervisor did not come up within 60 s; see " + log);
                }
                process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            ReadyTimes times = new ReadyTimes();
            ControlReply reply = client.send(ControlRequest.of("events"), event -> {
                times.onEvent(event);
                stack.printEvent(event);
            });
            if (!reply.ok()) {
                stack.err().println("ringside: " + reply.error());
                stack.err().flush();
                return ExitCodes.FAILED;
            }
            times.print(stack.err());
            Status.printTable(stack.out(), reply.state(), data);
            stack.err().println("Stack is up in the background (supervisor log " + log + "). Stop it with 'ringside stack down'.");
            stack.err().flush();
            return ExitCodes.OK;
        }
    }

    /** Time to ready per server, the stack's start-up benchmark figure. */
    static final class ReadyTimes {
        private final long started = System.nanoTime();
        private final Map<String, Long> ready = new LinkedHashMap<>();

        synchronized void onEvent(StackEvent event) {
            if (event.phase() == StackEvent.Phase.READY) {
                ready.put(event.server(), (System.nanoTime() - started) / 1_000_000);
            }
        }

        synchronized void print(PrintWriter err) {
            List<String> parts = new ArrayList<>();
            ready.forEach((server, millis) -> parts.add(String.format("%s %.1f s", server, millis / 1000.0)));
            err.printf("Time to ready: %s; whole stack %.1f s%n", String.join(", ", parts),
                    (System.nanoTime() - started) / 1e9);
            err.flush();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Show each server: up/down, pid, endpoint, version. Exit 0 if all are up, 3 otherwise.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        StackCommand stack;

        @Option(names = "--json", description = "Print one JSON object (the stack.json schema) instead of a table.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            Path data = stack.dataFolder();
            Optional<StackState> state = new StackClient(data).status();
            if (state.isEmpty()) {
                if (json) {
                    stack.out().println("{}");
                } else {
                    stack.err().println("No local stack in " + data + " (never started). Start one with 'ringside stack up'.");
                    printAuditDeadLetters(stack.err(), data);
                }
                stack.out().flush();
                stack.err().flush();
                return ExitCodes.UNREACHABLE;
            }
            if (json) {
                stack.out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(state.get()));
                stack.out().flush();
            } else {
                printTable(stack.out(), state.get(), data);
            }
            return state.get().allUp() ? ExitCodes.OK : ExitCodes.UNREACHABLE;
        }

        static void printTable(PrintWriter out, StackState state, Path data) {
            String format = "%-16s %-5s %-8s %-22s %-10s %-7s %s%n";
            out.printf(format, "SERVER", "STATE", "PID", "ENDPOINT", "VERSION", "MEMORY", "PLACE");
            boolean placed = state.datacenters() > 1;
            for (StackState.CassandraNode node : state.cassandra().nodes()) {
                out.printf(format, "cassandra-" + node.id(), node.up() ? "up" : "down", pid(node.pid()),
                        node.address() + ":" + node.port(), nullToDash(node.version()), memory(node.pid()),
                        placed ? node.datacenterName() + "/" + node.rack() : "");
            }
            StackState.Kafka kafka = state.kafka();
            if (kafka.brokers().isEmpty()) {
                out.printf(format, "kafka", kafka.up() ? "up" : "down", pid(kafka.pid()), kafka.bootstrap(),
                        nullToDash(kafka.version()), memory(kafka.pid()), "");
            }
            for (StackState.KafkaBroker broker : kafka.brokers()) {
                out.printf(format, "kafka-" + broker.id(), broker.up() ? "up" : "down", pid(broker.pid()),
                        kafka.host() + ":" + broker.port(), nullToDash(kafka.version()), memory(broker.pid()), "");
            }
            StackState.Redis redis = state.redis();
            printRedis(out, format, "redis", redis);
            for (StackState.RedisClusterNode node : state.redisCluster()) {
                out.printf(format, node.name(), node.up() ? "up" : "down", pid(node.pid()), node.host() + ":" + node.port(),
                        nullToDash(redis.version()), memory(node.pid()),
                        "cluster " + node.role() + (node.up() ? "" : " (last seen)"));
            }
            StackState.Sshd sshd = state.sshd();
            if (sshd != null) {
                out.printf(format, "sshd", sshd.up() ? "up" : "down", pid(sshd.pid()), sshd.host() + ":" + sshd.port(),
                        "MINA SSHD", memory(sshd.pid()), "");
            }
            StackState.RedisSentinel sentinel = state.redisSentinel();
            if (sentinel != null) {
                printRedis(out, format, "redis-replica", sentinel.replica());
                for (int i = 0; i < sentinel.sentinels().size(); i++) {
                    printRedis(out, format, "redis-sentinel-" + (i + 1), sentinel.sentinels().get(i));
                }
                out.printf("sentinel: master '%s', quorum %d; current master %s%n", sentinel.masterName(),
                        sentinel.quorum(), LocalStack.sentinelMaster(state).orElse("unknown (no sentinel answers)"));
            }
            if (placed) {
                out.printf("data centres: %d; clients of the local profile use %s%n", state.datacenters(),
                        state.localDatacenter());
            }
            out.printf("data folder: %s%s%n", data, state.supervisor() == null ? ""
                    : "  (supervisor pid " + state.supervisor().pid() + ")");
            printSecurity(out, state);
            printSshd(out, state.sshd());
            printAuditDeadLetters(out, data);
            out.flush();
        }

        /** Audit records Kafka refused for good wait for a person, so the status names their file. */
        static void printAuditDeadLetters(PrintWriter out, Path data) {
            Spool deadLetters = AuditLog.deadLetters(data);
            int count = deadLetters.size();
            if (count > 0) {
                out.printf("audit: %d record(s) Kafka will never accept, in the dead-letter file %s "
                        + "(each line gives the reason)%n", count, deadLetters.file());
            }
        }

        /** How to log in to the stack's SSH server: the user and the files, never the secrets themselves. */
        static void printSshd(PrintWriter out, StackState.Sshd sshd) {
            if (sshd == null) {
                return;
            }
            out.printf("sshd: user %s, forwards to 127.0.0.x only; host key %s%n", sshd.user(), sshd.hostKeyFingerprint());
            out.printf("  key:        %s (passphrase in %s, owner only)%n  password:   %s (owner only)%n",
                    sshd.clientKeyFile(), sshd.passphraseFile(), sshd.passwordFile());
        }

        /** Where a secure stack's credentials are; never the passwords themselves. */
        static void printSecurity(PrintWriter out, StackState state) {
            StackState.Security security = state.security();
            if (security == null) {
                return;
            }
            out.printf("secure: user %s on every server; Cassandra TLS + password, Kafka %s (%s, controller too), "
                    + "Redis ACL%s%n",
                    security.username(), security.kafkaSecurityProtocol(), security.kafkaSaslMechanism(),
                    security.redisTls() ? " + TLS" : " (no TLS: this redis-server has none built in)");
            out.printf("  Cassandra JMX: %s%n", StackState.Security.JMX_PASSWORD.equals(security.cassandraJmx())
                    ? "login as " + security.username() + " (password), 127.0.0.1 only, no TLS"
                    : "no login (started by an earlier Ringside: restart the stack to require one)");
            out.printf("  password: %s (owner only)%n  CA file:  %s%n", security.credentialsFile(), security.caFile());
        }

        /** Resident memory of a server's process tree in MiB; "-" when it is not running or cannot be read. */
        private static String memory(Long pid) {
            return ResidentMemory.describe(pid).orElse("-");
        }

        private static void printRedis(PrintWriter out, String format, String name, StackState.Redis redis) {
            out.printf(format, name, redis.up() ? "up" : "down", pid(redis.pid()), redis.host() + ":" + redis.port(),
                    nullToDash(redis.version()), memory(redis.pid()), "");
        }

        private static String pid(Long pid) {
            return pid == null ? "-" : pid.toString();
        }

        private static String nullToDash(String value) {
            return value == null ? "-" : value;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Stop every server of the local stack: asks its supervisor (a console stays open).")
    static final class Down implements Callable<Integer> {
        @ParentCommand
        StackCommand stack;

        /** How long a supervisor that exits after the stack stopped gets to do so; it is not killed after. */
        private static final Duration SUPERVISOR_EXIT = Duration.ofSeconds(10);
        /** How long a supervisor that did not answer gets after SIGTERM before it is killed. */
        private static final Duration SIGTERM_GRACE = Duration.ofSeconds(20);

        @Override
        public Integer call() {
            Path data = stack.dataFolder();
            StackClient client = new StackClient(data);
            Optional<StackState.Supervisor> supervisor = client.supervisor();
            if (supervisor.isPresent()) {
                long pid = supervisor.get().pid();
                boolean console = supervisor.get().console();
                try {
                    ControlReply reply = client.send(ControlRequest.of("down"), stack::printEvent);
                    if (!reply.ok()) {
                        stack.err().println("ringside: " + reply.error());
                        stack.err().flush();
                        return ExitCodes.FAILED;
                    }
                    if (!console) {
                        client.awaitSupervisorExit(pid, SUPERVISOR_EXIT);
                    }
                } catch (RingsideException e) {
                    if (console) {
                        stack.err().println("ringside: " + e.getMessage() + "\nThe console (pid " + pid + ") supervises "
                                + "this stack and did not answer; stop the stack on its Local stack page.");
                        stack.err().flush();
                        return ExitCodes.UNREACHABLE;
                    }
                    stack.err().println("ringside: " + e.getMessage() + "; sending SIGTERM to pid " + pid);
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                    if (!client.awaitSupervisorExit(pid, SIGTERM_GRACE)) {
                        stack.err().println("ringside: supervisor pid " + pid + " did not exit; killing it");
                        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    }
                }
            }
            Optional<StackState> state = client.status();
            if (state.isEmpty()) {
                stack.err().println("No local stack in " + data + ".");
                stack.err().flush();
                return ExitCodes.OK;
            }
            List<Long> leftovers = leftovers(state.get());
            for (long pid : leftovers) {
                stack.err().println("ringside: stopping leftover server process " + pid);
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
            stack.err().println(supervisor.isEmpty() ? "The local stack in " + data + " was not running."
                    : supervisor.get().console() ? "Local stack stopped; the console (pid " + supervisor.get().pid()
                    + ") that supervised it stays open." : "Local stack stopped.");
            stack.err().flush();
            return ExitCodes.OK;
        }

        private static List<Long> leftovers(StackState state) {
            List<Long> pids = new ArrayList<>();
            state.cassandra().nodes().stream().filter(StackState.CassandraNode::up).forEach(n -> pids.add(n.pid()));
            state.kafka().brokerList().stream().filter(StackState.KafkaBroker::up).forEach(b -> pids.add(b.pid()));
            if (state.redis().up()) {
                pids.add(state.redis().pid());
            }
            state.redisCluster().stream().filter(StackState.RedisClusterNode::up).forEach(n -> pids.add(n.pid()));
            StackState.RedisSentinel sentinel = state.redisSentinel();
            if (sentinel != null) {
                java.util.stream.Stream.concat(java.util.stream.Stream.of(sentinel.replica()), sentinel.sentinels().stream())
                        .filter(StackState.Redis::up).forEach(r -> pids.add(r.pid()));
            }
            return pids;
        }
    }

    /** The background supervisor behind {@code stack up --detach}; not for direct use. */
    @Command(name = "supervise", hidden = true)
    static final class Supervise implements Callable<Integer> {
        @ParentCommand
        StackCommand stack;

        @Mixin
        StackUpOptions options;

        @Override
        public Integer call() throws InterruptedException {
            StackSupervisor supervisor = new StackSupervisor(new LocalStack(options.toStackOptions(stack.dataFolder())));
            Runtime.getRuntime().addShutdownHook(new Thread(supervisor::close, "ringside-stack-shutdown"));
            supervisor.start(stack::printEvent);
            supervisor.awaitStopped();
            return ExitCodes.OK;
        }
    }
}
