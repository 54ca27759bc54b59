package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.kafka.explorer.MessageHeader;
import io.ringside.core.kafka.explorer.ProduceRequest;
import io.ringside.core.kafka.explorer.ProducedRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside produce}: send one record, refused under a read-only profile, audited. */
@Command(name = "produce", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Send one record to a Kafka topic and print where it was stored (partition, offset).",
            "Refused under a read-only profile; audited (kafka.produce)."})
public final class ProduceCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TOPIC", description = "The topic.")
    String topic;

    @Option(names = "--key", paramLabel = "K", description = "The key (none: a null key).")
    String key;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Value value;

    static final class Value {
        @Option(names = "--value", paramLabel = "V", description = "The value as text.")
        String text;

        @Option(names = "--json-value", paramLabel = "V", description = "The value, checked to be JSON.")
        String json;

        @Option(names = "--value-file", paramLabel = "FILE", description = "The value: the bytes of FILE.")
        Path file;
    }

    @Option(names = "--header", paramLabel = "k=v", description = "A header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--partition", paramLabel = "P", description = "This partition (default: chosen by key).")
    Integer partition;

    @Override
    public Integer call() {
        byte[] bytes = value.text != null ? ProduceRequest.text(value.text)
                : value.json != null ? ProduceRequest.json(value.json) : ProduceRequest.file(value.file);
        ProduceRequest request = new ProduceRequest(topic, partition, ProduceRequest.text(key), bytes,
                headers.stream().map(MessageHeader::parse).toList());
        PrintWriter out = spec.commandLine().getOut();
        ProducedRecord stored = KafkaCommandSupport.withKafka(main, spec.commandLine().getErr(),
                kafka -> kafka.producer().produce(request));
        out.printf(Locale.ROOT, "produced to %s partition %d offset %d%n", stored.topic(), stored.partition(),
                stored.offset());
        out.flush();
        return ExitCodes.OK;
    }
}
