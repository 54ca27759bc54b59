package io.ringside;

import io.ringside.bench.cli.BenchCommand;
import io.ringside.cli.CacheCommand;
import io.ringside.cli.CommandStart;
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
import io.ringside.cli.OutputEncoding;
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
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
        description = "Administration console and CLI for a Cassandra + Redis + Kafka data stack.")
public final class Main implements Callable<Integer> {

    /**
     * The commands, in the order {@code --help} lists them. They are added to the command line
     * here rather than in the annotation so that a command line can be built with one of them
     * only (see {@link #commandLine(String...)}).
     */
    static final List<Class<?>> COMMANDS = List.of(
            StackCommand.class, LoadCommand.class, ExportCommand.class, Pm25Command.class, DatasetCommand.class, WarmCommand.class,
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
            ScreenshotsCommand.class);

    /** Options of the top command that take a value, so the value is not taken for a command's name. */
    private static final Set<String> VALUE_OPTIONS = Set.of("--data", "--profile");

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data folder (default: $RINGSIDE_HOME,%nelse $XDG_DATA_HOME/ringside,%nelse ~/.local/share/ringside).")
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
        OutputEncoding.install();
        System.exit(run(args));
    }

    /**
     * Runs a command line and returns its exit code; used by {@link #main} and by tests. A command
     * line naming a command is parsed by a tree holding that command only (picocli reads the
     * annotations of every class it is given, ~0.2-0.9 s of every command's start for the whole
     * tree); whatever that tree cannot parse (an unknown option, a bad value, a missing parameter)
     * is run again by the whole tree, so every message, suggestion and exit code is the whole
     * tree's. Help, the top command alone and unknown commands take the whole tree directly.
     */
    public static int run(String... args) {
        return run(null, null, args);
    }

    /** {@link #run(String...)} printing to {@code out} and {@code err} (the console's when null). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Class<?> named = commandNamed(args);
        if (named != null && !named.equals(ConsoleCommand.class) && !asksForHelp(args)) {
            CommandStart.prepareInBackground(); // logging and the state's reader while the command line is built
        }
        CommandLine cli = printingTo(named == null ? commandLine() : commandLine(named), out, err);
        if (cli.getSubcommands().size() < COMMANDS.size()) {
            try {
                cli.parseArgs(args);
            } catch (CommandLine.ParameterException e) {
                return printingTo(commandLine(), out, err).execute(args);
            }
        }
        return cli.execute(args);
    }

    private static CommandLine printingTo(CommandLine cli, PrintWriter out, PrintWriter err) {
        if (out != null) {
            cli.setOut(out);
        }
        if (err != null) {
            cli.setErr(err);
        }
        return cli;
    }

    /** The command line with every command: help, completion, suggestions and errors read it. */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Main()), COMMANDS);
    }

    /**
     * The command line for {@code args}: only the command they name when they name one (not
     * {@code help}), else every command.
     */
    static CommandLine commandLine(String... args) {
        Class<?> named = commandNamed(args);
        return named == null ? commandLine() : commandLine(named);
    }

    private static CommandLine commandLine(Class<?> command) {
        return configure(new CommandLine(new Main()), List.of(command));
    }

    /** True when a word of {@code args} asks for help or the version: nothing is connected then. */
    private static boolean asksForHelp(String... args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V")) {
                return true;
            }
        }
        return false;
    }

    /** The command whose name or alias is the first word of {@code args} that is not an option; null if none. */
    static Class<?> commandNamed(String... args) {
        String word = null;
        for (int i = 0; i < args.length && word == null; i++) {
            String arg = args[i];
            if (VALUE_OPTIONS.contains(arg)) {
                i++;
            } else if (arg.startsWith("-")) {
                if (!VALUE_OPTIONS.contains(arg.split("=", 2)[0])) {
                    return null; // -h, --version, --, anything else: the top command's own
                }
            } else {
                word = arg;
            }
        }
        if (word == null || word.equals("help")) {
            return null;
        }
        for (Class<?> command : COMMANDS) {
            Command annotation = command.getAnnotation(Command.class);
            if (annotation.name().equals(word) || Arrays.asList(annotation.aliases()).contains(word)) {
                return command;
            }
        }
        return null;
    }

    private static CommandLine configure(CommandLine cli, List<Class<?>> commands) {
        for (Class<?> command : commands) {
            cli.addSubcommand(command);
        }
        ValueConverters.register(cli);
        cli.setExecutionExceptionHandler(ExitCodes::handle);
        cli.setParameterExceptionHandler(ExitCodes::handleUsage);
        return cli;
    }
}
