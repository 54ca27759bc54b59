package io.ringside.cli;

import io.ringside.core.connect.ProfileStore;
import io.ringside.core.kafka.AuditLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside profiles import}: profiles from an exported file, with a rule for conflicts. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Imports the profiles of an exported FILE.",
            "A profile conflicts with a stored one of the same id, else of the same name: rename (default) "
                + "imports it under a fresh id and name, replace overwrites the stored one (never the built-in local: "
                + "renamed instead), skip leaves it out. One line per profile says what became of it. Audited "
                + "(profiles.import)."})
final class ProfilesImportCommand implements Callable<Integer> {

    @ParentCommand
    ProfilesCommand profiles;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A file written by 'profiles export' or the dialog's Export….")
    Path file;

    @Option(names = "--on-conflict", paramLabel = "RULE", defaultValue = "rename",
            description = "rename, replace or skip (default: ${DEFAULT-VALUE}).")
    String onConflict;

    @Override
    public Integer call() {
        ProfileStore.OnConflict rule;
        try {
            rule = ProfileStore.OnConflict.valueOf(onConflict.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--on-conflict '" + onConflict + "': use rename, replace or skip");
        }
        PrintWriter err = spec.commandLine().getErr();
        AuditLog audit = profiles.auditLog();
        List<ProfileStore.ImportedProfile> outcomes;
        try {
            outcomes = profiles.store().importFrom(file, rule);
        } catch (RuntimeException e) {
            ProfilesCommand.audit(audit, "profiles.import", file.toString(), 0, "failed: " + e.getMessage(), err);
            throw e;
        }
        long saved = outcomes.stream().filter(o -> o.outcome() != ProfileStore.ImportOutcome.SKIPPED).count();
        ProfilesCommand.audit(audit, "profiles.import", file + " (" + rule.name().toLowerCase(Locale.ROOT) + ")", saved,
                "ok", err);
        PrintWriter out = spec.commandLine().getOut();
        outcomes.forEach(o -> out.println(o.describe()));
        out.flush();
        return ExitCodes.OK;
    }
}
