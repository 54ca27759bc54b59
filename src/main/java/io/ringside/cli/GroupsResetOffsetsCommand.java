package io.ringside.cli;

import io.ringside.core.kafka.explorer.OffsetReset;
import io.ringside.core.kafka.explorer.ResetPlan;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside groups reset-offsets}: move a group's committed offsets on one topic, previewed first. */
@Command(name = "reset-offsets", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Move a consumer group's committed offsets on one topic.",
            "Prints partition, old offset (-1: none) and new offset. --dry-run only prints; --yes applies. "
                + "Refused while the group has active members (stop its consumers first) and under a read-only profile; "
                + "audited (kafka.group.reset-offsets)."})
final class GroupsResetOffsetsCommand implements Callable<Integer> {

    @ParentCommand
    GroupsCommand groups;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "GROUP", description = "The consumer group.")
    String group;

    @Option(names = "--topic", paramLabel = "T", required = true, description = "The topic whose offsets move.")
    String topic;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--to-earliest", description = "To the first offset of each partition.")
        boolean earliest;

        @Option(names = "--to-latest", description = "To the end of each partition.")
        boolean latest;

        @Option(names = "--to-time", paramLabel = "T", description = "To the first message at or after T.")
        String time;

        @Option(names = "--to-offset", paramLabel = "N", description = "To offset N (kept within each log).")
        Long offset;

        @Option(names = "--shift-by", paramLabel = "N", description = "By N from the committed offset (negative: back).")
        Long shift;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--dry-run", description = "Only print old and new offsets.")
        boolean dryRun;

        @Option(names = "--yes", description = "Apply the reset.")
        boolean yes;
    }

    @Override
    public Integer call() {
        OffsetReset reset = target.earliest ? OffsetReset.earliest() : target.latest ? OffsetReset.latest()
                : target.time != null ? OffsetReset.toTime(KafkaCommandSupport.time(target.time))
                : target.offset != null ? OffsetReset.toOffset(target.offset) : OffsetReset.shiftBy(target.shift);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResetPlan plan = KafkaCommandSupport.withKafka(groups.main(), err, kafka -> mode.dryRun
                ? kafka.groups().planReset(group, topic, reset) : kafka.groups().resetOffsets(group, topic, reset));
        plan.moves().forEach(m -> out.printf(Locale.ROOT, "%s\t%d\t%d\t%d%n", topic, m.partition(), m.oldOffset(),
                m.newOffset()));
        out.flush();
        if (mode.dryRun && plan.activeMembers() > 0) {
            err.println("note: the group has " + plan.activeMembers() + " active member(s); a reset would be refused");
        }
        err.println(mode.dryRun ? "dry run: nothing changed" : "reset " + group + " on " + topic + " to " + reset.describe());
        err.flush();
        return ExitCodes.OK;
    }
}
