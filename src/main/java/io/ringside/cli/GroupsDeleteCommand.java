package io.ringside.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside groups delete}: delete a consumer group and its committed offsets. */
@Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Delete a consumer group and its committed offsets (needs --yes).",
            "Refused while the group has active members and under a read-only profile; audited "
                + "(kafka.group.delete)."})
final class GroupsDeleteCommand implements Callable<Integer> {

    @ParentCommand
    GroupsCommand groups;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "GROUP", description = "The consumer group.")
    String group;

    @Option(names = "--yes", description = "Really delete.")
    boolean yes;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!yes) {
            err.println("ringside: nothing deleted; add --yes to delete consumer group " + group);
            err.flush();
            return ExitCodes.USAGE;
        }
        KafkaCommandSupport.withKafka(groups.main(), err, kafka -> {
            kafka.groups().delete(group);
            return null;
        });
        spec.commandLine().getOut().println("deleted consumer group " + group);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
