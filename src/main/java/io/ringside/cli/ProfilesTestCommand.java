package io.ringside.cli;

import io.ringside.core.BackendUnavailableException;
import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ConnectionCheck;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ConnectionTester;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside profiles test}: the dialog's Test connection for every backend of a profile. */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Connects to every backend of a profile and prints one line each (endpoint, version or why not).",
            "Exit 0 when every backend answers, 3 otherwise (the failing backend is named on stderr)."})
final class ProfilesTestCommand implements Callable<Integer> {

    @ParentCommand
    ProfilesCommand profiles;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The profile's id or name.")
    String name;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "5",
            description = "Seconds to wait for each backend (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 second");
        }
        ConnectionProfile profile = profiles.store().resolve(name);
        List<ConnectionCheck> checks;
        try (Backends backends = Backends.probe(profile, profiles.main().dataFolder(), ProfilesCommand.secrets())
                .orElseThrow(() -> new BackendUnavailableException("No local stack in " + profiles.main().dataFolder()
                        + "; start one with 'ringside stack up --detach'"))) {
            checks = new ConnectionTester(Duration.ofSeconds(timeoutSeconds)).checkAll(backends);
        }
        PrintWriter out = spec.commandLine().getOut();
        checks.forEach(check -> out.println(check.describe()));
        out.flush();
        List<ConnectionCheck> failed = checks.stream().filter(check -> !check.ok()).toList();
        if (failed.isEmpty()) {
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("ringside: profile " + profile.id() + ": " + String.join("; ",
                failed.stream().map(ConnectionCheck::describe).toList()));
        err.flush();
        return ExitCodes.UNREACHABLE;
    }
}
