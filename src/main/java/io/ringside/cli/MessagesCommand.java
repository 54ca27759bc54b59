package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.kafka.explorer.KafkaMessage;
import io.ringside.core.kafka.explorer.MessageFilter;
import io.ringside.core.kafka.explorer.MessageQuery;
import io.ringside.core.kafka.explorer.Position;
import io.ringside.core.kafka.explorer.SearchQuery;
import io.ringside.core.kafka.explorer.SearchResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside messages}: browse or search a topic, one JSON line per message on stdout. */
@Command(name = "messages", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print messages of a Kafka topic as JSON lines (topic, partition, offset, timestamp, key, value, "
                + "value_size, headers).",
            "Without a filter: the first --limit messages from the start position (the newest with "
                + "--newest-first). With a filter (--grep, --regex, --key, --header, --jsonpath): a search up to the "
                + "end as it was when the search started, stopping after --limit matches; counts go to stderr."})
public final class MessagesCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TOPIC", description = "The topic.")
    String topic;

    @Option(names = "--partition", paramLabel = "P", description = "Only this partition.")
    Integer partition;

    @ArgGroup(exclusive = true)
    From from = new From();

    static final class From {
        @Option(names = "--from-offset", paramLabel = "N", description = "Start at offset N (in every partition).")
        Long offset;

        @Option(names = "--from-time", paramLabel = "T", description = "Start at the first message at or after T.")
        String time;
    }

    @ArgGroup(exclusive = true)
    To to = new To();

    static final class To {
        @Option(names = "--to-offset", paramLabel = "N", description = "Search up to offset N, inclusive.")
        Long offset;

        @Option(names = "--to-time", paramLabel = "T", description = "Search up to time T, exclusive.")
        String time;
    }

    @ArgGroup(exclusive = true)
    Filter filter = new Filter();

    static final class Filter {
        @Option(names = "--grep", paramLabel = "S", description = "Values containing S.")
        String grep;

        @Option(names = "--regex", paramLabel = "RE", description = "Values with a match of RE.")
        String regex;

        @Option(names = "--key", paramLabel = "S", description = "Keys containing S.")
        String key;

        @Option(names = "--header", paramLabel = "NAME[=S]", description = "A header NAME (whose value contains S).")
        String header;

        @Option(names = "--jsonpath", paramLabel = "EXPR", description = "JSON values meeting EXPR, e.g. '$.state == \"failed\"'.")
        String jsonPath;
    }

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N messages (default 100).")
    int limit;

    @Option(names = "--newest-first", description = "Browse backwards from the end (or from --from-offset/--from-time).")
    boolean newestFirst;

    @Option(names = "--max-value-bytes", paramLabel = "B", defaultValue = "1048576",
            description = "Cut values after B bytes (value_size keeps the real length; default 1 MiB).")
    int maxValueBytes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MessageFilter condition = filter();
        Position start = from.offset != null ? Position.offset(from.offset)
                : from.time != null ? Position.time(KafkaCommandSupport.time(from.time))
                : newestFirst ? Position.end() : Position.beginning();
        return KafkaCommandSupport.withKafka(main, err, kafka -> {
            if (condition == null) {
                List<KafkaMessage> page = kafka.browser().browse(new MessageQuery(topic, partition, start, newestFirst,
                        limit, maxValueBytes));
                page.forEach(m -> out.println(KafkaCommandSupport.jsonLine(m)));
                out.flush();
                return ExitCodes.OK;
            }
            if (newestFirst) {
                throw new IllegalArgumentException("A search runs oldest first; leave out --newest-first");
            }
            Position end = to.offset != null ? Position.offset(to.offset)
                    : to.time != null ? Position.time(KafkaCommandSupport.time(to.time)) : Position.end();
            SearchResult result = kafka.search(new SearchQuery(topic, partition, start, end, condition, limit, true,
                    maxValueBytes)).run(m -> out.println(KafkaCommandSupport.jsonLine(m)), p -> { });
            out.flush();
            err.println(result.summary());
            err.flush();
            return ExitCodes.OK;
        });
    }

    private MessageFilter filter() {
        if (filter.grep != null) {
            return MessageFilter.valueContains(filter.grep);
        }
        if (filter.regex != null) {
            return MessageFilter.valueMatches(filter.regex);
        }
        if (filter.key != null) {
            return MessageFilter.keyContains(filter.key);
        }
        if (filter.header != null) {
            int eq = filter.header.indexOf('=');
            return eq < 0 ? MessageFilter.header(filter.header, null)
                    : MessageFilter.header(filter.header.substring(0, eq), filter.header.substring(eq + 1));
        }
        if (filter.jsonPath != null) {
            return MessageFilter.jsonPath(filter.jsonPath);
        }
        if (to.offset != null || to.time != null) {
            return MessageFilter.all();
        }
        return null;
    }
}
