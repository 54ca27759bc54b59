package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.stack.StackClient;
import io.ringside.ui.app.ConsoleLauncher;
import io.ringside.ui.app.SnapshotResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ringside screenshots DIR}: the README's screenshots in one command. Brings the local
 * stack up (detached, unless one runs), loads the sample data the welcome page loads, then runs
 * snapshot mode for every page, writing {@code DIR/<page>.png}; a stack it started is stopped
 * again. The pages are shot in an order that lets each show data: Trends reads through the cache
 * before the Cache page lists the keys it left. The CQL page is shot with a statement run and the
 * Messages tab with a search made; a page that can no longer do that is not written.
 */
@Command(name = "screenshots", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write a PNG of every console page to DIR/<page>.png against the local stack, after loading "
                + "the sample data (the PM2.5 sample, and Fashion-MNIST when installed).",
            "Starts the local stack detached if it is not running and stops it again afterwards. Exit 1 if a page "
                + "failed to load, or the CQL statement or the Messages search it shows failed."})
public final class ScreenshotsCommand implements Callable<Integer> {

    /**
     * Shooting order: every page of the rail, the Streams page once more on its Messages tab with a
     * search made ({@code messages}), the CQL page with a statement run.
     */
    static final List<String> PAGES = ConsoleLauncher.screenshotNames();
    /** Larger than the console's default window, so wide pages (Trends) are not cut off. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Where the PNGs go (created if needed), e.g. docs/screenshots.")
    Path dir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "How long each page may take to load (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--skip-samples", description = "Do not load the sample data (it is already there).")
    boolean skipSamples;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path data = main.dataFolder();
        boolean started = false;
        if (new StackClient(data).supervisorPid().isEmpty()) {
            check(ringside("stack", "up", "--detach"), "stack up --detach");
            started = true;
        }
        try {
            if (!skipSamples) {
                loadSamples();
            }
            Files.createDirectories(dir);
            List<String> failed = new ArrayList<>();
            for (String page : PAGES) {
                Path png = dir.resolve(page + ".png");
                SnapshotResult result = ConsoleLauncher.screenshot(data, ConnectionProfile.LOCAL, page, png,
                        Duration.ofSeconds(timeoutSeconds), WIDTH, HEIGHT);
                err.println(page + ": " + result.message());
                err.flush();
                if (result.exitCode() != SnapshotResult.WRITTEN) {
                    failed.add(page);
                }
            }
            if (!failed.isEmpty()) {
                err.println("Not written: " + String.join(", ", failed));
                err.flush();
                return ExitCodes.FAILED;
            }
            return ExitCodes.OK;
        } finally {
            if (started) {
                ringside("stack", "down");
            }
        }
    }

    private void loadSamples() {
        check(ringside("load", "pm25", "--sample"), "load pm25 --sample");
        if (Files.isRegularFile(ConsoleLauncher.FASHION_MNIST)) {
            check(ringside("load", "dataset", ConsoleLauncher.FASHION_MNIST_DATASET, ConsoleLauncher.FASHION_MNIST.toString(),
                    "--kind", "idx"), "load dataset");
        }
    }

    /** Runs another command of this CLI in this process, on the same data folder. */
    private int ringside(String... args) {
        List<String> all = new ArrayList<>(List.of("--data", main.dataFolder().toString()));
        all.addAll(List.of(args));
        return Main.commandLine().execute(all.toArray(String[]::new));
    }

    private void check(int exitCode, String what) {
        if (exitCode != ExitCodes.OK) {
            throw new CommandLine.ExecutionException(spec.commandLine(), "'ringside " + what + "' failed (exit "
                    + exitCode + ")");
        }
    }
}
