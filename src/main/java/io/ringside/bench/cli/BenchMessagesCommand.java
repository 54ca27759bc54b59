package io.ringside.bench.cli;

import io.ringside.Main;
import io.ringside.bench.MessagesBenchmark;
import io.ringside.cli.DataCommandSupport;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.VersionProvider;
import io.ringside.core.BuildInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside bench messages}: the message search against kcat | grep and a bare consumer loop. */
@Command(name = "messages", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Seed N JSON messages (about 230 bytes, 7%% failed) into one partition of a topic of its own, search "
                + "for $.state == \"failed\" with Ringside's search, kcat -C -e | grep -c and a bare Java consumer loop "
                + "with a substring test; medians of the rounds after one warm-up.",
            "The topic is deleted afterwards. Runs in a JVM with the console's options (started for it when this "
                + "one lacks them): the RSS growth is the console's."})
final class BenchMessagesCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--messages", defaultValue = "1000000", description = "Messages to seed (default ${DEFAULT-VALUE}).")
    long messages;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds; medians are printed (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--topic", paramLabel = "NAME",
            description = "Search this topic, seeded by an earlier run with --keep-topic, instead of seeding a new one "
                    + "(its partition 0 must hold exactly --messages messages).")
    String topic;

    @Option(names = "--keep-topic", description = "Leave the seeded topic in place and print its name, for --topic.")
    boolean keepTopic;

    @Option(names = "--jvm-as-is", description = "Measure in this JVM whatever its options (e.g. to profile it); "
            + "the RSS growth is then not the console's.")
    boolean jvmAsIs;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (messages <= 0 || rounds <= 0) {
            throw new IllegalArgumentException("--messages and --rounds must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> console = BuildInfo.consoleJvmOptions();
        boolean asConsole = ManagementFactory.getRuntimeMXBean().getInputArguments().containsAll(console);
        if (!asConsole && !jvmAsIs) {
            err.println("bench messages: this JVM lacks the console's options (" + String.join(" ", console)
                    + "); measuring in a JVM started with them");
            err.flush();
            return new ProcessBuilder(asConsole()).inheritIO().start().waitFor();
        }
        MessagesBenchmark.Result r = DataCommandSupport.withBackends(bench.main(), backends -> {
            try {
                return new MessagesBenchmark(backends.kafkaProperties(), line -> {
                    err.println(line);
                    err.flush();
                }).run(messages, rounds, topic, keepTopic);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("bench messages failed: " + e.getMessage(), e);
            }
        });
        out.printf(Locale.ROOT, "JVM options                     %s%n", asConsole
                ? "the console's (" + String.join(" ", console) + ")"
                : "NOT the console's (--jvm-as-is): the RSS growth below is not the console's");
        out.printf(Locale.ROOT, "messages %s                 %,d (%,d failed expected; %.1f s)%n",
                topic == null ? "seeded" : "reused", r.messages(), r.expectedMatches(), r.seedMs() / 1000);
        out.printf(Locale.ROOT, "Ringside search (%s)  %,.0f ms, %,d matches%n", MessagesBenchmark.CONDITION,
                r.searchMedian(), r.matches());
        out.printf(Locale.ROOT, "search, 32/64 MiB fetches       %,.0f ms%n", r.bigFetchMedian());
        out.printf(Locale.ROOT, "bare consumer + substring       %,.0f ms, %,d matches%n", r.bareMedian(), r.bareMatches());
        out.println(r.kcatMedian().map(ms -> String.format(Locale.ROOT, "kcat -C -e | grep -c            %,.0f ms, %,d matches",
                ms, r.kcatMatches())).orElse("kcat -C -e | grep -c            " + r.kcatNote()));
        out.println(r.kcatMedian().map(ms -> String.format(Locale.ROOT, "ratio search / kcat|grep        %.2fx (target <= 1.0)",
                r.searchMedian() / ms)).orElse("ratio search / kcat|grep        " + r.kcatNote()));
        out.printf(Locale.ROOT, "ratio search / bare consumer    %.2fx%n", r.searchMedian() / r.bareMedian());
        double perMillion = 1e6 / r.messages();
        out.printf(Locale.ROOT, "search CPU per 1M messages      %,.0f ms its threads (calling and fetch), %,.0f ms the whole JVM (GC, JIT)%n",
                r.searchThreadCpuMedian() * perMillion, r.searchProcessCpuMedian() * perMillion);
        out.printf(Locale.ROOT, "bare consumer CPU per 1M        %,.0f ms its thread%n", r.bareThreadCpuMedian() * perMillion);
        out.println(r.kcatCpuMedian().map(ms -> String.format(Locale.ROOT,
                "kcat|grep CPU per 1M            %,.0f ms (user + sys of kcat, grep and their shell)", ms * perMillion))
                .orElse("kcat|grep CPU per 1M            (not measured: no kcat or no /proc)"));
        out.printf(Locale.ROOT, "first match after               %.1f ms (target < 200)%n", r.firstMatchMs());
        out.printf(Locale.ROOT, "RSS growth during a search      %,d MB the first (heap pages touched the first time), "
                + "%,d MB at most a later one (after seeding and GC %,d MB; target < 100)%n", r.firstSearchGrowthBytes() >> 20,
                (r.rssPeakBytes() - r.rssBeforeBytes()) >> 20, r.rssBeforeBytes() >> 20);
        out.println("FX-thread CPU per pulse while the Messages tab fills: see bench messages-ui");
        if (keepTopic) {
            out.println("topic kept                      " + r.topic() + " (search it again with --topic " + r.topic() + ")");
        }
        out.flush();
        return r.matches() == r.expectedMatches() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * This command again in a JVM with the console's options and this JVM's system properties; not
     * its other options (a collector of its own would clash with the console's, a recording's file
     * would be written by both JVMs): to profile, pass the console's options and the profiler's.
     */
    private List<String> asConsole() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("-D"))
                .forEach(command::add);
        command.addAll(BuildInfo.consoleJvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data", bench.main().dataFolder().toString(), "--profile", bench.main().profile(),
                "bench", "messages", "--messages", Long.toString(messages), "--rounds", Integer.toString(rounds)));
        if (topic != null) {
            command.addAll(List.of("--topic", topic));
        }
        if (keepTopic) {
            command.add("--keep-topic");
        }
        return command;
    }
}
