package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.RingsideException;
import io.ringside.core.connect.ProfileStore;
import io.ringside.ui.app.ConsoleLauncher;
import io.ringside.ui.app.SnapshotResult;
import io.ringside.ui.settings.TrendPreset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ringside console} (also what {@code ringside} alone runs): opens the desktop console, or
 * with {@code --snapshot} writes a PNG of one view and exits (0 written, 1 the view failed to
 * load, 2 a view not built yet).
 */
@Command(name = "console", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Open the desktop console (starts or attaches to the local stack).",
            "Without --profile it opens on the profile used last (the local stack if none); "
                + "--snapshot defaults to the local stack."})
public final class ConsoleCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--view", paramLabel = "VIEW",
            description = "Page to open: stack, cluster, cache, jobs, trends, streams, cql, welcome.")
    String view;

    @Option(names = "--snapshot", paramLabel = "FILE.png",
            description = "Write a PNG of the window once the view has loaded, then exit (needs --view; "
                    + "runs headless without a display).")
    Path snapshot;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "Snapshot mode: how long the view may take to load (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--location", paramLabel = "LOCATION",
            description = "Trends page: a location to chart (repeatable; default: the first location).")
    List<String> locations;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
            description = "Trends page: first day, inclusive (default: the first stored day).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD",
            description = "Trends page: last day, inclusive (default: the last stored day).")
    LocalDate to;

    @Override
    public Integer call() {
        if (snapshot != null) {
            if (view == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--snapshot needs --view");
            }
            new ProfileStore(main.dataFolder()).get(main.profile());
            if (from != null && to != null && to.isBefore(from)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
            }
            SnapshotResult result = ConsoleLauncher.snapshot(main.dataFolder(), main.profile(), view, snapshot,
                    Duration.ofSeconds(timeoutSeconds), new TrendPreset(locations, from, to));
            PrintWriter err = spec.commandLine().getErr();
            err.println(result.message());
            err.flush();
            return result.exitCode();
        }
        return run(main, view);
    }

    public int run(Main main) {
        return run(main, null);
    }

    /**
     * The interactive console opens on {@code --profile}, else on the profile used last (the local
     * stack when none is remembered or it was deleted). Snapshot mode and the data commands keep
     * {@code local} as their default, so scripts do not depend on what someone clicked last.
     */
    private int run(Main main, String initialView) {
        ProfileStore profiles = new ProfileStore(main.dataFolder());
        String profile = main.profileGiven() ? main.profile()
                : ConsoleLauncher.startProfile(main.dataFolder(), profiles);
        profiles.get(profile);
        var missing = DesktopLibraries.problem();
        if (missing.isPresent()) {
            if (DesktopLibraries.launchedByMaven()) {
                // mvn javafx:run turns any other exit into a page of build failure that buries this line
                System.err.println("ringside: " + missing.get());
                return ExitCodes.OK;
            }
            throw new RingsideException(missing.get());
        }
        ConsoleLauncher.launch(main.dataFolder(), profile, initialView);
        return ExitCodes.OK;
    }
}
