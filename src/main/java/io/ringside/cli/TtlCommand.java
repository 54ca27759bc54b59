package io.ringside.cli;

import io.ringside.Main;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside ttl}: set or remove the TTL of cache keys, audited. */
@Command(name = "ttl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Set (--set SECONDS) or remove (--persist) the TTL of Redis keys, in one pipeline.",
            "Keys that do not exist are listed on stderr (exit 5). Audited (cache.ttl)."})
public final class TtlCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "KEY", arity = "1..*", description = "Keys (escaped like 'keys' prints them).")
    List<String> keys;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Change change;

    static final class Change {
        @Option(names = "--set", paramLabel = "SECONDS", description = "Expire the keys in this many seconds.")
        Long seconds;

        @Option(names = "--persist", description = "Remove the keys' TTL.")
        boolean persist;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return DataCommandSupport.withBackends(main, backends -> KeyAdminSupport.withAdmin(main, backends, err, admin -> {
            List<byte[]> named = KeyAdminSupport.keys(keys);
            return change.persist
                    ? KeyAdminSupport.report(admin.persist(named), "persisted", spec.commandLine().getOut(), err)
                    : KeyAdminSupport.report(admin.setTtl(named, Duration.ofSeconds(change.seconds)), "ttl set on",
                            spec.commandLine().getOut(), err);
        }));
    }
}
