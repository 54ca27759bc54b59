package io.ringside;

import io.ringside.bench.cli.BenchCommand;
import io.ringside.cli.CacheCommand;
import io.ringside.cli.ConsoleCommand;
import io.ringside.cli.CqlCommand;
import io.ringside.cli.DatasetCommand;
import io.ringside.cli.ExportCommand;
import io.ringside.cli.EvictCommand;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.GroupsCommand;
import io.ringside.cli.JobsCommand;
import io.ringside.cli.KeysCommand;
import io.ringside.cli.LoadCommand;
import io.ringside.cli.MessagesCommand;
import io.ringside.cli.Pm25Command;
import io.ringside.cli.ProduceCommand;
import io.ringside.cli.ProfilesCommand;
import io.ringside.cli.ScreenshotsCommand;
import io.ringside.cli.StackCommand;
import io.ringside.cli.TopicsCommand;
import io.ringside.cli.TtlCommand;
import io.ringside.cli.ValueConverters;
import io.ringside.cli.VersionProvider;
import io.ringside.cli.WarmCommand;
import io.ringside.cli.WorkerCommand;
import io.ringside.core.DataFolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The single entry point: with no command it opens the console, otherwise it runs a CLI command.
 * It deliberately does not extend {@code javafx.application.Application}, so the app starts from
 * a plain classpath as well as from the module path {@code mvn javafx:run} uses.
 */
@Command(name = "ringside", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Administration console and CLI for a Cassandra + Redis + Kafka data stack.",
        subcommands = {StackCommand.class, LoadCommand.class, ExportCommand.class, Pm25Command.class, DatasetCommand.class, WarmCommand.class,
            BenchCommand.class,
            WorkerCommand.class, JobsCommand.class,
            KeysCommand.class,
            EvictCommand.class,
            TtlCommand.class,
            CacheCommand.class,
            TopicsCommand.class, MessagesCommand.class, ProduceCommand.class, GroupsCommand.class,
            CqlCommand.class,
            ProfilesCommand.class,
            ConsoleCommand.class, CommandLine.HelpCommand.class,
            ScreenshotsCommand.class})
public final class Main implements Callable<Integer> {

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data folder (default: $RINGSIDE_HOME, $XDG_DATA_HOME/ringside or ~/.local/share/ringside).")
    Path data;

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME", defaultValue = "local",
            description = "Connection profile (default: ${DEFAULT-VALUE}, the local stack).")
    String profile;

    public Path dataFolder() {
        return DataFolder.resolve(data);
    }

    public String profile() {
        return profile;
    }

    @Spec
    CommandSpec spec;

    /** True when {@code --profile} was on the command line (before or after the command's name). */
    public boolean profileGiven() {
        for (ParseResult result = spec.commandLine().getParseResult(); result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--profile")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Integer call() {
        return new ConsoleCommand().run(this);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; used by {@link #main} and by tests. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = ValueConverters.register(new CommandLine(new Main()));
        cli.setExecutionExceptionHandler(ExitCodes::handle);
        cli.setParameterExceptionHandler(ExitCodes::handleUsage);
        return cli;
    }
}
