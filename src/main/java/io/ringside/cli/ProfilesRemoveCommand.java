package io.ringside.cli;

import io.ringside.core.RingsideException;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.SecretKind;
import io.ringside.core.connect.SecretStore;
import io.ringside.core.kafka.AuditLog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside profiles remove}: deletes a stored profile and its passwords. */
@Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Deletes a stored profile and its passwords from the keyring (needs --yes); the servers it "
            + "points at are not touched.", "The built-in local profile cannot be removed. Audited (profiles.remove)."})
final class ProfilesRemoveCommand implements Callable<Integer> {

    @ParentCommand
    ProfilesCommand profiles;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The profile's id or name.")
    String name;

    @Option(names = "--yes", description = "Really remove.")
    boolean yes;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ConnectionProfile doomed = profiles.store().resolve(name);
        if (doomed.isLocal()) {
            throw new RingsideException("The built-in 'local' profile cannot be removed");
        }
        if (!yes) {
            err.println("ringside: nothing removed; add --yes to remove profile " + doomed.id() + " (" + doomed.name() + ")");
            err.flush();
            return ExitCodes.USAGE;
        }
        AuditLog audit = profiles.auditLog();
        String target = doomed.id() + " (" + doomed.name() + ")";
        try {
            profiles.store().delete(doomed.id());
            SecretStore secrets = ProfilesCommand.secrets();
            for (SecretKind kind : SecretKind.values()) {
                secrets.delete(doomed.id(), kind);
            }
        } catch (RuntimeException e) {
            ProfilesCommand.audit(audit, "profiles.remove", target, 0, "failed: " + e.getMessage(), err);
            throw e;
        }
        ProfilesCommand.audit(audit, "profiles.remove", target, 1, "ok", err);
        spec.commandLine().getOut().println("removed profile " + target);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
