package io.ringside.bench.cli;

import io.ringside.bench.BenchRows;
import io.ringside.bench.ui.ClusterUiBenchmark;
import io.ringside.bench.ui.FxThreadCpu;
import io.ringside.cli.DataCommandSupport;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.HeadlessFx;
import io.ringside.cli.VersionProvider;
import io.ringside.core.RingsideException;
import io.ringside.core.cassandra.CassandraServices;
import io.ringside.core.stack.ControlReply;
import io.ringside.core.stack.ControlRequest;
import io.ringside.core.stack.StackClient;
import io.ringside.core.stack.StackState;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ringside bench cluster-ui}: the FX thread's work on the Cluster screen while it pages
 * through a large table and while a node is stopped. Judged by the FX thread's own CPU per pulse
 * ({@link FxThreadCpu}); the wall-clock pauses are printed beside it.
 */
@Command(name = "cluster-ui", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The Cluster screen's FX-thread CPU per pulse while paging a large table and while a node stops.",
            "Opens the Cluster screen on the profile's stack, pages through a scratch table of --rows rows, opens",
            "the Nodes tab and keeps it shown for --refreshes health refreshes, opens each of the node's detail",
            "tabs (thread pools, caches, clients) for the first time and, on a local stack with two or",
            "more nodes, stops node --node (and starts it again); prints per phase the",
            "FX pauses and the FX thread's CPU time per pulse (target p99 <= 16 ms, max <= 50 ms). Without a",
            "display it runs headless if Monocle is on the classpath, or under xvfb-run."})
public final class BenchClusterUiCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "100000",
            description = "Rows in the scratch table ringside_bench.browse_rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "1000",
            description = "Rows per page while browsing (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--max-pages", paramLabel = "N", defaultValue = "" + Integer.MAX_VALUE,
            description = "Stop browsing after N pages (default: every page).")
    int maxPages;

    @Option(names = "--skip-fill", description = "Browse the scratch table as it is (it was filled by an earlier run).")
    boolean skipFill;

    @Option(names = "--node", paramLabel = "N", defaultValue = "2",
            description = "Local-stack node to stop and start again (default: ${DEFAULT-VALUE}).")
    int node;

    @Option(names = "--no-node-stop", description = "Skip the node stop (browsing and the Nodes tab only).")
    boolean noNodeStop;

    @Option(names = "--refreshes", paramLabel = "N", defaultValue = "3",
            description = "Health refreshes (5 s apart) measured with the Nodes tab shown (default: ${DEFAULT-VALUE}).")
    int refreshes;

    @Override
    public Integer call() {
        if (rows < 1 || pageSize < 1 || maxPages < 1 || refreshes < 1) {
            throw new IllegalArgumentException("--rows, --page-size, --max-pages and --refreshes must be at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        HeadlessFx.configureIfNeeded(err);
        StackClient stack = new StackClient(bench.main().dataFolder());
        ClusterUiBenchmark.NodeDrill drill = noNodeStop ? null : drill(stack, err);
        ClusterUiBenchmark.Figures figures = DataCommandSupport.withBackends(bench.main(), backends -> {
            if (!skipFill) {
                err.printf("bench cluster-ui: writing %,d rows into %s.%s%n", rows, BenchRows.KEYSPACE, BenchRows.TABLE);
                err.flush();
                BenchRows.fill(backends.cql(), rows);
            }
            return new ClusterUiBenchmark(new CassandraServices(backends::cql), line -> {
                err.println("bench cluster-ui: " + line);
                err.flush();
            }).run(BenchRows.KEYSPACE, BenchRows.TABLE, pageSize, maxPages, refreshes, drill);
        });
        out.printf(Locale.ROOT, "browse\t%d rows\t%d pages of %d\t%.1f s%n", figures.rows(), figures.pages(), pageSize,
                figures.browseSeconds());
        boolean met = figures.idle().print(out, "idle (screen open, polling)");
        met &= figures.firstPage().print(out, "first page (cold)");
        met &= figures.browse().print(out, "browse (pages 2..n)");
        met &= figures.nodesTab().opened().print(out, "Nodes tab opened (first time)");
        met &= figures.nodesTab().shown().print(out, "Nodes tab shown (" + figures.nodesTab().refreshes() + " refreshes)");
        for (ClusterUiBenchmark.DetailTabFigures tab : figures.nodesTab().detailTabs()) {
            met &= tab.opened().print(out, tab.tab() + " tab opened (first time)");
        }
        if (figures.node().isPresent()) {
            ClusterUiBenchmark.NodeFigures nodeFigures = figures.node().get();
            met &= nodeFigures.pauses().print(out, "node " + node + " stopped");
            out.printf(Locale.ROOT, "DN shown after the driver noticed\t%.0f ms\t(target < 2000 ms); %.0f ms after the stop%n",
                    nodeFigures.shownAfterDriverMillis(), nodeFigures.shownAfterStopMillis());
        } else {
            out.println("node stop\tskipped" + (noNodeStop ? "" : "\t(needs a local stack with node " + node
                    + ": ringside stack up --nodes 2)"));
        }
        out.println(FxThreadCpu.verdict(met));
        out.flush();
        return ExitCodes.OK;
    }


    private ClusterUiBenchmark.NodeDrill drill(StackClient stack, PrintWriter err) {
        Optional<StackState> state = stack.status();
        if (state.isEmpty() || state.get().cassandra().nodes().size() < Math.max(2, node)) {
            err.println("bench cluster-ui: no local stack with node " + node + "; the node-stop phase is skipped");
            err.flush();
            return null;
        }
        String address = state.get().node(node).address();
        return new ClusterUiBenchmark.NodeDrill() {
            @Override
            public String address() {
                return address;
            }

            @Override
            public void stop() {
                send(stack, new ControlRequest("stop-node", node, null));
            }

            @Override
            public void start() {
                send(stack, new ControlRequest("start-node", node, null));
            }
        };
    }

    private static void send(StackClient stack, ControlRequest request) {
        ControlReply reply = stack.send(request, event -> { });
        if (!reply.ok()) {
            throw new RingsideException(request.command() + " " + request.node() + " failed: " + reply.error());
        }
    }
}
