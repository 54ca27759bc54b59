package io.ringside.bench.cli;

import io.ringside.bench.ui.FxThreadCpu;
import io.ringside.bench.ui.UiProgressBenchmark;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.HeadlessFx;
import io.ringside.cli.VersionProvider;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringside bench ui-progress}: the Jobs screen under 20 jobs publishing 50 events/s each;
 * the 99th-percentile lag from an event to its bar (target below 100 ms) and the FX thread's CPU
 * time per pulse ({@link FxThreadCpu}), with the wall-clock pauses beside it. Needs no stack.
 */
@Command(name = "ui-progress", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The Jobs screen under a stream of progress events: lag to the bars and FX-thread CPU per pulse.",
            "Opens the Jobs screen fed by --jobs synthetic jobs publishing --rate progress events a second each;",
            "prints the p99 lag from an event's production to its progress bar (target < 100 ms), the FX pauses",
            "and the FX thread's CPU time per pulse (target p99 <= 16 ms, max <= 50 ms). Without a display it",
            "runs headless if Monocle is on the classpath."})
final class BenchUiProgressCommand implements Callable<Integer> {

    private static final double LAG_TARGET_MILLIS = 100;

    @Spec
    CommandSpec spec;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "20", description = "Jobs (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "50",
            description = "Events a second per job (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "20",
            description = "Measured time after a 3 s warm-up (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Override
    public Integer call() {
        if (jobs < 1 || rate < 1 || rate > 1000 || seconds < 1) {
            throw new IllegalArgumentException("--jobs and --seconds must be at least 1, --rate between 1 and 1000");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        HeadlessFx.configureIfNeeded(err);
        UiProgressBenchmark.Figures f = new UiProgressBenchmark(line -> {
            err.println("bench ui-progress: " + line);
            err.flush();
        }).run(jobs, rate, Duration.ofSeconds(seconds));
        out.printf(Locale.ROOT, "events\t%,d produced in %d s (%,.0f/s)\t%,d bar updates (%.1f events per update)%n",
                f.produced(), seconds, (double) f.produced() / seconds, f.barUpdates(),
                f.barUpdates() == 0 ? 0.0 : (double) f.produced() / f.barUpdates());
        out.printf(Locale.ROOT, "event -> bar lag\tp50 %.1f ms\tp99 %.1f ms\tmax %.1f ms\t(target p99 < %.0f ms: %s)%n",
                f.lagP50Millis(), f.lagP99Millis(), f.lagMaxMillis(), LAG_TARGET_MILLIS,
                f.lagP99Millis() < LAG_TARGET_MILLIS ? "met" : "missed");
        out.println("FX thread\t" + f.pulses().describe());
        out.println(FxThreadCpu.verdict(f.pulses().cpu().met() && f.lagP99Millis() < LAG_TARGET_MILLIS,
                String.format(Locale.ROOT, ", event -> bar lag p99 < %.0f ms", LAG_TARGET_MILLIS)));
        out.flush();
        return ExitCodes.OK;
    }
}
