package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.Json;
import io.ringside.core.kafka.ConsumerGroupLag;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside groups}: consumer groups with members and lag; reset their offsets or delete them. */
@Command(name = "groups", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List Kafka consumer groups: id, state, members, total lag in messages.",
            "TSV without header, or --json with every partition's committed offset, end offset, lag and time lag."},
        subcommands = {GroupsResetOffsetsCommand.class, GroupsDeleteCommand.class})
public final class GroupsCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON array of groups.")
    boolean json;

    Main main() {
        return main;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<ConsumerGroupLag> groups = KafkaCommandSupport.withKafka(main, spec.commandLine().getErr(),
                kafka -> kafka.inspector().groups());
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(groups));
        } else {
            groups.forEach(g -> out.printf(Locale.ROOT, "%s\t%s\t%d\t%d%n", g.groupId(), g.state(), g.members().size(),
                    g.totalLag()));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
