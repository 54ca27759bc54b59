package io.ringside.bench.cli;

import io.ringside.bench.MetadataFixtures;
import io.ringside.bench.ui.FxThreadCpu;
import io.ringside.bench.ui.MetadataUiBenchmark;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.HeadlessFx;
import io.ringside.cli.VersionProvider;
import io.ringside.core.RingsideException;
import io.ringside.core.cassandra.CassandraServices;
import io.ringside.core.connect.Backends;
import io.ringside.core.stack.LocalStack;
import io.ringside.core.stack.StackOptions;
import io.ringside.core.stack.StackState;
import io.ringside.core.stack.StackSupervisor;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringside bench metadata}: the Streams and Cluster pages with metadata at the size
 * operators have. Starts a stack of its own in a fresh data folder (default ports plus
 * {@code --port-offset}), creates the fixtures there ({@link MetadataFixtures}), times each page
 * from activation to ready beside the same reads without a page ({@link MetadataUiBenchmark}),
 * and stops the stack and deletes its folder at the end. Fixtures are checked complete (every
 * topic served by the broker, every group lagging, every keyspace's tables) before anything is
 * timed: a page waiting for a topic the broker has not loaded yet would be timed as slow.
 */
@Command(name = "metadata", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Streams topics, groups with lag and the Cluster schema tree at scale, against the reads alone.",
            "Starts a stack of its own in a fresh data folder (default ports + --port-offset), creates --topics topics",
            "of --partitions partitions, --groups consumer groups with lag and --keyspaces keyspaces of --tables tables,",
            "then times each page from activation to ready (targets: topics < 1.0 s, groups < 2.0 s, schema tree",
            "< 0.5 s, page/limit <= 1.5x) and the FX thread's longest pause (CPU per pulse <= 50 ms). Stops the stack",
            "and deletes its folder at the end unless --keep; --stack-folder runs again on a kept folder, making only the",
            "fixtures missing there, and measures nothing while any is still missing. The page and the reads alone are",
            "timed in turn, each once the JVM is quiet. Without a display it runs headless with Monocle."})
final class BenchMetadataCommand implements Callable<Integer> {

    private static final double TOPICS_TARGET_MILLIS = 1000;
    private static final double GROUPS_TARGET_MILLIS = 2000;
    private static final double SCHEMA_TARGET_MILLIS = 500;
    private static final double RATIO_TARGET = 1.5;

    @Spec
    CommandSpec spec;

