package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.Json;
import io.ringside.core.kafka.TopicInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside topics}: the topics of the profile's Kafka with their sizes and message counts. */
@Command(name = "topics", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List Kafka topics: name, partitions, replication factor, messages (end minus start offsets), size on "
                + "disk in bytes (every replica), retention in ms (-1 unlimited).",
            "TSV without header, or --json."})
public final class TopicsCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON array of topics.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = KafkaCommandSupport.withKafka(main, spec.commandLine().getErr(), kafka -> {
            List<TopicInfo> topics = kafka.inspector().topics();
            Map<String, Long> counts = kafka.topics().messageCounts(topics.stream().map(TopicInfo::name).toList());
            List<Map<String, Object>> list = new ArrayList<>();
            for (TopicInfo topic : topics) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", topic.name());
                row.put("partitions", topic.partitions());
                row.put("replication_factor", topic.replicationFactor());
                row.put("messages", counts.getOrDefault(topic.name(), 0L));
                row.put("size_bytes", topic.sizeBytes());
                row.put("retention_ms", topic.retentionMs());
                list.add(row);
            }
            return list;
        });
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        } else {
            rows.forEach(r -> out.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%s\t%s%n", r.get("name"), r.get("partitions"),
                    r.get("replication_factor"), r.get("messages"), r.get("size_bytes"), r.get("retention_ms")));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
