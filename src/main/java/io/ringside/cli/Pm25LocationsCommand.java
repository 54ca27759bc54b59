package io.ringside.cli;

import io.ringside.core.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside pm25 locations}: every location with a daily series, one per line. */
@Command(name = "locations", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the locations that have a daily PM2.5 series, one per line.")
final class Pm25LocationsCommand implements Callable<Integer> {

    @ParentCommand
    Pm25Command pm25;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array instead of one name per line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<String> locations = DataCommandSupport.withServices(pm25.main(),
                services -> services.pm25Store().locations());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writeValueAsString(locations));
        } else {
            locations.forEach(out::println);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