    @Option(names = "--topics", paramLabel = "N", defaultValue = "2000", description = "Topics (default: ${DEFAULT-VALUE}).")
    int topics;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "6",
            description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--groups", paramLabel = "N", defaultValue = "500",
            description = "Consumer groups, each lagging on one topic (default: ${DEFAULT-VALUE}).")
    int groups;

    @Option(names = "--keyspaces", paramLabel = "N", defaultValue = "50", description = "Keyspaces (default: ${DEFAULT-VALUE}).")
    int keyspaces;

    @Option(names = "--tables", paramLabel = "N", defaultValue = "10",
            description = "Tables per keyspace (default: ${DEFAULT-VALUE}).")
    int tables;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Times each page is made and loaded; the median is judged (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--port-offset", paramLabel = "N", defaultValue = "1400",
            description = "Added to every default port of the benchmark's stack (default: ${DEFAULT-VALUE}).")
    int portOffset;

    @Option(names = "--keep", description = "Leave the data folder in place (printed at the end) for --stack-folder.")
    boolean keep;

    @Option(names = "--stack-folder", paramLabel = "DIR", description = {"The stack's data folder, kept at the end: a"
            + " folder an earlier run left (--keep) restarts its stack with the fixtures made, and only missing ones"
            + " are created. Default: a fresh temporary folder."})
    Path stackFolder;

    @Override
    public Integer call() throws IOException {
        if (topics < 1 || partitions < 1 || groups < 1 || keyspaces < 1 || tables < 1 || rounds < 1) {
            throw new IllegalArgumentException("--topics, --partitions, --groups, --keyspaces, --tables and --rounds"
                    + " must be at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Consumer<String> progress = line -> {
            err.println("bench metadata: " + line);
            err.flush();
        };
        HeadlessFx.configureIfNeeded(err);
        MetadataFixtures.Size size = new MetadataFixtures.Size(topics, partitions, groups, keyspaces, tables);
        boolean reused = stackFolder != null;
        Path data = reused ? Files.createDirectories(stackFolder) : Files.createTempDirectory("ringside-bench-metadata-");
        StackSupervisor supervisor = new StackSupervisor(new LocalStack(
                StackOptions.defaults(data).withPortOffset(portOffset)));
        try {
            progress.accept((reused ? "starting the benchmark's stack in " : "starting a stack of its own in ") + data);
            StackState state = supervisor.start(event -> progress.accept(event.describe()));
            out.printf(Locale.ROOT, "stack\tKafka %s (pid %d), Cassandra %s (pid %d)%n", state.kafka().bootstrap(),
                    state.kafka().pid(), state.cassandra().nodes().get(0).address() + ":"
                            + state.cassandra().nodes().get(0).port(), state.cassandra().nodes().get(0).pid());
            out.printf(Locale.ROOT, "fixtures\t%s%n", size.describe());
            Map<String, Object> kafka = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, state.kafka().bootstrap());
            createKafkaFixtures(kafka, size, state, out, progress);
            createSchema(state, size, out, progress);
            out.flush();
            try (CqlSession session = cql(state)) {
                MetadataUiBenchmark benchmark = new MetadataUiBenchmark(kafka, new CassandraServices(() -> session), progress);
                List<MetadataUiBenchmark.Phase> phases = benchmark.run(new MetadataUiBenchmark.Expected(topics, groups,
                        keyspaces), rounds);
                boolean met = print(out, phases.get(0), TOPICS_TARGET_MILLIS);
                met &= print(out, phases.get(1), GROUPS_TARGET_MILLIS);
                met &= print(out, phases.get(2), SCHEMA_TARGET_MILLIS);
                out.println(FxThreadCpu.verdict(met, String.format(Locale.ROOT, ", topics < %.1f s, groups < %.1f s,"
                        + " schema tree < %.1f s, page/limit <= %.1fx", TOPICS_TARGET_MILLIS / 1000,
                        GROUPS_TARGET_MILLIS / 1000, SCHEMA_TARGET_MILLIS / 1000, RATIO_TARGET)));
            }
            out.printf(Locale.ROOT, "memory after the run\tKafka RSS %s, Cassandra RSS %s%n", rss(state.kafka().pid()),
                    rss(state.cassandra().nodes().get(0).pid()));
            out.flush();
            return ExitCodes.OK;
        } finally {
            // The servers are this process's children and stop with it, so the stack is stopped
            // here in every case; what --keep and --stack-folder keep is the folder, fixtures included.
            supervisor.close();
            if (keep || reused) {
                progress.accept("stack stopped, folder kept: the next run takes --stack-folder " + data);
            } else {
                BenchExportCommand.deleteTree(data);
            }
        }
    }

    private static void createKafkaFixtures(Map<String, Object> kafka, MetadataFixtures.Size size, StackState state,
                                            PrintWriter out, Consumer<String> progress) {
        Map<String, Object> slow = new java.util.HashMap<>(kafka);
        slow.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000);
        slow.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 300_000);
        try (Admin admin = Admin.create(slow)) {
            String before = rss(state.kafka().pid());
            Duration created = MetadataFixtures.createTopics(admin, size, progress);
            if (created.isZero()) {
                out.printf(Locale.ROOT, "topics\t%,d topics / %,d partitions there already (an earlier run's)%n",
                        size.topics(), size.totalPartitions());
            } else {
                out.printf(Locale.ROOT, "topics created\t%,d topics / %,d partitions in %.1f s (%.1f ms a partition);"
                                + " Kafka RSS %s before, %s after%n", size.topics(), size.totalPartitions(),
                        created.toMillis() / 1000.0, (double) created.toMillis() / size.totalPartitions(), before,
                        rss(state.kafka().pid()));
            }
            out.flush();
            // A made topic (or a restarted broker's) is not served at once; nothing names one before it is.
            Duration served = MetadataFixtures.awaitTopicMetadata(admin, size, Duration.ofMinutes(5), progress);
            out.printf(Locale.ROOT, "topic metadata\tserved for all %,d topics after %.1f s%n", size.topics(),
                    served.toMillis() / 1000.0);
            Duration grouped = MetadataFixtures.createGroups(admin, kafka, size, progress);
            out.printf(Locale.ROOT, grouped.isZero() ? "groups\t%,d groups with lag there already (an earlier run's)%n"
                    : "groups created\t%,d groups with committed offsets and lag in %.1f s%n", size.groups(),
                    grouped.toMillis() / 1000.0);
            out.flush();
            complete("Kafka", MetadataFixtures.kafkaProblems(admin, size));
        }
    }

    /**
     * Ends the run before any page is timed when the fixtures are not all there (an earlier run
     * stopped half-way on a kept folder and making the missing ones did not complete them).
     */
    private static void complete(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new RingsideException("The " + what + " fixtures are incomplete, so nothing is measured: "
                    + String.join("; ", problems) + ". Run again on the folder to make what is missing, or use a fresh"
                    + " folder");
        }
    }

    private static void createSchema(StackState state, MetadataFixtures.Size size, PrintWriter out,
                                     Consumer<String> progress) {
        // No wait for schema agreement after each change (one node) and no schema metadata kept: the
        // connection makes the tables and nothing else.
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ZERO)
                .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(120))
                .build();
        try (CqlSession session = CqlSession.builder().addContactPoints(contactPoints(state))
                .withLocalDatacenter("datacenter1").withConfigLoader(config).build()) {
            Duration created = MetadataFixtures.createSchema(session, size, progress);
            out.printf(Locale.ROOT, created.isZero() ? "schema\t%d keyspaces / %,d tables there already (an earlier run's)%n"
                    : "schema created\t%d keyspaces / %,d tables in %.1f s%n", size.keyspaces(), size.tables(),
                    created.toMillis() / 1000.0);
            complete("schema", MetadataFixtures.schemaProblems(session, size));
        }
    }

    private static CqlSession cql(StackState state) {
        return Backends.openCql(contactPoints(state), "datacenter1", Duration.ofSeconds(60));
    }

    private static List<InetSocketAddress> contactPoints(StackState state) {
        return state.cassandra().nodes().stream().map(n -> new InetSocketAddress(n.address(), n.port())).toList();
    }

    private static boolean print(PrintWriter out, MetadataUiBenchmark.Phase phase, double targetMillis) {
        boolean timeMet = phase.page() < targetMillis;
        boolean ratioMet = phase.ratio() <= RATIO_TARGET;
        out.printf(Locale.ROOT, "%s\tpage %.0f ms (target < %.0f ms: %s)\tlimit %.0f ms\tratio %.2fx (target <= %.1fx: %s)"
                        + "\trounds %s%n", phase.name(), phase.page(), targetMillis, timeMet ? "met" : "missed",
                phase.limit(), phase.ratio(), RATIO_TARGET, ratioMet ? "met" : "missed", rounds(phase));
        out.println(phase.name() + " FX\t" + phase.pulses().describe());
        out.flush();
        return timeMet && ratioMet && phase.pulses().cpu().met();
    }

    private static String rounds(MetadataUiBenchmark.Phase phase) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < phase.pageMillis().size(); i++) {
            text.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f/%.0f ms",
                    phase.pageMillis().get(i), phase.limitMillis().get(i)));
        }
        return text.toString();
    }

    /** The resident memory of a server process, from /proc (Linux); "n/a" elsewhere. */
    private static String rss(Long pid) {
        if (pid == null) {
            return "n/a";
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid.toString(), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%,d MB", kb / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
        return "n/a";
    }
}
